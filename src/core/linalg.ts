// Small dense linear-algebra helpers shared by the statistics. Vectors arrive as Float32Array
// (what embedding tables store) but every computation here widens to Float64 first, so results do
// not depend on the order in which single-precision rounding happens. Validation lives here too:
// a NaN or a dimension mismatch must fail loudly at the boundary, not leak into a p-value.
import { InvalidVectorError } from './errors';

export type NumericVector = ArrayLike<number>;

/**
 * Check that a vector has the expected dimension and only finite entries.
 * @param v the vector to check
 * @param dim the required dimension
 * @param what a human description used in the error message (e.g. `set X, item "rose"`)
 * @throws {InvalidVectorError} on a dimension mismatch or a NaN/±Infinity entry
 */
export function assertFiniteVector(v: NumericVector, dim: number, what: string): void {
  if (v.length !== dim) {
    throw new InvalidVectorError(`${what}: vector has dimension ${v.length}, expected ${dim} (all vectors must have the same dimension)`);
  }
  for (let i = 0; i < v.length; i++) {
    if (!Number.isFinite(v[i])) throw new InvalidVectorError(`${what}: vector entry ${i} is ${v[i]} (must be finite)`);
  }
}

/** Dot product Σ a_i b_i in Float64. Assumes equal lengths (callers validate). Never throws. */
export function dot(a: NumericVector, b: NumericVector): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

/** Euclidean norm ‖v‖₂ in Float64. Never throws. */
export function norm(v: NumericVector): number {
  return Math.sqrt(dot(v, v));
}

/**
 * Unit vector v/‖v‖ as a new Float64Array.
 * @throws {InvalidVectorError} when ‖v‖ = 0 (the direction, hence any cosine, is undefined)
 */
export function toUnit(v: NumericVector, what = 'vector'): Float64Array {
  const length = norm(v);
  if (!(length > 0)) throw new InvalidVectorError(`${what}: zero vector has no direction (cosine undefined)`);
  const unit = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) unit[i] = v[i]! / length;
  return unit;
}

/** Element-wise mean of equal-length vectors, in Float64. @throws {InvalidVectorError} for an empty list */
export function meanVector(vectors: readonly NumericVector[]): Float64Array {
  const first = vectors[0];
  if (first === undefined) throw new InvalidVectorError('mean of an empty list of vectors is undefined');
  const mean = new Float64Array(first.length);
  for (const v of vectors) for (let i = 0; i < mean.length; i++) mean[i]! += v[i]!;
  for (let i = 0; i < mean.length; i++) mean[i]! /= vectors.length;
  return mean;
}

/** Euclidean distance ‖a − b‖₂ in Float64. Assumes equal lengths. Never throws. */
export function euclideanDistance(a: NumericVector, b: NumericVector): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const diff = a[i]! - b[i]!;
    sum += diff * diff;
  }
  return Math.sqrt(sum);
}

/**
 * start − Σ_{k<count} m[rowA + k] · other[rowB + k], subtracting in k order (`other` defaults to m).
 * Cholesky's inner loop as a function of its own, so V8 optimises it after its first calls.
 */
function subtractRowProducts(start: number, m: Float64Array, rowA: number, rowB: number, count: number, other: Float64Array = m): number {
  let sum = start;
  for (let k = 0; k < count; k++) sum -= m[rowA + k]! * other[rowB + k]!;
  return sum;
}

/**
 * Solve A x = b for a symmetric positive-definite A (row-major n×n) by Cholesky decomposition.
 * Used by the Newton steps of the logistic regression (RNSB). A and b are not modified.
 * @throws {InvalidVectorError} when A is not (numerically) positive definite
 */
export function solveSpd(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const sum = subtractRowProducts(a[i * n + j]!, l, i * n, j * n, j);
      if (i === j) {
        if (!(sum > 0)) throw new InvalidVectorError('matrix is not positive definite (Cholesky failed)');
        l[i * n + i] = Math.sqrt(sum);
      } else {
        l[i * n + j] = sum / l[j * n + j]!;
      }
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = subtractRowProducts(b[i]!, l, i * n, 0, i, y) / l[i * n + i]!;
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i]!;
    for (let k = i + 1; k < n; k++) sum -= l[k * n + i]! * x[k]!;
    x[i] = sum / l[i * n + i]!;
  }
  return x;
}
