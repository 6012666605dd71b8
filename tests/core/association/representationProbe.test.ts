// The representation probe against an independent reference: scripts/reference/
// representation_probe_reference.py fits the same logistic objective with scipy's BFGS (not the
// app's Newton solver), and enumerates the 70 re-partitions of 4 + 4 target words with itertools
// (tests/fixtures/reference/representation-probe.json). Direction, alignments, set means, Δ and the
// exact p must agree; the inverted test's bound must sit on the side of 0 the p says.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conceptDirection, runRepresentationProbe, unitVector, type ConceptInput } from '../../../src/core/association/representationProbe';
import { InvalidVectorError, InvalidWordSetError } from '../../../src/core/errors';

const ref = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'reference', 'representation-probe.json'), 'utf8')) as {
  case: Record<'A' | 'B' | 'X' | 'Y', number[][]>;
  direction: number[];
  trainingAccuracy: number;
  alignments: number[];
  setMeans: { X: number; Y: number };
  difference: number;
  pValue: number;
  partitions: number;
};

const concept = (key: 'A' | 'B' | 'X' | 'Y'): ConceptInput => ({
  label: key,
  items: ref.case[key].map((_, i) => `${key.toLowerCase()}${i}`),
  vectors: ref.case[key].map((v) => Float32Array.from(v)),
  oov: [],
  duplicates: [],
});
const input = { probeId: 'toy', title: 'Toy', concepts: { X: concept('X'), Y: concept('Y'), A: concept('A'), B: concept('B') } };
const OPTIONS = { seed: 1, permutations: 999, exactLimit: 100_000 };

describe('representation probe', () => {
  it('fits the concept direction scipy finds', () => {
    const units = (key: 'A' | 'B') => ref.case[key].map((v, i) => unitVector(Float32Array.from(v), `${key}${i}`));
    const fit = conceptDirection(units('A'), units('B'));
    fit.direction.forEach((x, k) => expect(x).toBeCloseTo(ref.direction[k]!, 7));
    expect(fit.trainingAccuracy).toBe(ref.trainingAccuracy);
  });

  it('gives the reference alignments, set means, Δ and exact p (3/70)', () => {
    const r = runRepresentationProbe(input, OPTIONS);
    r.items.forEach((item, i) => expect(item.alignment).toBeCloseTo(ref.alignments[i]!, 7));
    expect(r.setMeans.X).toBeCloseTo(ref.setMeans.X, 7);
    expect(r.setMeans.Y).toBeCloseTo(ref.setMeans.Y, 7);
    expect(r.difference).toBeCloseTo(ref.difference, 7);
    expect(r.pValue).toBeCloseTo(ref.pValue, 14);
    expect(r.pValue).toBeCloseTo(3 / 70, 14);
    expect(r).toMatchObject({ pMethod: 'exact', permutations: ref.partitions });
    // p < 0.05, so the inverted one-sided interval [L, ∞) leaves out 0 and lies below Δ.
    expect(r.testCi.low!).toBeGreaterThan(0);
    expect(r.testCi.low!).toBeLessThan(r.difference);
  });

  it('swapping the reference concepts flips every alignment; swapping the targets flips Δ', () => {
    const swappedRefs = runRepresentationProbe({ ...input, concepts: { ...input.concepts, A: input.concepts.B, B: input.concepts.A } }, OPTIONS);
    swappedRefs.items.forEach((item, i) => expect(item.alignment).toBeCloseTo(-ref.alignments[i]!, 7));
    const swappedTargets = runRepresentationProbe({ ...input, concepts: { ...input.concepts, X: input.concepts.Y, Y: input.concepts.X } }, OPTIONS);
    expect(swappedTargets.difference).toBeCloseTo(-ref.difference, 7);
  });

  it('refuses a set with one word, and a zero vector', () => {
    expect(() => runRepresentationProbe({ ...input, concepts: { ...input.concepts, A: { ...concept('A'), items: ['a0'], vectors: [Float32Array.from(ref.case.A[0]!)] } } }, OPTIONS)).toThrow(InvalidWordSetError);
    expect(() => unitVector([0, 0, 0], 'zero')).toThrow(InvalidVectorError);
  });
});
