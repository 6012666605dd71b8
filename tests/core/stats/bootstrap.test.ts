// Bootstrap CI for d: determinism, counts, degenerate resamples, interval sanity. Agreement with
// the numpy reference on fixed indices is in tests/core/reference.test.ts.
import { describe, expect, it } from 'vitest';
import { bootstrapEffectSize, effectSizeFromIndices, identityIndices, type WeatBootstrapData } from '../../../src/core/stats/bootstrap';
import { cosineMatrix, unitVectors } from '../../../src/core/stats/cosine';
import { InvalidOptionError } from '../../../src/core/errors';
import { runAssociationTest } from '../../../src/core/association';
import { DEFAULT_ASSOCIATION_OPTIONS } from '../../../src/core/association/types';
import { inputFromFixture, inputOf, loadCaseFixtures } from '../helpers';

const dataOf = (v: Record<'X' | 'Y' | 'A' | 'B', number[][]>): WeatBootstrapData => {
  const dim = v.X[0]!.length;
  const targets = [...unitVectors(v.X, dim), ...unitVectors(v.Y, dim)];
  return {
    sizes: { X: v.X.length, Y: v.Y.length, A: v.A.length, B: v.B.length },
    cosA: cosineMatrix(targets, unitVectors(v.A, dim)),
    cosB: cosineMatrix(targets, unitVectors(v.B, dim)),
  };
};
const biased = loadCaseFixtures().find((f) => f.name === 'biased-6-6-6-6')!;

describe('bootstrap CI of d', () => {
  const data = dataOf(biased.vectors);
  const options = { resamples: 2000, level: 0.95, method: 'percentile' as const, sd: 'sample' as const, seed: 11 };

  it('with identity indices reproduces d', () => {
    expect(effectSizeFromIndices(data, identityIndices(data.sizes), 'sample')).toBeCloseTo(biased.effectSize.sample, 12);
  });
  it('is deterministic for a seed and changes with the seed', () => {
    const a = bootstrapEffectSize(data, options)!;
    expect(bootstrapEffectSize(data, options)).toEqual(a);
    expect(bootstrapEffectSize(data, { ...options, seed: 12 })!.low).not.toBe(a.low);
  });
  it('percentile and BCa intervals are ordered and contain d', () => {
    for (const method of ['percentile', 'bca'] as const) {
      const r = bootstrapEffectSize(data, { ...options, method })!;
      expect(r.low).toBeLessThan(r.high);
      expect(r.low).toBeLessThan(biased.effectSize.sample);
      expect(r.high).toBeGreaterThan(biased.effectSize.sample);
      expect(r.resamples + r.skipped).toBe(2000);
      expect(r.replicates.length).toBe(r.resamples);
    }
  });
  it('a wider level gives a wider interval', () => {
    const narrow = bootstrapEffectSize(data, { ...options, level: 0.8 })!;
    const wide = bootstrapEffectSize(data, { ...options, level: 0.99 })!;
    expect(wide.low).toBeLessThanOrEqual(narrow.low);
    expect(wide.high).toBeGreaterThanOrEqual(narrow.high);
  });
  it('skips and counts degenerate resamples (pooled SD 0) instead of inventing a d', () => {
    // x1 ≡ y1 and x2 ≡ y2 (same vectors): a resample drawing only x1 and only y1 (or only x2/y2)
    // has all s equal → SD 0. P = 2 · (1/4 · 1/4) = 1/8 of resamples.
    const v = { X: [[1, 0.2], [0.1, 1]], Y: [[1, 0.2], [0.1, 1]], A: [[1, 0], [0.9, 0.3]], B: [[0, 1], [0.2, 0.8]] };
    const r = bootstrapEffectSize(dataOf(v), { ...options, resamples: 4000 })!;
    expect(r.skipped).toBeGreaterThan(4000 / 8 - 4 * Math.sqrt(4000 * (1 / 8) * (7 / 8)));
    expect(r.skipped).toBeLessThan(4000 / 8 + 4 * Math.sqrt(4000 * (1 / 8) * (7 / 8)));
    expect(r.resamples + r.skipped).toBe(4000);
    expect(r.replicates.every((d) => Number.isFinite(d))).toBe(true);
    const result = runAssociationTest(inputOf(v), { ...DEFAULT_ASSOCIATION_OPTIONS, bootstrap: 1000 });
    expect(result.ci!.skipped).toBeGreaterThan(0);
  });
  it('judges a replicate degenerate alike under both SD conventions (scores 1, 1 | 1, 1 + e near the threshold)', () => {
    const e = 2.1e-12;
    const near: WeatBootstrapData = { sizes: { X: 2, Y: 2, A: 1, B: 1 }, cosA: Float64Array.of(1, 1, 1, 1 + e), cosB: new Float64Array(4) };
    const sample = effectSizeFromIndices(near, identityIndices(near.sizes), 'sample');
    expect(sample).toBeCloseTo(-1, 3);
    expect(effectSizeFromIndices(near, identityIndices(near.sizes), 'population') / sample).toBeCloseTo(Math.sqrt(4 / 3), 12);
  });
  it('rejects bad options with InvalidOptionError', () => {
    expect(() => bootstrapEffectSize(data, { ...options, resamples: 0 })).toThrow(InvalidOptionError);
    expect(() => bootstrapEffectSize(data, { ...options, level: 1 })).toThrow(InvalidOptionError);
  });
  it('the runner reports the CI with its level, method and counts', () => {
    const r = runAssociationTest(inputFromFixture(biased), { ...DEFAULT_ASSOCIATION_OPTIONS, bootstrap: 500, ciMethod: 'bca', confidenceLevel: 0.9 });
    expect(r.ci).toMatchObject({ level: 0.9, method: 'bca', resamples: 500, skipped: 0 });
    expect(Number.isFinite(r.ci!.acceleration)).toBe(true);
  });
});
