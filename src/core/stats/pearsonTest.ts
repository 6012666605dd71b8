// Pearson's r with its two-sided p, as scipy.stats.pearsonr reports it: the t statistic with n − 2
// degrees of freedom (exact under bivariate normality). Kept beside pearsonCorrelation (spearman.ts)
// rather than in it because the test adds a distributional assumption the coefficient does not make.
import { InvalidOptionError } from '../errors';
import { pearsonCorrelation } from './spearman';
import { studentTTwoSidedP } from './studentT';

export interface PearsonTestResult {
  r: number;
  n: number;
  /** Two-sided p; null when r is undefined (a constant series) or n < 3. */
  pValue: number | null;
}

/**
 * r = Σ(x−x̄)(y−ȳ)/√(Σ(x−x̄)²Σ(y−ȳ)²); t = r·√((n−2)/(1−r²)); p = P(|T_{n−2}| ≥ |t|).
 * Source: scipy.stats.pearsonr (alternative='two-sided'); Fisher (1915) for the t form.
 * @throws {InvalidOptionError} when the lengths differ or n < 2
 */
export function pearsonTest(x: ArrayLike<number>, y: ArrayLike<number>): PearsonTestResult {
  if (x.length < 2) throw new InvalidOptionError(`a correlation needs at least 2 points, got ${x.length}`);
  const r = pearsonCorrelation(x, y);
  const n = x.length;
  if (Number.isNaN(r) || n < 3) return { r, n, pValue: null };
  if (Math.abs(r) >= 1) return { r, n, pValue: 0 };
  const t = r * Math.sqrt((n - 2) / (1 - r * r));
  return { r, n, pValue: studentTTwoSidedP(t, n - 2) };
}
