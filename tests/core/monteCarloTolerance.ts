// How far a Monte Carlo number of a re-run may be from the recorded one when the two were drawn by
// different samplers (or different draws of the same sampler): the two are independent estimates of
// the same quantity, so their difference is about √2 times one estimate's standard error, and that
// standard error follows from the number of draws. Every tolerance here is Z such standard errors
// (plus the estimate's own granularity), Z = 5: the chance that any of the ~60 Monte Carlo fields of
// the reference runs exceeds it by bad luck is below 10⁻⁴, while a wrong sampler (a biased draw, a
// wrong count) moves them by far more.
import { permutationTest } from '../../src/core/stats/permutationTest';
import { normalQuantile } from '../../src/core/stats/normal';
import { standardDeviation } from '../../src/core/stats/descriptive';
import { deriveTestSeed } from '../../src/core/association/seed';
import type { AssociationResult, NullHistogram } from '../../src/core/association/types';
import { SIGNIFICANCE_ALPHA } from '../../src/core/significance';

export const Z = 5;

/**
 * p = (b+1)/(m+1) from m draws: Var(b/m) = p(1−p)/m, so |p₁ − p₂| ≤ Z·√(2·p(1−p)/m) + 2/(m+1), with
 * p the larger of the two estimates (the binomial SE grows with p up to ½) and 2/(m+1) the step of p.
 */
export function pValueTolerance(p1: number, p2: number, m: number): number {
  const p = Math.min(0.5, Math.max(p1, p2));
  return Z * Math.sqrt((2 * p * (1 - p)) / m) + 2 / (m + 1);
}

/**
 * A percentile-interval end from B bootstrap replicates: the q-quantile's SE is √(q(1−q)/B) / f(x_q).
 * With f normal with σ* = (high − low) / (2·z_{(1+level)/2}) (read from the interval itself),
 * f(x_q) = φ(z_q) ÷ σ*; bootstrap distributions of d have heavier tails than that (WEAT 3 on GloVe:
 * the 2.5% end's SD over 30 seeds is 0.036–0.045, the normal density says 0.027), so the density is
 * taken as half of it: tolerance = Z·√2·√(q(1−q)/B)·2σ* ÷ φ(z_q), q = (1 − level)/2.
 */
export function percentileEndTolerance(low: number, high: number, level: number, resamples: number): number {
  const q = (1 - level) / 2;
  const z = normalQuantile(1 - q);
  const sigma = Math.abs(high - low) / (2 * z);
  const density = Math.exp(-(z * z) / 2) / Math.sqrt(2 * Math.PI);
  return (Z * Math.SQRT2 * Math.sqrt((q * (1 - q)) / resamples) * 2 * sigma) / density;
}

/**
 * Differences between two Monte Carlo null histograms of the same m draws (their bins can differ:
 * each is regrouped over the part of the grid its own draws reached). At each edge x of the recorded
 * bins the recorded CDF F(x) = #{S < x}/m must lie within Z·√(2F(1−F)/m) + 1/m of the fresh CDF, which
 * is known there up to the fresh bin holding x (between its lower and upper cumulative counts); the
 * F in the SE is the value of the compared range nearest ½ (the larger SE of the two estimates).
 */
export function histogramCdfDifferences(fresh: NullHistogram, recorded: NullHistogram, m: number, path: string): string[] {
  const out: string[] = [];
  const total = (h: NullHistogram) => h.counts.reduce((a, b) => a + b, 0);
  if (total(fresh) !== m || total(recorded) !== m) out.push(`${path}: counts sum to ${total(fresh)} and ${total(recorded)}, not ${m}`);
  if (fresh.counts.length !== recorded.counts.length) out.push(`${path}.counts: length ${fresh.counts.length} ≠ ${recorded.counts.length}`);
  if (fresh.observed !== recorded.observed) out.push(`${path}.observed: ${fresh.observed} ≠ ${recorded.observed}`);
  const freshWidth = (fresh.max - fresh.min) / fresh.counts.length;
  const recordedWidth = (recorded.max - recorded.min) / recorded.counts.length;
  let recordedBelow = 0;
  for (let e = 0; e <= recorded.counts.length; e++) {
    const x = recorded.min + e * recordedWidth;
    const F = recordedBelow / m;
    // The fresh bin holding x: values below its start are all < x, values up to its end may be.
    const bin = Math.floor((x - fresh.min) / freshWidth + 1e-9);
    let freshLow = 0;
    for (let i = 0; i < Math.min(Math.max(bin, 0), fresh.counts.length); i++) freshLow += fresh.counts[i]!;
    const freshHigh = bin >= 0 && bin < fresh.counts.length ? freshLow + fresh.counts[bin]! : freshLow;
    // The SE at the CDF value of the compared range nearest ½ (as for p: the larger SE of the two).
    const nearestHalf = Math.min(Math.max(0.5, Math.min(F, freshLow / m)), Math.max(F, freshHigh / m));
    const tolerance = Z * Math.sqrt((2 * nearestHalf * (1 - nearestHalf)) / m) + 1 / m;
    if (F < freshLow / m - tolerance || F > freshHigh / m + tolerance) out.push(`${path}: CDF at ${x} is ${F}, fresh ${freshLow / m}…${freshHigh / m} (tolerance ${tolerance})`);
    if (e < recorded.counts.length) recordedBelow += recorded.counts[e]!;
  }
  return out;
}

/**
 * The band a recorded Monte Carlo test interval's lower end must fall in: the r-th smallest of m
 * draws of t_π sits at the α-quantile of their distribution up to Z·√(2α(1−α)/m) in probability, so
 * the fresh sampler's bounds at α ∓ that much (same scores, same seed, same m) bracket it. Scores are
 * the result's own per-word associations (X then Y), the SD is d's.
 */
export function testIntervalBand(result: Pick<AssociationResult, 'items' | 'sizes' | 'sd' | 'permutations' | 'probeId'>, options: { seed: number; exactLimit: number }): { low: number; high: number } {
  const scores = Float64Array.from(result.items.map((item) => item.association));
  const m = result.permutations;
  const delta = Z * Math.sqrt((2 * SIGNIFICANCE_ALPHA * (1 - SIGNIFICANCE_ALPHA)) / m);
  const seed = deriveTestSeed(options.seed, result.probeId, 'permutation');
  const boundAt = (alpha: number) => permutationTest(scores, result.sizes.X, { permutations: m, exactLimit: options.exactLimit, seed, inversionAlpha: alpha }).shiftLowerBound!;
  const spread = standardDeviation(scores, result.sd);
  return { low: boundAt(SIGNIFICANCE_ALPHA - delta) / spread, high: boundAt(SIGNIFICANCE_ALPHA + delta) / spread };
}
