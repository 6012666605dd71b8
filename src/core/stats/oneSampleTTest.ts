// One-sample t-test against a hypothesised mean, two-sided, as scipy.stats.ttest_1samp computes it
// (the test Bai et al. 2024 apply to the per-iteration LLM-IAT D scores). Kept separate from the
// distribution function so the statistic and its p-value can be checked independently.
import { InvalidOptionError } from '../errors';
import { mean, standardDeviation } from './descriptive';
import { studentTTwoSidedP } from './studentT';

export interface OneSampleTTestResult {
  n: number;
  mean: number;
  /** Sample SD (n − 1). */
  sd: number;
  /** Standard error sd/√n. */
  standardError: number;
  /** t = (x̄ − μ₀)/(s/√n); ±Infinity when s = 0 and x̄ ≠ μ₀, NaN when s = 0 and x̄ = μ₀. */
  t: number;
  df: number;
  /** Two-sided p = P(|T_{n−1}| ≥ |t|); NaN when t is NaN (as scipy). */
  pValue: number;
}

/**
 * t = (x̄ − μ₀)/(s/√n) with the sample SD s (n − 1), df = n − 1, two-sided p from Student's t.
 * Source: Student (1908); scipy.stats.ttest_1samp (alternative='two-sided'), which returns NaN for
 * zero variance with x̄ = μ₀ and p = 0 for zero variance with x̄ ≠ μ₀.
 * @throws {InvalidOptionError} when fewer than 2 values, a value is not finite, or μ₀ is not finite
 */
export function oneSampleTTest(values: ArrayLike<number>, hypothesisedMean = 0): OneSampleTTestResult {
  const n = values.length;
  if (n < 2) throw new InvalidOptionError(`a one-sample t-test needs at least 2 values, got ${n}`);
  for (let i = 0; i < n; i++) if (!Number.isFinite(values[i]!)) throw new InvalidOptionError(`value ${i} is not finite: ${values[i]}`);
  if (!Number.isFinite(hypothesisedMean)) throw new InvalidOptionError(`hypothesised mean must be finite, got ${hypothesisedMean}`);
  const sampleMean = mean(values);
  const sd = standardDeviation(values, 'sample');
  const standardError = sd / Math.sqrt(n);
  const shift = sampleMean - hypothesisedMean;
  const t = standardError > 0 ? shift / standardError : shift === 0 ? Number.NaN : Math.sign(shift) * Number.POSITIVE_INFINITY;
  const df = n - 1;
  const pValue = Number.isNaN(t) ? Number.NaN : studentTTwoSidedP(t, df);
  return { n, mean: sampleMean, sd, standardError, t, df, pValue };
}
