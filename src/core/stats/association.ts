// The per-word association s(w, A, B) of WEAT. Everything downstream (test statistic, effect
// size, permutation null, bootstrap) only needs these per-word numbers, so they are computed once
// from the cosine matrices and passed around as a Float64Array.
import { cosineSimilarity } from './cosine';
import type { NumericVector } from '../linalg';
import { InvalidWordSetError } from '../errors';

/**
 * s(w, A, B) = mean_{a∈A} cos(w, a) − mean_{b∈B} cos(w, b), computed literally.
 *
 * Source: Caliskan, Bryson & Narayanan (2017), Science 356:183, eq. for s(w, A, B);
 * reference code: sent-bias `sentbias/weat.py` (`s_wAB`), R package cbn (`weat_perm`).
 * @throws {InvalidWordSetError} when A or B is empty
 * @throws {InvalidVectorError} on a dimension mismatch, non-finite entry or zero vector
 */
export function association(w: NumericVector, attributeA: readonly NumericVector[], attributeB: readonly NumericVector[]): number {
  if (attributeA.length === 0 || attributeB.length === 0) throw new InvalidWordSetError('attribute sets A and B must be non-empty');
  const meanCosA = attributeA.reduce((sum, a) => sum + cosineSimilarity(w, a), 0) / attributeA.length;
  const meanCosB = attributeB.reduce((sum, b) => sum + cosineSimilarity(w, b), 0) / attributeB.length;
  return meanCosA - meanCosB;
}

/**
 * s(w_i, A, B) for every row i of precomputed cosine matrices: the row mean of cosA (n × nA)
 * minus the row mean of cosB (n × nB). Same definition as `association`, batched.
 * Source: Caliskan et al. (2017), as `association`. Never throws.
 */
export function associationScores(cosA: Float64Array, cosB: Float64Array, n: number, nA: number, nB: number): Float64Array {
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sumA = 0;
    for (let j = 0; j < nA; j++) sumA += cosA[i * nA + j]!;
    let sumB = 0;
    for (let j = 0; j < nB; j++) sumB += cosB[i * nB + j]!;
    scores[i] = sumA / nA - sumB / nB;
  }
  return scores;
}
