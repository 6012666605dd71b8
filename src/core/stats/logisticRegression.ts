// L2-regularised binary logistic regression fitted by Newton's method, for RNSB. Written here
// (not sklearn) so it runs in the browser, deterministically: the objective is strictly convex, so
// Newton with a backtracking line search reaches its unique minimiser to ~1e-10 in the gradient,
// independent of any seed. sklearn minimises the same objective (C = inverse regularisation
// strength); `penalizeIntercept` selects its lbfgs convention (false: intercept not penalised) or
// its liblinear convention (true: intercept penalised like a weight, intercept_scaling = 1).
//
// Speed for wide data (dimension d > rows n, e.g. 50 attribute words in 100-d GloVe, or sentence
// encoders): the optimal w lies in the span of the rows (its gradient condition is
// w = C Σ y_i σ(−m_i) x_i), so with an orthonormal basis Q (r × d, r ≤ n) of that span, x_i = Qᵀz_i
// and w = Qᵀv give w·x_i = v·z_i and ‖w‖ = ‖v‖: the SAME problem in r dimensions. We fit it there
// and map back, an exact reformulation (not an approximation) that makes each Newton step O(n·r²).
import { InvalidOptionError, InvalidWordSetError } from '../errors';
import { dot, solveSpd, type NumericVector } from '../linalg';

export interface LogisticRegressionOptions {
  /** Inverse regularisation strength, as sklearn's C. Default 1. */
  C?: number;
  /** true = liblinear convention (½b² in the penalty), false = lbfgs convention. Default false. */
  penalizeIntercept?: boolean;
  maxIterations?: number;
  /** Stop when max |gradient| < tolerance. Default 1e-10. */
  tolerance?: number;
}

export interface LogisticRegressionModel {
  weights: Float64Array;
  intercept: number;
  iterations: number;
  converged: boolean;
}

/** log(1 + e^z) without overflow. */
const softplus = (z: number): number => (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));
/** σ(z) = 1/(1 + e^{−z}) without overflow. */
export const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/**
 * Minimise f(w, b) = ½‖w‖² [+ ½b²] + C Σ_i log(1 + exp(−y_i (w·x_i + b))), y_i ∈ {−1, +1}.
 * Source: the objective of sklearn.linear_model.LogisticRegression (penalty="l2"); Newton's
 * method with Armijo backtracking (Nocedal & Wright 2006, ch. 3).
 * @throws {InvalidWordSetError} when there are no rows or only one class
 * @throws {InvalidOptionError} when C ≤ 0 or labels are not ±1
 */
export function fitLogisticRegression(rows: readonly NumericVector[], labels: readonly number[], options: LogisticRegressionOptions = {}): LogisticRegressionModel {
  const C = options.C ?? 1;
  const penalizeIntercept = options.penalizeIntercept ?? false;
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-10;
  if (!(C > 0)) throw new InvalidOptionError(`C must be > 0, got ${C}`);
  if (rows.length === 0 || rows.length !== labels.length) throw new InvalidWordSetError('logistic regression needs one label per row and at least one row');
  if (labels.some((y) => y !== 1 && y !== -1)) throw new InvalidOptionError('labels must be +1 or −1');
  if (!labels.includes(1) || !labels.includes(-1)) throw new InvalidWordSetError('logistic regression needs examples of both classes');

  const fullDim = rows[0]!.length;
  rows.forEach((row, i) => {
    if (row.length !== fullDim) throw new InvalidOptionError(`row ${i} has dimension ${row.length}, expected ${fullDim}`);
  });
  if (fullDim > rows.length) {
    const rows64 = rows.map((row) => Float64Array.from(row));
    const basis = rowSpaceBasis(rows64);
    const reduced = rows64.map((row) => project(basis, row));
    const fit = fitLogisticRegression(reduced, labels, options);
    const weights = new Float64Array(fullDim);
    basis.forEach((q, k) => {
      for (let l = 0; l < fullDim; l++) weights[l]! += fit.weights[k]! * q[l]!;
    });
    return { ...fit, weights };
  }
  const dim = fullDim;
  const size = dim + 1; // parameters: w_0..w_{d−1}, b
  const n = rows.length;
  // Design matrix with a trailing 1 for the intercept, row-major Float64 (monomorphic inner loops).
  const design = new Float64Array(n * size);
  rows.forEach((row, i) => {
    for (let k = 0; k < dim; k++) design[i * size + k] = row[k]!;
    design[i * size + dim] = 1;
  });
  const y = Float64Array.from(labels);
  const penalised = dim + (penalizeIntercept ? 1 : 0); // parameters 0..penalised−1 carry ½θ²

  const margins = (params: Float64Array): Float64Array => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = y[i]! * rowDot(design, i * size, params, size);
    return out;
  };
  const objective = (params: Float64Array): number => {
    let penalty = 0;
    for (let k = 0; k < penalised; k++) penalty += params[k]! * params[k]!;
    const m = margins(params);
    let loss = 0;
    for (let i = 0; i < n; i++) loss += softplus(-m[i]!);
    return 0.5 * penalty + C * loss;
  };

  const theta = new Float64Array(size);
  let value = objective(theta);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const gradient = new Float64Array(size);
    const hessian = new Float64Array(size * size);
    for (let k = 0; k < penalised; k++) {
      gradient[k] = theta[k]!;
      hessian[k * size + k] = 1;
    }
    accumulateNewtonSystem(design, y, margins(theta), n, size, C, gradient, hessian);
    let largest = 0;
    for (let k = 0; k < size; k++) largest = Math.max(largest, Math.abs(gradient[k]!));
    if (largest < tolerance) return { weights: theta.slice(0, dim), intercept: theta[dim]!, iterations: iteration, converged: true };

    const step = solveSpd(hessian, gradient, size); // Newton direction is −step
    let decrease = 0;
    for (let k = 0; k < size; k++) decrease += gradient[k]! * step[k]!;
    let scale = 1;
    const candidate = new Float64Array(size);
    let candidateValue = value;
    for (let halvings = 0; halvings < 60; halvings++) {
      for (let k = 0; k < size; k++) candidate[k] = theta[k]! - scale * step[k]!;
      candidateValue = objective(candidate);
      if (candidateValue <= value - 1e-4 * scale * decrease) break;
      scale /= 2;
    }
    if (!(candidateValue < value)) {
      // No further decrease representable in Float64: we are at the minimiser to rounding.
      return { weights: theta.slice(0, dim), intercept: theta[dim]!, iterations: iteration, converged: largest < 1e-6 };
    }
    theta.set(candidate);
    value = candidateValue;
  }
  return { weights: theta.slice(0, dim), intercept: theta[dim]!, iterations: maxIterations, converged: false };
}

/**
 * Add the data term of the gradient and of the lower triangle of the Hessian at margins m, then
 * mirror the triangle. A function of its own (not a loop inside the fit), so that V8 optimises it
 * after its first calls instead of interpreting the fit's first Newton steps: the first fit in a
 * process is what a CLI run or the page's first run pays.
 */
function accumulateNewtonSystem(design: Float64Array, y: Float64Array, m: Float64Array, n: number, size: number, C: number, gradient: Float64Array, hessian: Float64Array): void {
  for (let i = 0; i < n; i++) {
    const probabilityWrong = sigmoid(-m[i]!); // σ(−y z)
    const curvature = C * probabilityWrong * (1 - probabilityWrong);
    const slope = -C * y[i]! * probabilityWrong;
    const offset = i * size;
    for (let k = 0; k < size; k++) {
      const xk = design[offset + k]!;
      gradient[k]! += slope * xk;
      addScaledPrefix(hessian, k * size, curvature * xk, design, offset, k + 1);
    }
  }
  for (let k = 0; k < size; k++) for (let l = k + 1; l < size; l++) hessian[k * size + l] = hessian[l * size + k]!;
}

/** target[at + l] += scale · source[from + l] for l < count. */
function addScaledPrefix(target: Float64Array, at: number, scale: number, source: Float64Array, from: number, count: number): void {
  for (let l = 0; l < count; l++) target[at + l]! += scale * source[from + l]!;
}

/**
 * Orthonormal basis of the span of the rows by modified Gram–Schmidt with one re-orthogonalisation
 * pass ("twice is enough", Giraud et al. 2005); rows whose remaining norm is < 1e-10 of their own
 * norm are dependent and add no direction. Never throws.
 */
function rowSpaceBasis(rows: readonly Float64Array[]): Float64Array[] {
  const basis: Float64Array[] = [];
  for (const row of rows) {
    const v = row.slice();
    const original = Math.sqrt(dot64(v, v));
    for (let pass = 0; pass < 2; pass++) {
      for (const q of basis) subtractScaled(v, dot64(q, v), q);
    }
    const remaining = Math.sqrt(dot64(v, v));
    if (remaining > 1e-10 * original && remaining > 0) basis.push(v.map((x) => x / remaining));
  }
  return basis;
}

/** Coordinates Q x of x in an orthonormal basis (rows of Q). */
function project(basis: readonly Float64Array[], x: Float64Array): Float64Array {
  return Float64Array.from(basis, (q) => dot64(q, x));
}

// The fit's inner loops on Float64Array only: one element type keeps each helper monomorphic, so V8
// optimises it after a few calls (linalg's dot takes any NumericVector).
function dot64(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

/** Σ_k design[offset + k] · params[k], k < size. */
function rowDot(design: Float64Array, offset: number, params: Float64Array, size: number): number {
  let z = 0;
  for (let k = 0; k < size; k++) z += design[offset + k]! * params[k]!;
  return z;
}

/** v −= c · q. */
function subtractScaled(v: Float64Array, c: number, q: Float64Array): void {
  for (let l = 0; l < v.length; l++) v[l]! -= c * q[l]!;
}

/** P(y = +1 | x) = σ(w·x + b) under a fitted model. Never throws. */
export function predictPositive(model: LogisticRegressionModel, x: NumericVector): number {
  return sigmoid(dot(model.weights, x) + model.intercept);
}

/** P(y = −1 | x) = σ(−(w·x + b)), computed directly (no 1 − p cancellation). Never throws. */
export function predictNegative(model: LogisticRegressionModel, x: NumericVector): number {
  return sigmoid(-(dot(model.weights, x) + model.intercept));
}
