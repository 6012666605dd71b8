// Bootstrap confidence interval for the WEAT effect size d.
//
// Why this shape: the resampling scheme is that of R package cbn (`weat_boot`, R/statistics.R):
// each resample draws X, Y, A and B independently with replacement, so the interval reflects the
// sampling of attribute words as well as of target words. The bootstrapped statistic differs: cbn's
// weat_boot bootstraps a difference of cosines to the A/B centroids (not d) and reports the 2.5/97.5%
// quantiles (or ±2 SD) of 300 resamples; here the statistic is WEAT d itself, as the result reports
// a CI for d. In practice the A/B resampling dominates the width (stimulus-set sensitivity of WEAT). Resampling A/B changes every s(w), but only through column means of the
// cosine matrices, so cosines are computed once (WeatBootstrapData) and a resample costs at most
// O((|X|+|Y|)(|A|+|B|)) multiply-adds, over the drawn rows and columns only (countWeightedEffectSize.ts:
// a resample is held as multiplicities, drawn straight into count arrays; nothing is allocated per
// resample). The inner computation is exposed as effectSizeFromIndices so the numpy reference can be
// compared on identical resample indices (the two RNGs differ).
//
// Degenerate resamples: a resample whose pooled SD of s over X*∪Y* is zero (see
// isDegenerateSpread) has no defined d; it is skipped and counted (`skipped`), never replaced by 0.
import type { CiMethod, SdConvention, SetKey } from '../association/types';
import { InvalidOptionError } from '../errors';
import { UINT32_STREAM_MAX_RANGE, Uint32Stream } from '../rng';
import { CountWeightedEffectSize } from './countWeightedEffectSize';
import { normalCdf, normalQuantile } from './normal';
import { quantileSorted } from './quantile';

/** Cosines of every target (X first, then Y) with every attribute word, row-major. */
export interface WeatBootstrapData {
  sizes: Record<SetKey, number>;
  /** (|X|+|Y|) × |A| cosines. */
  cosA: Float64Array;
  /** (|X|+|Y|) × |B| cosines. */
  cosB: Float64Array;
}

/** 0-based indices into each original set (with repetition for a bootstrap resample). */
export type SetIndices = Record<SetKey, ArrayLike<number>>;

/**
 * WEAT d on the sub-sample given by `indices`: s(w) = mean_{j∈idx_A} cos(w, a_j) − mean_{j∈idx_B}
 * cos(w, b_j) for each w drawn by idx_X (from X) and idx_Y (from Y), then
 * d = (mean s over X* − mean s over Y*) / SD(s over X*∪Y*). With the identity indices this is the
 * plain WEAT d; with indices drawn with replacement it is one bootstrap replicate; with one index
 * left out it is a jackknife replicate. Returns NaN when the pooled SD is degenerate.
 *
 * Source: Caliskan et al. (2017) for d; resampling all four sets as R package cbn `weat_boot`.
 * Never throws (indices are trusted: callers draw them in range).
 */
export function effectSizeFromIndices(data: WeatBootstrapData, indices: SetIndices, sd: SdConvention): number {
  const evaluator = new CountWeightedEffectSize(data, sd);
  const nX = data.sizes.X;
  for (let i = 0; i < indices.X.length; i++) evaluator.rowCounts[indices.X[i]!]!++;
  for (let i = 0; i < indices.Y.length; i++) evaluator.rowCounts[nX + indices.Y[i]!]!++;
  for (let j = 0; j < indices.A.length; j++) evaluator.countsA[indices.A[j]!]!++;
  for (let j = 0; j < indices.B.length; j++) evaluator.countsB[indices.B[j]!]!++;
  return evaluator.evaluate();
}

/** The identity indices 0..n−1 for every set (the original sample). Never throws. */
export function identityIndices(sizes: Record<SetKey, number>): SetIndices {
  const range = (n: number) => Int32Array.from({ length: n }, (_, i) => i);
  return { X: range(sizes.X), Y: range(sizes.Y), A: range(sizes.A), B: range(sizes.B) };
}

/**
 * Percentile interval [q(α/2), q(1 − α/2)], α = 1 − level, with type-7 quantiles of the sorted
 * bootstrap replicates. Source: Efron & Tibshirani (1993), An Introduction to the Bootstrap, ch. 13.
 * @throws {InvalidOptionError} when there are no replicates or level ∉ (0, 1)
 */
export function percentileInterval(sortedReplicates: ArrayLike<number>, level: number): { low: number; high: number } {
  assertLevel(level);
  const alpha = 1 - level;
  return { low: quantileSorted(sortedReplicates, alpha / 2), high: quantileSorted(sortedReplicates, 1 - alpha / 2) };
}

/**
 * Jackknife (leave-one-out) replicates of d: for each set g and each i, d with item i of g removed;
 * NaN where degenerate. Source: Quenouille (1956) / Efron & Tibshirani (1993), ch. 11. Never throws.
 */
export function jackknifeEffectSizes(data: WeatBootstrapData, sd: SdConvention): Record<SetKey, Float64Array> {
  const full = identityIndices(data.sizes);
  const leaveOut = (key: SetKey): Float64Array => {
    const n = data.sizes[key];
    const replicates = new Float64Array(n);
    for (let omit = 0; omit < n; omit++) {
      const kept = Int32Array.from({ length: n - 1 }, (_, i) => (i < omit ? i : i + 1));
      replicates[omit] = effectSizeFromIndices(data, { ...full, [key]: kept }, sd);
    }
    return replicates;
  };
  return { X: leaveOut('X'), Y: leaveOut('Y'), A: leaveOut('A'), B: leaveOut('B') };
}

/**
 * Acceleration â of the BCa interval for a k-sample statistic from jackknife replicates:
 * l_gi = (n_g − 1)(θ̄_g − θ_(gi)) (jackknife influence values of sample g),
 * â = Σ_g n_g⁻³ Σ_i l_gi³ / (6 · (Σ_g n_g⁻² Σ_i l_gi²)^{3/2}); 0 when the denominator vanishes.
 * NaN jackknife replicates (degenerate SD) are left out of their group.
 * Source: Davison & Hinkley (1997), Bootstrap Methods and their Application, ch. 3 (k-sample
 * empirical influence values) and ch. 5 (BCa); one-sample case: Efron & Tibshirani (1993), eq. 14.15.
 * Never throws.
 */
export function bcaAcceleration(jackknife: Record<SetKey, ArrayLike<number>>): number {
  let cubes = 0;
  let squares = 0;
  for (const key of ['X', 'Y', 'A', 'B'] as const) {
    const replicates = Array.from(jackknife[key]).filter((v) => Number.isFinite(v));
    const n = jackknife[key].length;
    if (replicates.length === 0) continue;
    const jackMean = replicates.reduce((a, b) => a + b, 0) / replicates.length;
    for (const replicate of replicates) {
      const influence = (n - 1) * (jackMean - replicate);
      cubes += influence ** 3 / n ** 3;
      squares += influence ** 2 / n ** 2;
    }
  }
  if (!(squares > 0)) return 0;
  return cubes / (6 * squares ** 1.5);
}

/**
 * BCa interval: z₀ = Φ⁻¹((#{θ* < θ̂} + ½#{θ* = θ̂}) / B), for z in {z_{α/2}, z_{1−α/2}}:
 * α' = Φ(z₀ + (z₀ + z)/(1 − â(z₀ + z))), endpoints = type-7 quantiles at α'.
 * If every replicate lies on one side of θ̂, z₀ = ±∞ and the interval collapses to an extreme
 * replicate; that is the method's known behaviour, not hidden.
 * Source: Efron (1987), JASA 82:171; Efron & Tibshirani (1993), ch. 14 (eqs. 14.10–14.14).
 * @throws {InvalidOptionError} when there are no replicates or level ∉ (0, 1)
 */
export function bcaInterval(estimate: number, sortedReplicates: ArrayLike<number>, acceleration: number, level: number): { low: number; high: number } {
  assertLevel(level);
  const count = sortedReplicates.length;
  if (count === 0) throw new InvalidOptionError('a bootstrap interval needs at least one valid replicate');
  let below = 0;
  let equal = 0;
  for (let i = 0; i < count; i++) {
    if (sortedReplicates[i]! < estimate) below++;
    else if (sortedReplicates[i]! === estimate) equal++;
  }
  const biasCorrection = normalQuantile((below + 0.5 * equal) / count);
  const alpha = 1 - level;
  const adjustedLevel = (z: number): number => {
    const shifted = biasCorrection + z;
    const level = normalCdf(biasCorrection + shifted / (1 - acceleration * shifted));
    return Number.isNaN(level) ? (shifted > 0 ? 1 : 0) : level;
  };
  const lowLevel = adjustedLevel(normalQuantile(alpha / 2));
  const highLevel = adjustedLevel(normalQuantile(1 - alpha / 2));
  return { low: quantileSorted(sortedReplicates, lowLevel), high: quantileSorted(sortedReplicates, highLevel) };
}

export interface BootstrapOptions {
  resamples: number;
  level: number;
  method: CiMethod;
  sd: SdConvention;
  seed: number;
  /** Called at most ~50 times with (done, total). */
  onProgress?: (done: number, total: number) => void;
}

export interface BootstrapResult {
  low: number;
  high: number;
  method: CiMethod;
  level: number;
  /** Valid (non-degenerate) resamples used for the interval. */
  resamples: number;
  /** Resamples skipped because the pooled SD was zero. */
  skipped: number;
  /** BCa acceleration (0 for the percentile method). */
  acceleration: number;
  /** The valid replicates, sorted ascending. */
  replicates: Float64Array;
}

/**
 * Bootstrap CI for WEAT d: `resamples` times draw |X| indices from X, |Y| from Y, |A| from A and
 * |B| from B uniformly with replacement (in that order, from one seeded Uint32Stream: sampler 2 of
 * samplerVersion.ts), compute d*
 * (effectSizeFromIndices), skip degenerate ones, then take the percentile or BCa interval.
 * Returns null when fewer than 2 resamples are valid.
 *
 * Source: resampling scheme of R package cbn `weat_boot` (all four sets; cbn bootstraps a centroid
 * cosine difference rather than d — see the header); Efron &
 * Tibshirani (1993) for the intervals.
 * @throws {InvalidOptionError} when resamples is not an integer ≥ 1, level ∉ (0, 1) or a set has more than 2²¹ items
 */
export function bootstrapEffectSize(data: WeatBootstrapData, options: BootstrapOptions): BootstrapResult | null {
  const { resamples, level, method, sd, seed, onProgress } = options;
  if (!Number.isInteger(resamples) || resamples < 1) throw new InvalidOptionError(`bootstrap resamples must be an integer ≥ 1, got ${resamples}`);
  assertLevel(level);
  const { sizes } = data;
  if (Math.max(sizes.X, sizes.Y, sizes.A, sizes.B) > UINT32_STREAM_MAX_RANGE) throw new InvalidOptionError(`a bootstrap resamples sets of at most ${UINT32_STREAM_MAX_RANGE} items`);
  const stream = new Uint32Stream(seed);
  const evaluator = new CountWeightedEffectSize(data, sd);
  const { rowCounts, countsA, countsB } = evaluator;
  const valid = new Float64Array(resamples);
  let validCount = 0;
  const progressEvery = Math.max(1, Math.ceil(resamples / 50));
  let skipped = 0;
  for (let r = 0; r < resamples; r++) {
    rowCounts.fill(0);
    countsA.fill(0);
    countsB.fill(0);
    for (let i = 0; i < sizes.X; i++) rowCounts[stream.below(sizes.X)]!++;
    for (let i = 0; i < sizes.Y; i++) rowCounts[sizes.X + stream.below(sizes.Y)]!++;
    for (let j = 0; j < sizes.A; j++) countsA[stream.below(sizes.A)]!++;
    for (let j = 0; j < sizes.B; j++) countsB[stream.below(sizes.B)]!++;
    const replicate = evaluator.evaluate();
    if (Number.isNaN(replicate)) skipped++;
    else valid[validCount++] = replicate;
    if (onProgress && (r + 1) % progressEvery === 0) onProgress(r + 1, resamples);
  }
  if (onProgress && resamples % progressEvery !== 0) onProgress(resamples, resamples);
  if (validCount < 2) return null;
  const replicates = valid.slice(0, validCount).sort();
  if (method === 'percentile') {
    return { ...percentileInterval(replicates, level), method, level, resamples: replicates.length, skipped, acceleration: 0, replicates };
  }
  const estimate = effectSizeFromIndices(data, identityIndices(sizes), sd);
  const acceleration = bcaAcceleration(jackknifeEffectSizes(data, sd));
  return { ...bcaInterval(estimate, replicates, acceleration, level), method, level, resamples: replicates.length, skipped, acceleration, replicates };
}

function assertLevel(level: number): void {
  if (!(level > 0 && level < 1)) throw new InvalidOptionError(`confidence level must be in (0, 1), got ${level}`);
}
