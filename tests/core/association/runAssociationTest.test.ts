// The association runner: validation errors, batch seeding, progress, result shape.
import { describe, expect, it } from 'vitest';
import { deriveTestSeed, runAssociationBatch, runAssociationTest } from '../../../src/core/association';
import { DEFAULT_ASSOCIATION_OPTIONS, type AssociationInput, type AssociationOptions, type BatchProgress, type ComputeProgress } from '../../../src/core/association/types';
import { AllOutOfVocabularyError, InvalidOptionError, InvalidVectorError, InvalidWordSetError } from '../../../src/core/errors';
import { createRng } from '../../../src/core/rng';
import { benjaminiHochbergAdjust, holmAdjust } from '../../../src/core/stats/multipleComparisons';
import { inputOf } from '../helpers';

const rng = createRng(2024);
const randomVectors = (n: number, dim: number) => Array.from({ length: n }, () => Array.from({ length: dim }, () => rng.float() - 0.5));
const makeInput = (probeId: string, sizes: [number, number, number, number], dim = 12): AssociationInput =>
  inputOf({ X: randomVectors(sizes[0], dim), Y: randomVectors(sizes[1], dim), A: randomVectors(sizes[2], dim), B: randomVectors(sizes[3], dim) }, probeId);

const options: AssociationOptions = { ...DEFAULT_ASSOCIATION_OPTIONS, permutations: 3000, bootstrap: 300 };
const big = makeInput('big', [12, 11, 6, 7]); // C(23, 12) = 1,352,078 > 100,000 → Monte Carlo
const small = makeInput('small', [4, 5, 3, 3]); // C(9, 4) = 126 → exact

describe('runAssociationTest', () => {
  it('chooses exact or Monte Carlo and reports the count', () => {
    const mc = runAssociationTest(big, options);
    expect(mc.pMethod).toBe('monte-carlo');
    expect(mc.permutations).toBe(3000);
    const exact = runAssociationTest(small, options);
    expect(exact.pMethod).toBe('exact');
    expect(exact.permutations).toBe(126);
  });
  it('fills every field of the result', () => {
    const r = runAssociationTest(small, options);
    expect(r.labels).toEqual({ X: 'x', Y: 'y', A: 'a', B: 'b' });
    expect(r.words.X).toEqual(['x1', 'x2', 'x3', 'x4']);
    expect(r.sizes).toEqual({ X: 4, Y: 5, A: 3, B: 3 });
    expect(r.items).toHaveLength(9);
    expect(r.nullHistogram!.counts).toHaveLength(options.nullHistogramBins);
    expect(r.pHolm).toBeNull();
    expect(r.wefe).toBeDefined();
    expect(Number.isFinite(r.wefe!.rnsb)).toBe(true);
    expect(JSON.parse(JSON.stringify(r)).effectSize).toBeCloseTo(r.effectSize, 15);
  });
  it('same options ⇒ identical output; the seed changes only the random parts', () => {
    expect(runAssociationTest(big, options)).toEqual(runAssociationTest(big, options));
    const other = runAssociationTest(big, { ...options, seed: 99 });
    const base = runAssociationTest(big, options);
    expect(other.effectSize).toBe(base.effectSize);
    expect(other.statistic).toBe(base.statistic);
    expect([other.pValue, other.ci!.low]).not.toEqual([base.pValue, base.ci!.low]);
  });
  it('the p-value does not depend on the bootstrap count (separate random streams)', () => {
    expect(runAssociationTest(big, { ...options, bootstrap: 0 }).pValue).toBe(runAssociationTest(big, options).pValue);
    expect(runAssociationTest(big, { ...options, bootstrap: 0 }).ci).toBeNull();
  });
  it('reports progress at most ~100 times, per stage ending at done = total', () => {
    const calls: ComputeProgress[] = [];
    runAssociationTest(big, { ...options, permutations: 100_000, bootstrap: 2000 }, (p) => calls.push(p));
    expect(calls.length).toBeLessThanOrEqual(102);
    expect(calls.filter((c) => c.stage === 'permutations').at(-1)).toEqual({ stage: 'permutations', done: 100_000, total: 100_000 });
    expect(calls.filter((c) => c.stage === 'bootstrap').at(-1)).toEqual({ stage: 'bootstrap', done: 2000, total: 2000 });
  });
});

describe('runAssociationBatch', () => {
  const inputs = [big, small, makeInput('third', [6, 6, 5, 5])];
  it('applies Holm and BH across the batch', () => {
    const results = runAssociationBatch(inputs, options);
    const p = results.map((r) => r.pValue as number);
    expect(results.map((r) => r.pHolm)).toEqual(holmAdjust(p));
    expect(results.map((r) => r.pBH)).toEqual(benjaminiHochbergAdjust(p));
  });
  it('a single re-run and a reordered batch reproduce each test (seed derived from seed and probeId)', () => {
    const results = runAssociationBatch(inputs, options);
    const reversed = runAssociationBatch([...inputs].reverse(), options).reverse();
    results.forEach((r, i) => {
      const alone = runAssociationTest(inputs[i]!, options);
      expect({ ...r, pHolm: null, pBH: null }).toEqual(alone);
      expect(reversed[i]).toEqual(r);
    });
  });
  it('tags progress with the test index', () => {
    const seen = new Set<number>();
    runAssociationBatch(inputs, options, (p: BatchProgress) => {
      expect(p.tests).toBe(3);
      seen.add(p.index);
    });
    expect([...seen].sort()).toEqual([0, 1, 2]);
  });
  it('derives distinct 32-bit seeds per probe and stream, stable across runs', () => {
    const seeds = [deriveTestSeed(1, 'a', 'permutation'), deriveTestSeed(1, 'b', 'permutation'), deriveTestSeed(1, 'a', 'bootstrap'), deriveTestSeed(2, 'a', 'permutation')];
    expect(new Set(seeds).size).toBe(4);
    for (const s of seeds) expect(Number.isInteger(s) && s >= 0 && s < 2 ** 32).toBe(true);
    expect(deriveTestSeed(1, 'caliskan-weat-1', 'permutation')).toBe(deriveTestSeed(1, 'caliskan-weat-1', 'permutation'));
    expect(deriveTestSeed(-5, 'x', 'bootstrap')).toBeGreaterThanOrEqual(0);
  });
});

describe('invalid input throws the right named error', () => {
  const withSet = (key: 'X' | 'Y' | 'A' | 'B', patch: Partial<AssociationInput['sets']['X']>): AssociationInput => ({
    ...small,
    sets: { ...small.sets, [key]: { ...small.sets[key], ...patch } },
  });
  it('a set with fewer than 2 usable words → InvalidWordSetError naming the set and its OOV words', () => {
    const one = withSet('A', { items: ['good'], vectors: [small.sets.A.vectors[0]!], oov: ['pleasant', 'lovely'] });
    expect(() => runAssociationTest(one, options)).toThrow(InvalidWordSetError);
    expect(() => runAssociationTest(one, options)).toThrow(/set A \("a"\).*pleasant, lovely/);
    expect(() => runAssociationTest(withSet('X', { items: [], vectors: [] }), options)).toThrow(InvalidWordSetError);
  });
  it('every word of a set OOV → AllOutOfVocabularyError', () => {
    expect(() => runAssociationTest(withSet('Y', { items: [], vectors: [], oov: ['zzq', 'qqz'] }), options)).toThrow(AllOutOfVocabularyError);
  });
  it('items/vectors mismatch → InvalidWordSetError', () => {
    expect(() => runAssociationTest(withSet('B', { items: ['p', 'q', 'r', 's'] }), options)).toThrow(InvalidWordSetError);
  });
  it('non-finite entries, mismatched dimensions and zero vectors → InvalidVectorError', () => {
    const nan = Float32Array.from(small.sets.B.vectors[0]!);
    nan[3] = Number.NaN;
    expect(() => runAssociationTest(withSet('B', { vectors: [nan, ...small.sets.B.vectors.slice(1)] }), options)).toThrow(InvalidVectorError);
    expect(() => runAssociationTest(withSet('B', { vectors: [new Float32Array(5), ...small.sets.B.vectors.slice(1)] }), options)).toThrow(/dimension 5, expected 12/);
    expect(() => runAssociationTest(withSet('B', { vectors: [new Float32Array(12), ...small.sets.B.vectors.slice(1)] }), options)).toThrow(InvalidVectorError);
  });
  it.each<[string, Partial<AssociationOptions>]>([
    ['permutations 0', { permutations: 0 }],
    ['permutations 1.5', { permutations: 1.5 }],
    ['bootstrap −1', { bootstrap: -1 }],
    ['confidenceLevel 1', { confidenceLevel: 1 }],
    ['confidenceLevel NaN', { confidenceLevel: Number.NaN }],
    ['sd', { sd: 'pooled' as never }],
    ['ciMethod', { ciMethod: 'basic' as never }],
    ['seed 0.5', { seed: 0.5 }],
    ['exactLimit −1', { exactLimit: -1 }],
    ['nullHistogramBins 2.5', { nullHistogramBins: 2.5 }],
  ])('option %s → InvalidOptionError', (_name, patch) => {
    expect(() => runAssociationTest(small, { ...options, ...patch })).toThrow(InvalidOptionError);
    expect(() => runAssociationBatch([small], { ...options, ...patch })).toThrow(InvalidOptionError);
  });
});
