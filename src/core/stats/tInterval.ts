// The confidence interval of a mean that belongs to the one-sample t-test: every μ₀ the two-sided
// t-test at level 1 − α would not reject. Found by bisection on the test's own p (studentT.ts) rather
// than from a t quantile, so it is the test inverted to the last digit — it excludes μ₀ exactly when
// the reported p < α — and needs no inverse of the incomplete beta function. Mathematically it is
// x̄ ± t_{1−α/2, n−1}·s/√n (scipy.stats.t.interval).
import type { TestInterval } from '../intervals';
import { invertTestBound } from './invertTest';
import type { OneSampleTTestResult } from './oneSampleTTest';
import { alphaOfLevel } from './signFlipInterval';
import { studentTTwoSidedP } from './studentT';

/**
 * The (1 − α) t interval of the mean of `test`, α = 1 − level; null when the t-test has no p
 * (zero variance with x̄ = μ₀). Zero variance otherwise gives the point [x̄, x̄].
 * Source: Student (1908); Lehmann & Romano (2005), §5.4 and §3.5 (inversion).
 */
export function oneSampleTInterval(test: OneSampleTTestResult, level: number, hypothesisedMean = 0): TestInterval | null {
  if (Number.isNaN(test.pValue)) return null;
  const interval = (low: number | null, high: number | null): TestInterval => ({ level, low, high, sides: 'two-sided', method: 't', nullValue: hypothesisedMean });
  if (!(test.standardError > 0)) return interval(test.mean, test.mean);
  const alpha = alphaOfLevel(level);
  const p = (mu: number) => {
    const shift = test.mean - mu;
    return shift === 0 ? 1 : studentTTwoSidedP(shift / test.standardError, test.df);
  };
  const accepts = (mu: number) => !(p(mu) < alpha);
  const reach = 1e6 * test.standardError;
  const low = invertTestBound(accepts, test.mean - reach, test.mean, hypothesisedMean);
  const high = invertTestBound(accepts, test.mean + reach, test.mean, hypothesisedMean);
  return interval(low, high);
}
