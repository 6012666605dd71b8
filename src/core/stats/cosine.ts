// Cosine similarity, the only similarity WEAT/SEAT use. Association tests compare every target
// with every attribute, so vectors are normalised once (unitVectors) and the cosine matrix is a
// table of dot products of unit vectors; validation (same dimension, finite, non-zero) happens in
// that single pass rather than in the inner loops.
import { InvalidVectorError } from '../errors';
import { assertFiniteVector, dot, norm, toUnit, type NumericVector } from '../linalg';

/**
 * Cosine similarity cos(a, b) = a·b / (‖a‖ ‖b‖).
 *
 * Source: Caliskan, Bryson & Narayanan (2017), Science 356:183, "Materials and methods" (WEAT
 * uses cosine similarity); reference code e.g. sent-bias `sentbias/weat.py` (`cossim`).
 * @throws {InvalidVectorError} when dimensions differ, an entry is not finite, or a vector is zero
 */
export function cosineSimilarity(a: NumericVector, b: NumericVector): number {
  assertFiniteVector(a, a.length, 'first vector');
  assertFiniteVector(b, a.length, 'second vector');
  const normA = norm(a);
  const normB = norm(b);
  if (!(normA > 0) || !(normB > 0)) throw new InvalidVectorError('cosine similarity of a zero vector is undefined');
  return dot(a, b) / (normA * normB);
}

/**
 * Validate and L2-normalise a list of vectors (Float64 copies), so that cosines become dot products.
 * @param vectors the vectors (any numeric array type)
 * @param dim the dimension every vector must have
 * @param describe names item i in error messages
 * @throws {InvalidVectorError} on a dimension mismatch, a non-finite entry or a zero vector
 */
export function unitVectors(
  vectors: readonly NumericVector[],
  dim: number,
  describe: (i: number) => string = (i) => `vector ${i}`,
): Float64Array[] {
  return vectors.map((v, i) => {
    assertFiniteVector(v, dim, describe(i));
    return toUnit(v, describe(i));
  });
}

/**
 * Cosine matrix C[i][j] = cos(rows_i, cols_j) of unit vectors, row-major in one Float64Array
 * (rows.length × cols.length). Inputs must already be unit vectors (see unitVectors), so cos = dot.
 * Never throws.
 */
export function cosineMatrix(rows: readonly Float64Array[], cols: readonly Float64Array[]): Float64Array {
  const nCols = cols.length;
  const matrix = new Float64Array(rows.length * nCols);
  rows.forEach((row, i) => {
    for (let j = 0; j < nCols; j++) matrix[i * nCols + j] = dot(row, cols[j]!);
  });
  return matrix;
}
