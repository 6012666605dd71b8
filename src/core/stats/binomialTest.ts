// Exact binomial test (two-sided), for the sign test of pct_stereotype against 0.5 and the LLM
// decision-bias proportion (Bai et al. 2024). Implemented as scipy.stats.binomtest defines the
// two-sided p — the total probability of outcomes no more likely than the observed one, with a
// relative tolerance of 1e-7 so that mathematically equal probabilities computed with rounding
// error still count — because that is the reference readers will reproduce.
import { InvalidOptionError } from '../errors';
import { logGamma } from './logGamma';

/** scipy's relative tolerance for "no more likely than the observed outcome". */
export const BINOMIAL_RELATIVE_TOLERANCE = 1e-7;

/**
 * P(X = k) for X ~ Binomial(n, p), computed as exp(ln C(n, k) + k ln p + (n − k) ln(1 − p)) with
 * exact handling of p ∈ {0, 1}. Source: definition; ln C via ln Γ (logGamma.ts).
 */
export function binomialPmf(k: number, n: number, p: number): number {
  if (k < 0 || k > n) return 0;
  if (p === 0) return k === 0 ? 1 : 0;
  if (p === 1) return k === n ? 1 : 0;
  const logChoose = logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
  return Math.exp(logChoose + k * Math.log(p) + (n - k) * Math.log1p(-p));
}

export interface BinomialTestResult {
  successes: number;
  trials: number;
  /** Hypothesised success probability p₀. */
  nullProbability: number;
  /** Observed proportion k/n. */
  proportion: number;
  /** Two-sided exact p-value. */
  pValue: number;
}

/**
 * Two-sided exact binomial test of H₀: P(success) = p₀:
 * p = min(1, Σ_{i : P(X=i) ≤ P(X=k)·(1 + 1e-7)} P(X = i)); p = 1 when k = n·p₀.
 * Source: scipy.stats.binomtest (alternative='two-sided'), following Clopper & Pearson-style
 * "minimum likelihood" two-sided tests (e.g. R binom.test uses the same rule with tolerance 1 + 1e-7).
 * @throws {InvalidOptionError} when n is not a positive integer, k ∉ {0..n}, or p₀ ∉ [0, 1]
 */
export function binomialTest(successes: number, trials: number, nullProbability = 0.5): BinomialTestResult {
  if (!Number.isInteger(trials) || trials < 1) throw new InvalidOptionError(`a binomial test needs at least 1 trial, got ${trials}`);
  if (!Number.isInteger(successes) || successes < 0 || successes > trials) throw new InvalidOptionError(`successes must be an integer in [0, ${trials}], got ${successes}`);
  if (!(nullProbability >= 0 && nullProbability <= 1)) throw new InvalidOptionError(`null probability must be in [0, 1], got ${nullProbability}`);
  const proportion = successes / trials;
  const result = (pValue: number): BinomialTestResult => ({ successes, trials, nullProbability, proportion, pValue });
  if (successes === trials * nullProbability) return result(1);
  const observedProbability = binomialPmf(successes, trials, nullProbability);
  const threshold = observedProbability * (1 + BINOMIAL_RELATIVE_TOLERANCE);
  // Sum the qualifying outcomes from the smallest probabilities up (both tails, outside in).
  const qualifying: number[] = [];
  for (let i = 0; i <= trials; i++) {
    const probability = binomialPmf(i, trials, nullProbability);
    if (probability <= threshold) qualifying.push(probability);
  }
  qualifying.sort((a, b) => a - b);
  let pValue = 0;
  for (const probability of qualifying) pValue += probability;
  return result(Math.min(1, pValue));
}
