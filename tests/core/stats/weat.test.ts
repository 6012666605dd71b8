// WEAT statistic and effect size on a hand-computable 2-D case, plus invariants.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runAssociationTest } from '../../../src/core/association';
import { DEFAULT_ASSOCIATION_OPTIONS } from '../../../src/core/association/types';
import { association } from '../../../src/core/stats/association';
import { cosineSimilarity } from '../../../src/core/stats/cosine';
import { standardDeviation } from '../../../src/core/stats/descriptive';
import { weatEffectSize } from '../../../src/core/stats/weatEffectSize';
import { weatStatistic } from '../../../src/core/stats/weatStatistic';
import { InvalidVectorError } from '../../../src/core/errors';
import { inputOf, swapTargets } from '../helpers';

// Hand-computable case. All directions are unit vectors at "3-4-5" angles; x1 and x2 are given
// un-normalised ((2,0) and (3,4)) to check that only directions matter.
//   X = {(1,0), (0.6,0.8)}   Y = {(0,1), (0.8,0.6)}   A = {(1,0), (0.8,0.6)}   B = {(0,1), (0.6,0.8)}
// s(x1) = mean(1, 0.8) − mean(0, 0.6)       = 0.9 − 0.3   =  0.6
// s(x2) = mean(0.6, 0.96) − mean(0.8, 1)    = 0.78 − 0.9  = −0.12
// s(y1) = mean(0, 0.6) − mean(1, 0.8)       = 0.3 − 0.9   = −0.6
// s(y2) = mean(0.8, 1) − mean(0.6, 0.96)    = 0.9 − 0.78  =  0.12
// S = (0.6 − 0.12) − (−0.6 + 0.12) = 0.96;  mean_X − mean_Y = 0.24 − (−0.24) = 0.48
// pooled {0.6, −0.12, −0.6, 0.12}: mean 0, Σ squares = 0.7488
//   sample SD = sqrt(0.7488/3) = 0.49959984…  → d = 0.48/0.49959984 = 0.96076892…
//   population SD = sqrt(0.7488/4) = 0.43266615… → d = 1.10940039…
// Exact p: the C(4,2) = 6 partitions have Σ_{Xi} s ∈ {0.48, 0, 0.72, −0.72, 0, −0.48}, total 0, so
// S_i = 2Σ ∈ {0.96, 0, 1.44, −1.44, 0, −0.96}; two are ≥ 0.96 → p = 2/6 = 1/3.
const tiny = inputOf({
  X: [[2, 0], [3, 4]],
  Y: [[0, 1], [0.8, 0.6]],
  A: [[1, 0], [0.8, 0.6]],
  B: [[0, 1], [0.6, 0.8]],
});

describe('WEAT on a hand-computable 2-D case', () => {
  const result = runAssociationTest(tiny, { ...DEFAULT_ASSOCIATION_OPTIONS, bootstrap: 200 });
  // Inputs are stored as Float32Array (0.8 and 0.6 are not exact there), hence 7 digits here and
  // 12+ digits in the literal-definition checks below, which take plain numbers.
  it('computes s, S and d as worked out in the comments', () => {
    expect(result.items.map((i) => i.association)).toEqual([0.6, -0.12, -0.6, 0.12].map((v) => expect.closeTo(v, 7)));
    expect(result.statistic).toBeCloseTo(0.96, 7);
    expect(result.effectSize).toBeCloseTo(0.48 / Math.sqrt(0.7488 / 3), 7);
    expect(runAssociationTest(tiny, { ...DEFAULT_ASSOCIATION_OPTIONS, sd: 'population' }).effectSize).toBeCloseTo(0.48 / Math.sqrt(0.7488 / 4), 7);
  });
  it('enumerates the 6 partitions exactly: p = 1/3', () => {
    expect(result.pMethod).toBe('exact');
    expect(result.permutations).toBe(6);
    expect(result.pValue).toBeCloseTo(1 / 3, 15);
  });
  it('keeps the items in input order, X then Y, and reports labels, sizes and the CI', () => {
    expect(result.items.map((i) => `${i.set}:${i.word}`)).toEqual(['X:x1', 'X:x2', 'Y:y1', 'Y:y2']);
    expect(result.sizes).toEqual({ X: 2, Y: 2, A: 2, B: 2 });
    expect(result.ci).not.toBeNull();
    expect(result.ci!.low).toBeLessThanOrEqual(result.ci!.high);
    expect(result.ci!.resamples + (result.ci!.skipped ?? 0)).toBe(200);
  });
  it('matches the literal definitions', () => {
    expect(cosineSimilarity([2, 0], [0.6, 0.8])).toBeCloseTo(0.6, 15);
    expect(association([2, 0], [[1, 0], [0.8, 0.6]], [[0, 1], [0.6, 0.8]])).toBeCloseTo(0.6, 15);
    expect(weatStatistic([0.6, -0.12], [-0.6, 0.12])).toBeCloseTo(0.96, 15);
    expect(weatEffectSize([0.6, -0.12], [-0.6, 0.12], 'sample')).toBeCloseTo(0.9607689228305227, 12);
    expect(standardDeviation([1, 2, 3, 4], 'sample')).toBeCloseTo(Math.sqrt(5 / 3), 15);
  });
  it('rejects mismatched dimensions and non-finite entries in cosine', () => {
    expect(() => cosineSimilarity([1, 0], [1, 0, 0])).toThrow(InvalidVectorError);
    expect(() => cosineSimilarity([1, Number.NaN], [1, 0])).toThrow(InvalidVectorError);
    expect(() => cosineSimilarity([0, 0], [1, 0])).toThrow(InvalidVectorError);
  });
  it('defines d under both SD conventions or under neither, near the rounding threshold too', () => {
    // Scores 1, 1 | 1, 1 + e: sample SD e/2 is above 1e-12·max|s|, population SD e·√3/4 below it.
    const e = 2.1e-12;
    const sample = weatEffectSize([1, 1], [1, 1 + e], 'sample');
    const population = weatEffectSize([1, 1], [1, 1 + e], 'population');
    expect(sample).toBeCloseTo(-1, 3);
    expect(population / sample).toBeCloseTo(Math.sqrt(4 / 3), 12);
    expect(weatEffectSize([1, 1], [1, 1 + 1e-12], 'population')).toBeNaN();
    expect(weatEffectSize([1, 1], [1, 1 + 1e-12], 'sample')).toBeNaN();
  });
  it('returns NaN for d (and no CI) when every association is equal', () => {
    const flat = inputOf({ X: [[1, 0], [1, 0]], Y: [[1, 0], [1, 0]], A: [[1, 1], [0, 1]], B: [[1, -1], [0, 1]] });
    const r = runAssociationTest(flat, DEFAULT_ASSOCIATION_OPTIONS);
    expect(r.effectSize).toBeNaN();
    expect(r.ci).toBeNull();
    expect(r.pValue).toBe(1); // every partition ties with the observed S = 0
  });
});

// Random small WEAT inputs: 2–5 words per set, 2–6 dimensions, entries bounded away from 0-vectors.
const vector = (dim: number) => fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: dim, maxLength: dim }).map((v) => [...v.slice(0, -1), (v.at(-1) ?? 0) + 3]);
const set = (dim: number) => fc.integer({ min: 2, max: 5 }).chain((n) => fc.array(vector(dim), { minLength: n, maxLength: n }));
const weatInput = fc.integer({ min: 2, max: 6 }).chain((dim) => fc.record({ X: set(dim), Y: set(dim), A: set(dim), B: set(dim) }));
const quick = { ...DEFAULT_ASSOCIATION_OPTIONS, permutations: 500, bootstrap: 0 };

describe('WEAT invariants (fast-check)', () => {
  it('swapping X and Y negates S and d', () => {
    fc.assert(
      fc.property(weatInput, (vectors) => {
        const input = inputOf(vectors);
        const r = runAssociationTest(input, quick);
        const swapped = runAssociationTest(swapTargets(input), quick);
        expect(swapped.statistic).toBeCloseTo(-r.statistic, 10);
        if (Number.isNaN(r.effectSize)) expect(swapped.effectSize).toBeNaN();
        else expect(swapped.effectSize).toBeCloseTo(-r.effectSize, 10);
      }),
      { numRuns: 60 },
    );
  });
  it('population d = sample d · sqrt(n/(n−1)), n = |X|+|Y|', () => {
    fc.assert(
      fc.property(weatInput, (vectors) => {
        const input = inputOf(vectors);
        const sample = runAssociationTest(input, quick).effectSize;
        const population = runAssociationTest(input, { ...quick, sd: 'population' }).effectSize;
        const n = vectors.X.length + vectors.Y.length;
        expect(Number.isNaN(population)).toBe(Number.isNaN(sample));
        if (!Number.isNaN(sample)) expect(population).toBeCloseTo(sample * Math.sqrt(n / (n - 1)), 10);
      }),
      { numRuns: 60 },
    );
  });
  it('p ∈ (0, 1]; scaling vectors by a positive constant does not change S', () => {
    fc.assert(
      fc.property(weatInput, fc.double({ min: 0.01, max: 100, noNaN: true }), (vectors, scale) => {
        const input = inputOf(vectors);
        const r = runAssociationTest(input, quick);
        expect(r.pValue).toBeGreaterThan(0);
        expect(r.pValue).toBeLessThanOrEqual(1);
        const scaled = inputOf({ X: vectors.X.map((v) => v.map((x) => x * scale)), Y: vectors.Y, A: vectors.A, B: vectors.B });
        const rs = runAssociationTest(scaled, quick);
        expect(rs.statistic).toBeCloseTo(r.statistic, 5);
      }),
      { numRuns: 60 },
    );
  });
});
