// The central exact binomial test and the interval that inverts it (Clopper & Pearson 1934), in one
// file because they are one procedure read two ways: the two-sided p is min(1, 2·min(P(X ≤ k),
// P(X ≥ k))) and the interval is every p₀ for which that p is at least α — so it leaves out the null
// proportion exactly when p < α. scipy's default two-sided binomtest (binomialTest.ts) sums the
// outcomes no more likely than the observed one instead; against ½ the distribution is symmetric and
// both give the same p, but only the central p is inverted by the Clopper–Pearson interval at any p₀.
// Both tails are regularised incomplete beta functions (exact, no summing of many small terms).
// Against ½ the p is computed as binomialTest.ts sums it (the same value to the last digit as before
// and as scipy prints it), and the interval takes its verdict at the null value from that p, so the
// two agree exactly whatever the last-digit rounding of either sum.
import type { TestInterval } from '../intervals';
import { InvalidOptionError } from '../errors';
import { binomialTest } from './binomialTest';
import { invertTestBound } from './invertTest';
import { regularizedIncompleteBeta } from './regularizedIncompleteBeta';
import { alphaOfLevel } from './signFlipInterval';

/** P(X ≥ k) and P(X ≤ k) for X ~ Binomial(n, p): I_p(k, n − k + 1) and I_{1−p}(n − k, k + 1). Source: A&S 26.5.24. */
export function binomialTails(successes: number, trials: number, probability: number): { upper: number; lower: number } {
  const k = successes;
  const n = trials;
  const upper = k === 0 ? 1 : regularizedIncompleteBeta(probability, k, n - k + 1);
  const lower = k === n ? 1 : regularizedIncompleteBeta(1 - probability, n - k, k + 1);
  return { upper, lower };
}

/** The central two-sided p at p₀: min(1, 2·min of the two tails). */
const centralP = (k: number, n: number, p0: number): number => {
  const t = binomialTails(k, n, p0);
  return Math.min(1, 2 * Math.min(t.upper, t.lower));
};

function check(successes: number, trials: number, nullProbability: number): void {
  if (!Number.isInteger(trials) || trials < 1) throw new InvalidOptionError(`a binomial test needs at least 1 trial, got ${trials}`);
  if (!Number.isInteger(successes) || successes < 0 || successes > trials) throw new InvalidOptionError(`successes must be an integer in [0, ${trials}], got ${successes}`);
  if (!(nullProbability >= 0 && nullProbability <= 1)) throw new InvalidOptionError(`null probability must be in [0, 1], got ${nullProbability}`);
}

/**
 * Central two-sided exact binomial p of H₀: P(success) = p₀.
 * Source: Clopper & Pearson (1934), Biometrika 26:404–413; scipy.stats.binomtest's 'exact'
 * proportion_ci is the interval of this test.
 * @throws {InvalidOptionError} when n is not a positive integer, k ∉ {0..n}, or p₀ ∉ [0, 1]
 */
export function centralBinomialP(successes: number, trials: number, nullProbability = 0.5): number {
  check(successes, trials, nullProbability);
  // Symmetric at ½: the central p is the minimum-likelihood p, summed outcome by outcome.
  return nullProbability === 0.5 ? binomialTest(successes, trials, 0.5).pValue : centralP(successes, trials, nullProbability);
}

/**
 * Clopper–Pearson interval of a proportion at `level`: [L, U] with P_L(X ≥ k) = α/2 and P_U(X ≤ k) =
 * α/2 (L = 0 when k = 0, U = 1 when k = n), found by bisection on the same tails as centralBinomialP,
 * so it excludes nullProbability exactly when centralBinomialP(k, n, nullProbability) < 1 − level.
 * Source: Clopper & Pearson (1934); Lehmann & Romano (2005), §3.5 (inversion).
 * @throws {InvalidOptionError} as centralBinomialP, or level ∉ (0, 1)
 */
export function clopperPearsonInterval(successes: number, trials: number, level: number, nullProbability = 0.5): TestInterval {
  check(successes, trials, nullProbability);
  if (!(level > 0 && level < 1)) throw new InvalidOptionError(`confidence level must be in (0, 1), got ${level}`);
  const alpha = alphaOfLevel(level);
  const k = successes;
  const n = trials;
  const estimate = k / n;
  // One tail at a time: the lower bound is where P(X ≥ k) reaches α/2, the upper where P(X ≤ k) does.
  // At the null value itself the verdict is the reported p's, so the bound falls on its side.
  const pAtNull = centralBinomialP(k, n, nullProbability);
  const keepsUpperTail = (p0: number) => (p0 === nullProbability ? !(pAtNull < alpha) || k / n < nullProbability : !(2 * binomialTails(k, n, p0).upper < alpha));
  const keepsLowerTail = (p0: number) => (p0 === nullProbability ? !(pAtNull < alpha) || k / n > nullProbability : !(2 * binomialTails(k, n, p0).lower < alpha));
  const low = invertTestBound(keepsUpperTail, 0, estimate, nullProbability) ?? 0;
  const high = invertTestBound(keepsLowerTail, 1, estimate, nullProbability) ?? 1;
  return { level, low, high, sides: 'two-sided', method: 'clopper-pearson', nullValue: nullProbability };
}
