// One-sided permutation test of the WEAT statistic over re-partitions of X∪Y that keep |X| and |Y|.
//
// Why this shape: the statistic of a partition depends only on the per-word associations s_i, and
// with T = Σ_{all} s_i it is S(Xi, Yi) = Σ_{Xi} s − Σ_{Yi} s = 2·Σ_{Xi} s − T. So each re-partition
// costs one subset sum, never a cosine. Exact enumeration walks the C(N, |X|) subsets in
// lexicographic order keeping prefix sums (amortised O(1) per subset); Monte Carlo draws a uniform
// |smaller side|-subset by a partial Fisher–Yates shuffle of an index array (subsetSumSampler.ts:
// uniform from any starting arrangement, so the array is not reset between draws; the draw order is
// sampler 2 of samplerVersion.ts).
//
// Ties: a re-partition counts as "at least as extreme" when S_i ≥ S_obs − ε with
// ε = 1e-12 · Σ_i |s_i|. Mathematically equal statistics (the identity partition, duplicate
// vectors, symmetric sets) are computed by different summation orders and can differ by a few ulps;
// without ε such a tie could flip and change an exact p-value. ε is ~4,500 ulps of the largest
// possible |S|, far below any real difference between distinct partitions.
//
// Null histogram: binned on the fly (nothing of size m is stored) on a fine grid over the range of
// ATTAINABLE statistics, [2·(sum of the |X| smallest s) − T, 2·(sum of the |X| largest s) − T]
// widened to include S_obs, then regrouped to the occupied part (see histogram.ts).
//
// Inversion: with `inversionAlpha`, every evaluated re-partition also hands its gap S_obs − ε − S_i
// and the number k_i of X's words it moved into Y to a ShiftBoundCollector (permutationInversion.ts),
// which returns the lower confidence bound for the shift of X's associations over Y's from the same
// re-partitions, tie rule and p formula. It changes nothing in S, p or the histogram.
import type { NullHistogram, PMethod } from '../association/types';
import { InvalidOptionError, InvalidWordSetError } from '../errors';
import { binomialCoefficient } from './combinatorics';
import { HistogramAccumulator } from './histogram';
import { ShiftBoundCollector } from './permutationInversion';
import { SubsetSumSampler } from './subsetSumSampler';
import { weatStatistic } from './weatStatistic';

/** Relative tie tolerance, see the header comment. */
export const TIE_RELATIVE_TOLERANCE = 1e-12;

export interface PermutationTestOptions {
  /** Monte-Carlo re-partitions m when exact enumeration is too large. */
  permutations: number;
  /** Enumerate exactly when C(|X|+|Y|, |X|) ≤ exactLimit. */
  exactLimit: number;
  /** Seed of the Monte-Carlo stream (see rng.ts). Unused when exact. */
  seed: number;
  /** Bins of the null histogram (0 or absent = none). */
  histogramBins?: number;
  /** Also return every null statistic (Float64Array, 8 bytes each; for tests). Default false. */
  keepNull?: boolean;
  /** Called at most ~50 times with (done, total). */
  onProgress?: (done: number, total: number) => void;
  /** Also invert the test at this level α (e.g. 0.05): fills `shiftLowerBound`. Absent = no inversion. */
  inversionAlpha?: number;
}

export interface PermutationTestResult {
  /** S(X, Y) of the observed partition. */
  observed: number;
  /** One-sided p = P(S_i ≥ S_obs): count/C when exact, (b+1)/(m+1) when Monte Carlo. */
  pValue: number;
  method: PMethod;
  /** Re-partitions evaluated: C(N, |X|) when exact (including the observed one), m when Monte Carlo. */
  permutations: number;
  /** Re-partitions at least as extreme as the observed one (b). */
  extreme: number;
  /** ε used for ties. */
  tolerance: number;
  /** The statistics of all evaluated re-partitions, when keepNull. */
  nullStatistics: Float64Array | null;
  /** Histogram of the null statistics, when histogramBins > 0. */
  histogram: NullHistogram | null;
  /**
   * With `inversionAlpha`: the smallest shift δ of X's per-word associations over Y's (in the units of
   * s, a difference of means) that the test does not reject at α; −∞ when it rejects none. Positive
   * exactly when pValue < α. Null without `inversionAlpha`.
   */
  shiftLowerBound: number | null;
}

const PROGRESS_STEPS = 50;
/** Monte Carlo draws per chunk (see sampleMonteCarlo). */
const DRAW_CHUNK = 4096;
const FIRST_CHUNK = 64;

/**
 * One-sided permutation p-value for the WEAT statistic, P(S(Xi, Yi) ≥ S(X, Y)) over all equal-size
 * re-partitions (|Xi| = |X|, |Yi| = |Y|) of X∪Y.
 *
 * Exact when C(|X|+|Y|, |X|) ≤ exactLimit: p = #{i : S_i ≥ S_obs − ε} / C (the observed partition is
 * one of the C, so p ≥ 1/C). Otherwise Monte Carlo with m seeded uniform re-partitions:
 * p = (b + 1)/(m + 1), b = #{i ≤ m : S_i ≥ S_obs − ε} (Phipson & Smyth 2010, never 0).
 *
 * Source: Caliskan, Bryson & Narayanan (2017), Science 356:183 (one-sided test over equal-size
 * partitions); sent-bias `sentbias/weat.py` (`p_val_permutation_test`: exact when the number of
 * partitions ≤ n_samples = 100,000, ties counted as "conservative" successes; otherwise n_samples − 1
 * shuffles plus one hallucinated success, p = (b + 1)/n_samples — our formula with m = n_samples − 1).
 * Difference: sent-bias compares floats exactly (no ε) and requires |X| = |Y|.
 * @param scores s(w, A, B) for the N = |X|+|Y| targets, X first then Y
 * @param sizeX |X|; the remaining N − |X| scores are Y
 * @throws {InvalidWordSetError} when |X| < 1 or |Y| < 1
 * @throws {InvalidOptionError} when permutations < 1 or exactLimit < 0 (or not integers), or when a
 *   Monte Carlo test would draw from more than 2²¹ scores
 */
export function permutationTest(scores: ArrayLike<number>, sizeX: number, options: PermutationTestOptions): PermutationTestResult {
  const total = scores.length;
  const sizeY = total - sizeX;
  if (!Number.isInteger(sizeX) || sizeX < 1 || sizeY < 1) throw new InvalidWordSetError(`a permutation test needs |X| ≥ 1 and |Y| ≥ 1, got ${sizeX} and ${sizeY}`);
  if (!Number.isInteger(options.permutations) || options.permutations < 1) throw new InvalidOptionError(`permutations must be an integer ≥ 1, got ${options.permutations}`);
  if (!Number.isInteger(options.exactLimit) || options.exactLimit < 0) throw new InvalidOptionError(`exactLimit must be an integer ≥ 0, got ${options.exactLimit}`);

  const s = Float64Array.from(scores);
  const observed = weatStatistic(s.subarray(0, sizeX), s.subarray(sizeX));
  let sumAll = 0;
  let sumAbs = 0;
  for (let i = 0; i < total; i++) {
    sumAll += s[i]!;
    sumAbs += Math.abs(s[i]!);
  }
  const tolerance = TIE_RELATIVE_TOLERANCE * sumAbs;
  const threshold = observed - tolerance;
  const keepNull = options.keepNull ?? false;
  const bins = options.histogramBins ?? 0;
  if (!Number.isInteger(bins) || bins < 0) throw new InvalidOptionError(`histogram bins must be an integer ≥ 0, got ${bins}`);
  const accumulator = bins > 0 ? attainableRangeHistogram(s, sizeX, sumAll, observed, bins) : null;
  const partitions = binomialCoefficient(total, sizeX, options.exactLimit);
  const alpha = options.inversionAlpha;

  if (partitions <= options.exactLimit) {
    const inversion = alpha === undefined ? null : new ShiftBoundCollector(0, partitions, alpha);
    const { extreme, nullStatistics } = enumerateExact(s, sizeX, partitions, sumAll, threshold, keepNull, accumulator, inversion, options.onProgress);
    const histogram = accumulator ? accumulator.result(observed) : null;
    const shiftLowerBound = inversion ? inversion.lowerBound() : null;
    return { observed, pValue: extreme / partitions, method: 'exact', permutations: partitions, extreme, tolerance, nullStatistics, histogram, shiftLowerBound };
  }
  const m = options.permutations;
  const inversion = alpha === undefined ? null : new ShiftBoundCollector(1, m + 1, alpha);
  const { extreme, nullStatistics } = sampleMonteCarlo(s, sizeX, m, sumAll, threshold, keepNull, accumulator, inversion, options.seed, options.onProgress);
  const histogram = accumulator ? accumulator.result(observed) : null;
  const shiftLowerBound = inversion ? inversion.lowerBound() : null;
  return { observed, pValue: (extreme + 1) / (m + 1), method: 'monte-carlo', permutations: m, extreme, tolerance, nullStatistics, histogram, shiftLowerBound };
}

/** Histogram over [smallest, largest attainable S] ∪ {S_obs}; see the header comment. */
function attainableRangeHistogram(s: Float64Array, sizeX: number, sumAll: number, observed: number, bins: number): HistogramAccumulator {
  const sorted = Float64Array.from(s).sort();
  let smallest = 0;
  let largest = 0;
  for (let i = 0; i < sizeX; i++) {
    smallest += sorted[i]!;
    largest += sorted[sorted.length - 1 - i]!;
  }
  const low = Math.min(2 * smallest - sumAll, observed);
  const high = Math.max(2 * largest - sumAll, observed);
  return new HistogramAccumulator(low, high, bins);
}

/**
 * All C(N, k) subsets of size k = |X| in lexicographic order, with prefix sums per depth (and, for the
 * inversion, prefix counts of chosen indices ≥ k: Y's words moved into X, as many as X's moved out).
 */
function enumerateExact(
  s: Float64Array,
  k: number,
  count: number,
  sumAll: number,
  threshold: number,
  keepNull: boolean,
  accumulator: HistogramAccumulator | null,
  inversion: ShiftBoundCollector | null,
  onProgress?: (done: number, total: number) => void,
) {
  const n = s.length;
  const chosen = new Int32Array(k);
  const prefix = new Float64Array(k + 1);
  const movedPrefix = new Int32Array(k + 1);
  for (let t = 0; t < k; t++) {
    chosen[t] = t;
    prefix[t + 1] = prefix[t]! + s[t]!;
  }
  const nullStatistics = keepNull ? new Float64Array(count) : null;
  const progressEvery = Math.max(1, Math.ceil(count / PROGRESS_STEPS));
  let extreme = 0;
  let done = 0;
  for (;;) {
    const statistic = 2 * prefix[k]! - sumAll;
    if (statistic >= threshold) extreme++;
    if (nullStatistics) nullStatistics[done] = statistic;
    if (accumulator) accumulator.add(statistic);
    if (inversion) inversion.add(threshold - statistic, movedPrefix[k]!);
    done++;
    if (onProgress && done % progressEvery === 0) onProgress(done, count);
    // Advance to the next combination: bump the rightmost index that can still move.
    let t = k - 1;
    while (t >= 0 && chosen[t] === n - k + t) t--;
    if (t < 0) break;
    chosen[t]!++;
    prefix[t + 1] = prefix[t]! + s[chosen[t]!]!;
    movedPrefix[t + 1] = movedPrefix[t]! + (chosen[t]! >= k ? 1 : 0);
    for (let u = t + 1; u < k; u++) {
      chosen[u] = chosen[u - 1]! + 1;
      prefix[u + 1] = prefix[u]! + s[chosen[u]!]!;
      movedPrefix[u + 1] = movedPrefix[u]! + (chosen[u]! >= k ? 1 : 0);
    }
  }
  if (onProgress && done % progressEvery !== 0) onProgress(done, count);
  return { extreme, nullStatistics };
}

/**
 * m uniform re-partitions drawn by partial Fisher–Yates on the smaller side. For the inversion, k_i =
 * X's words on the Y side: the drawn Y words when the drawn side is X, the drawn X words when it is Y.
 */
function sampleMonteCarlo(
  s: Float64Array,
  sizeX: number,
  m: number,
  sumAll: number,
  threshold: number,
  keepNull: boolean,
  accumulator: HistogramAccumulator | null,
  inversion: ShiftBoundCollector | null,
  seed: number,
  onProgress?: (done: number, total: number) => void,
) {
  const n = s.length;
  const drawX = sizeX <= n - sizeX;
  const k = drawX ? sizeX : n - sizeX;
  const sampler = new SubsetSumSampler(s, k, sizeX, seed);
  const nullStatistics = keepNull ? new Float64Array(m) : null;
  const progressEvery = Math.max(1, Math.ceil(m / PROGRESS_STEPS));
  // Draws come in chunks (drawMany), each followed by short separate loops over its statistics, so
  // every loop is small and branch-light and runs fast before the JIT has warmed up. The first chunk
  // is short, so every statement here and in drawMany has run once before the JIT compiles them
  // (code compiled mid-loop would otherwise be thrown away at the first statement after the loop).
  const chunk = Math.min(m, DRAW_CHUNK);
  const sums = new Float64Array(chunk);
  const marked = new Int32Array(chunk);
  const statistics = new Float64Array(chunk);
  let extreme = 0;
  let nextProgress = progressEvery;
  for (let first = 0; first < m; ) {
    const count = Math.min(first === 0 ? FIRST_CHUNK : chunk, m - first);
    sampler.drawMany(count, sums, marked);
    if (drawX) for (let t = 0; t < count; t++) statistics[t] = 2 * sums[t]! - sumAll;
    else for (let t = 0; t < count; t++) statistics[t] = 2 * (sumAll - sums[t]!) - sumAll;
    for (let t = 0; t < count; t++) extreme += statistics[t]! >= threshold ? 1 : 0;
    if (nullStatistics) nullStatistics.set(statistics.subarray(0, count), first);
    if (accumulator) accumulator.addMany(statistics, count);
    if (inversion) inversion.addMany(threshold, statistics, marked, count, k, !drawX);
    for (; onProgress && nextProgress <= first + count; nextProgress += progressEvery) onProgress(nextProgress, m);
    first += count;
  }
  if (onProgress && m % progressEvery !== 0) onProgress(m, m);
  return { extreme, nullStatistics };
}
