// Student's t distribution, for the one-sample t-test of LLM-IAT D scores (Bai et al. 2024 use
// scipy.stats.ttest_1samp). Expressed through the regularised incomplete beta function, whose
// continued fraction keeps relative accuracy in the tails, so tiny two-sided p-values are not
// computed as 1 − (something close to 1).
import { regularizedIncompleteBeta } from './regularizedIncompleteBeta';

function assertDf(df: number): void {
  if (!(df > 0) || !Number.isFinite(df)) throw new RangeError(`degrees of freedom must be a finite number > 0, got ${df}`);
}

/**
 * Two-sided tail probability P(|T| ≥ |t|) for T ~ t(ν): I_{ν/(ν+t²)}(ν/2, 1/2).
 * Source: Abramowitz & Stegun 26.7.1 and 26.5.27 (relation of the t distribution to the
 * incomplete beta function).
 * @throws {RangeError} when ν ≤ 0 or t is NaN
 */
export function studentTTwoSidedP(t: number, df: number): number {
  assertDf(df);
  if (Number.isNaN(t)) throw new RangeError('t must not be NaN');
  if (!Number.isFinite(t)) return 0;
  const x = df / (df + t * t);
  return regularizedIncompleteBeta(x, df / 2, 0.5);
}

/**
 * CDF P(T ≤ t) for T ~ t(ν): ½ I_{ν/(ν+t²)}(ν/2, ½) for t ≤ 0, and 1 − that for t > 0.
 * Source: Abramowitz & Stegun 26.7.1, 26.5.27.
 * @throws {RangeError} when ν ≤ 0 or t is NaN
 */
export function studentTCdf(t: number, df: number): number {
  const tail = 0.5 * studentTTwoSidedP(t, df);
  return t > 0 ? 1 - tail : tail;
}
