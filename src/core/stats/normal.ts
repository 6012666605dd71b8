// Standard normal CDF and quantile, needed only by the BCa bootstrap interval. Implemented here
// (rather than pulling a stats library into the browser bundle) with methods whose accuracy is
// documented: Marsaglia's series for Φ near the centre (all terms positive, no cancellation), the
// Laplace continued fraction for the tails beyond |x| > 3 (relative accuracy where Φ is tiny), and
// Acklam's rational approximation for Φ⁻¹ polished by two Newton steps.

/**
 * Φ(x) = P(Z ≤ x) for Z ~ N(0, 1).
 * Source: G. Marsaglia (2004), "Evaluating the Normal Distribution", J. Stat. Softw. 11(4):
 * Φ(x) = ½ + φ(x)·(x + x³/3 + x⁵/(3·5) + …) for |x| ≤ 3; for |x| > 3 the smaller tail is
 * φ(z)/(z + 1/(z + 2/(z + 3/(z + …)))) (Laplace's continued fraction, 300 terms), then reflected.
 * Saturates to 0/1 beyond |x| > 38. Never throws.
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < -38) return 0;
  if (x > 38) return 1;
  if (Math.abs(x) > 3) {
    // Tail: Mills-ratio continued fraction for the smaller tail, then reflect.
    const z = Math.abs(x);
    let fraction = 0;
    for (let k = 300; k >= 1; k--) fraction = k / (z + fraction);
    const tail = Math.exp(-0.5 * z * z - 0.5 * Math.log(2 * Math.PI)) / (z + fraction);
    return x > 0 ? 1 - tail : tail;
  }
  let sum = x;
  let term = x;
  const xSquared = x * x;
  for (let i = 3; i < 1000; i += 2) {
    term = (term * xSquared) / i;
    const next = sum + term;
    if (next === sum) break;
    sum = next;
  }
  const density = Math.exp(-0.5 * xSquared - 0.5 * Math.log(2 * Math.PI));
  return 0.5 + density * sum;
}

const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];

/**
 * Φ⁻¹(p), the standard normal quantile; −Infinity at 0 and +Infinity at 1.
 * Source: P. J. Acklam's rational approximation (relative error 1.15e-9), refined by two Newton
 * steps on normalCdf. Checked against scipy.stats.norm.ppf in tests/fixtures/reference.
 * @throws {RangeError} when p ∉ [0, 1]
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`normal quantile needs p in [0, 1], got ${p}`);
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const pLow = 0.02425;
  let x: number;
  if (p < pLow) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((C[0]! * q + C[1]!) * q + C[2]!) * q + C[3]!) * q + C[4]!) * q + C[5]!) / ((((D[0]! * q + D[1]!) * q + D[2]!) * q + D[3]!) * q + 1);
  } else if (p <= 1 - pLow) {
    const q = p - 0.5;
    const r = q * q;
    x = ((((((A[0]! * r + A[1]!) * r + A[2]!) * r + A[3]!) * r + A[4]!) * r + A[5]!) * q) / (((((B[0]! * r + B[1]!) * r + B[2]!) * r + B[3]!) * r + B[4]!) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -(((((C[0]! * q + C[1]!) * q + C[2]!) * q + C[3]!) * q + C[4]!) * q + C[5]!) / ((((D[0]! * q + D[1]!) * q + D[2]!) * q + D[3]!) * q + 1);
  }
  // Newton polish (only where Φ is accurate in absolute terms relative to p).
  if (p > 1e-12 && p < 1 - 1e-12) {
    for (let step = 0; step < 2; step++) {
      const density = Math.exp(-0.5 * x * x - 0.5 * Math.log(2 * Math.PI));
      x -= (normalCdf(x) - p) / density;
    }
  }
  return x;
}
