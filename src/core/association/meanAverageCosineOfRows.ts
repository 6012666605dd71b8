// WEFE's MAC for one target set, read off the target × attribute cosine matrices the association
// test has already computed, instead of recomputing every cosine from the raw vectors (for SEAT's
// hundreds of sentences that recomputation cost more than the permutation test). The definition and
// its source are stats/wefe/mac.ts (meanAverageCosine); the sums run in the same order, so the two
// agree to rounding (the cosines here are dot products of unit vectors, there a·b / (‖a‖‖b‖)).

/**
 * MAC(T, {A, B}) = (1/(|T|·2)) Σ_{t∈T} [(1/|A|) Σ_a (1 − cos(t, a)) + (1/|B|) Σ_b (1 − cos(t, b))] for the
 * targets in rows [first, first + count) of the row-major cosine matrices cosA (· × nA), cosB (· × nB).
 * Never throws (count, nA, nB ≥ 1 are the caller's: validated sets).
 */
export function meanAverageCosineOfRows(cosA: Float64Array, nA: number, cosB: Float64Array, nB: number, first: number, count: number): number {
  let total = 0;
  for (let row = first; row < first + count; row++) {
    let distanceA = 0;
    for (let j = 0; j < nA; j++) distanceA += 1 - cosA[row * nA + j]!;
    total += distanceA / nA;
    let distanceB = 0;
    for (let j = 0; j < nB; j++) distanceB += 1 - cosB[row * nB + j]!;
    total += distanceB / nB;
  }
  return total / (count * 2);
}
