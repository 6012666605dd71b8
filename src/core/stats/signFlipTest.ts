// Paired sign-flip permutation test of a mean difference (two-sided), for counterfactual pairs:
// under H₀ each pair's Δ is symmetric about 0, so every assignment of signs to the |Δ_i| is equally
// likely. The statistic T = Σ s_i Δ_i is equivalent to the mean (n is fixed).
//
// Why this shape: exact enumeration of all 2^n sign vectors is cheap up to n ≈ 20–24 if done by
// meet-in-the-middle — the sums of the first half and of the second half are tabulated once
// (2^{n/2} entries each, every entry at most n/2 additions from the all-positive sum), and every
// sign vector's T is one addition of a low and a high entry. This keeps rounding error at a few ulps
// (a Gray-code walk would accumulate 2^n updates), so ties are decided as the reference's
// independently computed sums decide them. Beyond the limit: Monte Carlo, p = (b + 1)/(m + 1).
//
// Ties: |T_i| ≥ |T_obs| − ε with ε = 1e-12 · Σ|Δ_i| (same convention and reason as
// permutationTest.ts). Zero differences stay in n: flipping their sign changes nothing, so they only
// multiply every count by 2 (exact) and cannot change p.
import { InvalidOptionError, InvalidWordSetError } from '../errors';
import { createRng } from '../rng';
import { TIE_RELATIVE_TOLERANCE } from './permutationTest';

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
  /** Two-sided p = P(|T| ≥ |T_obs|): count/2^n when exact, (b+1)/(m+1) when Monte Carlo. */
  pValue: number;
  method: 'exact' | 'monte-carlo';
  /** Sign vectors evaluated: 2^n when exact, m when Monte Carlo. */
  permutations: number;
  /** Sign vectors at least as extreme as the observed one (b). */
  extreme: number;
  tolerance: number;
}

export const DEFAULT_SIGN_FLIP_EXACT_LIMIT = 20;
const MAX_EXACT_LIMIT = 30;

/**
 * Two-sided paired sign-flip (randomisation) test of H₀: E[Δ] = 0 with Δ symmetric about 0.
 * Exact when n ≤ exactLimit: p = #{s ∈ {±1}ⁿ : |Σ s_i Δ_i| ≥ |Σ Δ_i| − ε} / 2ⁿ (the observed signs
 * are one of the 2ⁿ, so p ≥ 2/2ⁿ unless T_obs = 0). Otherwise m seeded uniform sign vectors,
 * p = (b + 1)/(m + 1) (Phipson & Smyth 2010).
 * Source: Fisher (1935), The Design of Experiments, §21 (randomisation test for paired data);
 * Good (2005), Permutation, Parametric and Bootstrap Tests of Hypotheses, §3.
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
  let sumAbs = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(d[i]!)) throw new InvalidOptionError(`difference ${i} is not finite: ${d[i]}`);
    observed += d[i]!;
    sumAbs += Math.abs(d[i]!);
  }
  const tolerance = TIE_RELATIVE_TOLERANCE * sumAbs;
  const threshold = Math.abs(observed) - tolerance;
  const meanDifference = observed / n;
  if (n <= exactLimit) {
    const extreme = countExact(d, threshold);
    const permutations = 2 ** n;
    return { observed, meanDifference, pValue: extreme / permutations, method: 'exact', permutations, extreme, tolerance };
  }
  const m = options.permutations;
  const extreme = countMonteCarlo(d, threshold, m, options.seed);
  return { observed, meanDifference, pValue: (extreme + 1) / (m + 1), method: 'monte-carlo', permutations: m, extreme, tolerance };
}

/** Signed sums of a block for every sign mask (bit j set = element j negated). */
function blockSums(block: Float64Array): Float64Array {
  const size = 2 ** block.length;
  const sums = new Float64Array(size);
  let allPositive = 0;
  for (let j = 0; j < block.length; j++) allPositive += block[j]!;
  sums[0] = allPositive;
  for (let mask = 1; mask < size; mask++) {
    const lowest = 31 - Math.clz32(mask & -mask);
    sums[mask] = sums[mask & (mask - 1)]! - 2 * block[lowest]!;
  }
  return sums;
}

function countExact(d: Float64Array, threshold: number): number {
  const half = d.length >> 1;
  const low = blockSums(d.subarray(0, half));
  const high = blockSums(d.subarray(half));
  let extreme = 0;
  for (let a = 0; a < low.length; a++) {
    const partial = low[a]!;
    for (let b = 0; b < high.length; b++) if (Math.abs(partial + high[b]!) >= threshold) extreme++;
  }
  return extreme;
}

function countMonteCarlo(d: Float64Array, threshold: number, m: number, seed: number): number {
  const rng = createRng(seed);
  const n = d.length;
  let extreme = 0;
  for (let it = 0; it < m; it++) {
    let statistic = 0;
    for (let start = 0; start < n; start += 30) {
      const bits = rng.int(0, 2 ** 30 - 1);
      const end = Math.min(n, start + 30);
      for (let i = start; i < end; i++) statistic += (bits >>> (i - start)) & 1 ? -d[i]! : d[i]!;
    }
    if (Math.abs(statistic) >= threshold) extreme++;
  }
  return extreme;
}
