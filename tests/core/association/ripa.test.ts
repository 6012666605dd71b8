// RIPA against an independent reference: scripts/reference/ripa_reference.py re-implements WEFE's
// RIPA.py steps in numpy (per-pair loop, np.mean/np.std), enumerates the permutation p with
// itertools and locates the inverted test's bound by evaluating the shifted test between candidate
// shifts; its output is tests/fixtures/reference/ripa.json (command and versions inside).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidWordSetError } from '../../../src/core/errors';
import { relationVector, runRipa, type RipaInput } from '../../../src/core/association/ripa';
import { DEFAULT_ASSOCIATION_OPTIONS } from '../../../src/core/association/types';

interface ReferenceCase {
  name: string;
  X: number[][];
  Y: number[][];
  firsts: number[][];
  seconds: number[][];
  droppedPairIndex: number | null;
  wordMeans: number[];
  wordSpreads: number[];
  setMeans: { X: number; Y: number };
  difference: number;
  pairDifferences: number[];
  pValue: number;
  partitions: number;
  shiftLowerBound: number | null;
}

const reference = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'reference', 'ripa.json'), 'utf8')) as { cases: ReferenceCase[] };

const f32 = (rows: number[][]) => rows.map((r) => Float32Array.from(r));

const inputOf = (c: ReferenceCase): RipaInput => ({
  probeId: 'reference',
  title: c.name,
  pairLabels: { first: 'first', second: 'second' },
  pairs: c.firsts.map((first, i) => ({ first: `a${i}`, second: `b${i}`, firstVector: Float32Array.from(first), secondVector: Float32Array.from(c.seconds[i]!) })),
  droppedPairs: [],
  targets: {
    X: { label: 'X', items: c.X.map((_, i) => `x${i}`), vectors: f32(c.X), oov: [], duplicates: [] },
    Y: { label: 'Y', items: c.Y.map((_, i) => `y${i}`), vectors: f32(c.Y), oov: [], duplicates: [] },
  },
});

const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));

describe('runRipa matches the numpy re-implementation of WEFE', () => {
  for (const c of reference.cases) {
    it(c.name, () => {
      const r = runRipa(inputOf(c), { ...DEFAULT_ASSOCIATION_OPTIONS, bootstrap: 200 });
      r.items.forEach((item, i) => {
        close(item.ripa, c.wordMeans[i]!);
        close(item.spread, c.wordSpreads[i]!);
      });
      close(r.setMeans.X, c.setMeans.X);
      close(r.setMeans.Y, c.setMeans.Y);
      close(r.difference, c.difference);
      expect(r.pairs.length).toBe(c.pairDifferences.length);
      r.pairs.forEach((p, i) => close(p.difference, c.pairDifferences[i]!));
      expect(r.pMethod).toBe('exact');
      expect(r.permutations).toBe(c.partitions);
      close(r.pValue, c.pValue);
      if (c.shiftLowerBound === null) expect(r.testCi.low).toBeNull();
      else expect(Math.abs(r.testCi.low! - c.shiftLowerBound)).toBeLessThan(1e-9);
      expect(r.testCi.low! > 0).toBe(c.pValue < 0.05);
      if (c.droppedPairIndex !== null) expect(r.droppedPairs).toEqual([{ first: `a${c.droppedPairIndex}`, second: `b${c.droppedPairIndex}`, reason: 'same vector' }]);
    });
  }
});

describe('RIPA definitions', () => {
  it('the relation vector is the unit difference, undefined for equal words', () => {
    const b = relationVector([3, 4, 1], [0, 0, 1])!;
    expect([...b]).toEqual([0.6, 0.8, 0]);
    expect(relationVector([1, 2], [1, 2])).toBeNull();
  });

  it('one pair: the score of a word is its inner product with b (hand-worked)', () => {
    // b = (1, 0); X words (2, 5) and (4, −1) score 2 and 4; Y words (−1, 3) and (1, 1) score −1 and 1.
    const r = runRipa(
      {
        probeId: 'hand',
        title: 'hand',
        pairLabels: { first: 'he', second: 'she' },
        pairs: [{ first: 'he', second: 'she', firstVector: Float32Array.of(3, 2), secondVector: Float32Array.of(1, 2) }],
        droppedPairs: [],
        targets: {
          X: { label: 'X', items: ['p', 'q'], vectors: [Float32Array.of(2, 5), Float32Array.of(4, -1)], oov: [], duplicates: [] },
          Y: { label: 'Y', items: ['r', 's'], vectors: [Float32Array.of(-1, 3), Float32Array.of(1, 1)], oov: [], duplicates: [] },
        },
      },
      DEFAULT_ASSOCIATION_OPTIONS,
    );
    expect(r.items.map((i) => i.ripa)).toEqual([2, 4, -1, 1]);
    expect(r.items.every((i) => i.spread === 0)).toBe(true);
    expect(r.difference).toBe(3);
    // C(4, 2) = 6 re-partitions; only the observed one reaches S = 6: p = 1/6; one pair, no bootstrap.
    expect(r.pValue).toBeCloseTo(1 / 6, 15);
    expect(r.robustCi).toBeNull();
  });

  it('refuses a run with no usable pair or a target set of one word', () => {
    const base = inputOf(reference.cases[0]!);
    expect(() => runRipa({ ...base, pairs: [] }, DEFAULT_ASSOCIATION_OPTIONS)).toThrow(InvalidWordSetError);
    expect(() => runRipa({ ...base, targets: { ...base.targets, Y: { ...base.targets.Y, items: ['y0'], vectors: [base.targets.Y.vectors[0]!] } } }, DEFAULT_ASSOCIATION_OPTIONS)).toThrow(InvalidWordSetError);
  });
});
