// Paired sign-flip permutation test of a mean difference (two-sided), for counterfactual pairs:
// under H₀ each pair's Δ is symmetric about 0, so every assignment of signs to the |Δ_i| is equally
// likely. The statistic T = Σ s_i Δ_i is equivalent to the mean (n is fixed).
//
// Why two one-sided tails: the two-sided p is min(1, 2·min(p_upper, p_lower)), the central test, so
// that the interval printed beside it (signFlipInterval.ts: the shifts δ whose two tails both stay at
// or above α/2) leaves out 0 exactly when p < α. The sign-flip distribution is symmetric about 0, so
// for T_obs ≠ 0 this equals the older P(|T| ≥ |T_obs|) whenever it is exact; Monte Carlo draws give
// almost the same value. Both tails are counted by signFlipTails.ts (exact enumeration by meet in
// the middle up to the limit, else seeded Monte Carlo, p = (b + 1)/(m + 1)).
//
// Ties: within ε = 1e-12 · Σ|Δ_i| (same convention and reason as permutationTest.ts). Zero
// differences stay in n: flipping their sign changes nothing, so they only multiply every count by 2
// (exact) and cannot change p.
import { InvalidOptionError, InvalidWordSetError } from '../errors';
import { signFlipTails, type SignFlipTails } from './signFlipTails';

export interface SignFlipTestOptions {
  /** Enumerate exactly when n ≤ exactLimit (2^n sign vectors). Default 20; at most 30. */
  exactLimit?: number;
  /** Monte-Carlo sign vectors m when n > exactLimit. */
  permutations: number;
  /** Seed of the Monte-Carlo stream (rng.ts). Unused when exact. */
  seed: number;
}

export interface SignFlipTestResult {
  /** T_obs = Σ Δ_i. */
  observed: number;
  /** Mean Δ = T_obs / n. */
  meanDifference: number;
  /** Two-sided p = min(1, 2·min(p_upper, p_lower)) of the one-sided p's below. */
  pValue: number;
  /** P(T ≥ T_obs): count/2ⁿ exact, (b + 1)/(m + 1) Monte Carlo. */
  pUpper: number;
  /** P(T ≤ T_obs), likewise. */
  pLower: number;
  method: 'exact' | 'monte-carlo';
  /** Sign vectors evaluated: 2^n when exact, m when Monte Carlo. */
  permutations: number;
  /** Sign vectors at least as extreme as the observed one in the smaller tail (b of that tail). */
  extreme: number;
  tolerance: number;
  /** The tail counts at every shift δ, for the interval that inverts this test. */
  tails: SignFlipTails;
}

export const DEFAULT_SIGN_FLIP_EXACT_LIMIT = 20;
const MAX_EXACT_LIMIT = 30;

/**
 * Two-sided paired sign-flip (randomisation) test of H₀: E[Δ] = 0 with Δ symmetric about 0.
 * p_upper = #{s ∈ {±1}ⁿ : Σ s_i Δ_i ≥ Σ Δ_i − ε}/2ⁿ and p_lower likewise with ≤ … + ε when
 * n ≤ exactLimit (the observed signs are among the 2ⁿ); otherwise m seeded uniform sign vectors and
 * (b + 1)/(m + 1) (Phipson & Smyth 2010). Two-sided p = min(1, 2·min(p_upper, p_lower)).
 * Source: Fisher (1935), The Design of Experiments, §21 (randomisation test for paired data);
 * Good (2005), Permutation, Parametric and Bootstrap Tests of Hypotheses, §3; Lehmann & Romano
 * (2005), Testing Statistical Hypotheses, §15.2 (randomisation tests, their inversion).
 * @throws {InvalidWordSetError} when there are no differences
 * @throws {InvalidOptionError} when a difference is not finite, permutations < 1, or exactLimit ∉ [0, 30]
 */
export function signFlipTest(differences: ArrayLike<number>, options: SignFlipTestOptions): SignFlipTestResult {
  const n = differences.length;
  if (n === 0) throw new InvalidWordSetError('a sign-flip test needs at least one paired difference');
  const exactLimit = options.exactLimit ?? DEFAULT_SIGN_FLIP_EXACT_LIMIT;
  if (!Number.isInteger(exactLimit) || exactLimit < 0 || exactLimit > MAX_EXACT_LIMIT) throw new InvalidOptionError(`exactLimit must be an integer in [0, ${MAX_EXACT_LIMIT}], got ${exactLimit}`);
  if (!Number.isInteger(options.permutations) || options.permutations < 1) throw new InvalidOptionError(`permutations must be an integer ≥ 1, got ${options.permutations}`);
  const d = Float64Array.from(differences);
  let observed = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(d[i]!)) throw new InvalidOptionError(`difference ${i} is not finite: ${d[i]}`);
    observed += d[i]!;
  }
  const tails = signFlipTails(d, exactLimit, options.permutations, options.seed);
  const upper = tails.atLeast(0);
  const lower = tails.atMost(0);
  const pUpper = tails.tailP(upper);
  const pLower = tails.tailP(lower);
  return {
    observed,
    meanDifference: observed / n,
    pValue: Math.min(1, 2 * Math.min(pUpper, pLower)),
    pUpper,
    pLower,
    method: tails.method,
    permutations: tails.permutations,
    extreme: Math.min(upper, lower),
    tolerance: tails.tolerance,
    tails,
  };
}
