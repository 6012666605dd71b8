// The two tail counts of the paired sign-flip test at any hypothesised shift δ, in one place, so the
// p-value (δ = 0) and the interval (the δ the test would not reject) come from the same arithmetic.
//
// Flipping the signs of a subset F of the shifted differences x_i = Δ_i − δ changes the statistic
// T = Σ x_i to T − 2·S_F with S_F = Σ_{i∈F} x_i, so the flipped vector is at least as large as the
// observed one exactly when S_F ≤ 0 and at least as small exactly when S_F ≥ 0 (ties within
// ε/2, ε = 1e-12·Σ|Δ_i|, the convention of permutationTest.ts). Counting S_F ≤ 0 as δ moves is
// counting subset means mean_F ≤ δ (Hartigan 1969), without listing the 2ⁿ means.
//
// Exact (n ≤ limit): meet in the middle — the subset sums of each half are tabulated (2^{n/2} each),
// the second half sorted, and every first-half sum counts its partners by binary search, so one
// evaluation costs O(2^{n/2}·n) and stays cheap up to n = 30. Monte Carlo: the seeded draws of
// signFlipTest (same stream, so the same flips as before) are kept as their flipped sums S_j and
// sizes k_j, and S_j − k_j·δ is the shifted sum.
import { createRng } from '../rng';
import { TIE_RELATIVE_TOLERANCE } from './permutationTest';

export interface SignFlipTails {
  method: 'exact' | 'monte-carlo';
  /** Sign vectors behind each count: 2ⁿ when exact, m when Monte Carlo. */
  permutations: number;
  /** ε: the tie tolerance of the statistic. */
  tolerance: number;
  /** #{sign vectors whose statistic at shift δ is ≥ the observed one} (flipped sum S_F ≤ ε/2). */
  atLeast(delta: number): number;
  /** #{sign vectors whose statistic at shift δ is ≤ the observed one} (flipped sum S_F ≥ −ε/2). */
  atMost(delta: number): number;
  /** The one-sided p of a count: count/2ⁿ exact (the observed signs are among them), (count + 1)/(m + 1) Monte Carlo. */
  tailP(count: number): number;
}

/** Subset sums of `values` for every mask (bit j set = element j in the subset). */
function subsetSums(values: Float64Array): Float64Array {
  const size = 2 ** values.length;
  const sums = new Float64Array(size);
  for (let mask = 1; mask < size; mask++) {
    const lowest = 31 - Math.clz32(mask & -mask);
    sums[mask] = sums[mask & (mask - 1)]! + values[lowest]!;
  }
  return sums;
}

/** Index of the first element > x in an ascending array. */
function upperBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element ≥ x in an ascending array. */
function lowerBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function exactTails(d: Float64Array, tolerance: number): SignFlipTails {
  const half = d.length >> 1;
  const shiftedHalves = (delta: number) => {
    const low = subsetSums(Float64Array.from(d.subarray(0, half), (x) => x - delta));
    const high = subsetSums(Float64Array.from(d.subarray(half), (x) => x - delta)).sort();
    return { low, high };
  };
  return {
    method: 'exact',
    permutations: 2 ** d.length,
    tolerance,
    atLeast(delta) {
      const { low, high } = shiftedHalves(delta);
      let count = 0;
      for (let a = 0; a < low.length; a++) count += upperBound(high, tolerance / 2 - low[a]!);
      return count;
    },
    atMost(delta) {
      const { low, high } = shiftedHalves(delta);
      let count = 0;
      for (let a = 0; a < low.length; a++) count += high.length - lowerBound(high, -tolerance / 2 - low[a]!);
      return count;
    },
    tailP: (count) => count / 2 ** d.length,
  };
}

function monteCarloTails(d: Float64Array, tolerance: number, m: number, seed: number): SignFlipTails {
  const rng = createRng(seed);
  const n = d.length;
  const flippedSum = new Float64Array(m);
  const flippedCount = new Float64Array(m);
  for (let it = 0; it < m; it++) {
    let sum = 0;
    let count = 0;
    for (let start = 0; start < n; start += 30) {
      const bits = rng.int(0, 2 ** 30 - 1);
      const end = Math.min(n, start + 30);
      for (let i = start; i < end; i++) {
        if ((bits >>> (i - start)) & 1) {
          sum += d[i]!;
          count++;
        }
      }
    }
    flippedSum[it] = sum;
    flippedCount[it] = count;
  }
  const countWhere = (delta: number, keep: (shiftedSum: number) => boolean) => {
    let count = 0;
    for (let j = 0; j < m; j++) if (keep(flippedSum[j]! - flippedCount[j]! * delta)) count++;
    return count;
  };
  return {
    method: 'monte-carlo',
    permutations: m,
    tolerance,
    atLeast: (delta) => countWhere(delta, (s) => s <= tolerance / 2),
    atMost: (delta) => countWhere(delta, (s) => s >= -tolerance / 2),
    tailP: (count) => (count + 1) / (m + 1),
  };
}

/**
 * Tail counts of the sign-flip randomisation distribution of Σ(Δ_i − δ) for every δ: exact
 * enumeration of all 2ⁿ sign vectors when n ≤ exactLimit, otherwise m seeded uniform sign vectors.
 * Differences must be finite and n ≥ 1 (signFlipTest checks).
 * Source: Fisher (1935) §21; Hartigan (1969), JASA 64, "Using subsample values as typical values"
 * (the flip of F is at least as extreme ⇔ δ ≥ mean_F); Phipson & Smyth (2010) for (b + 1)/(m + 1).
 */
export function signFlipTails(differences: Float64Array, exactLimit: number, permutations: number, seed: number): SignFlipTails {
  let sumAbs = 0;
  for (let i = 0; i < differences.length; i++) sumAbs += Math.abs(differences[i]!);
  const tolerance = TIE_RELATIVE_TOLERANCE * sumAbs;
  return differences.length <= exactLimit ? exactTails(differences, tolerance) : monteCarloTails(differences, tolerance, permutations, seed);
}
