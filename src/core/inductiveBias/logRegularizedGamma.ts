// ln P(a, x), the log of the regularised lower incomplete gamma function, for the χ² CDFs of the
// inductive-bias fit. The estimate reads the CDF far in its lower tail, where P itself underflows a
// double long before its log does, so the log is computed directly from the series.
import { logGamma } from '../stats/logGamma';

const MAX_ITERATIONS = 10_000;
const EPSILON = 1e-16;

/**
 * ln P(a, x) = ln(γ(a, x)/Γ(a)) for a > 0, x ≥ 0 (−Infinity at x = 0).
 * Source: Numerical Recipes, 3rd ed., §6.2 (Press et al. 2007): for x < a + 1 the series
 * P = e^{−x} x^a / Γ(a + 1) · Σₙ xⁿ / ((a + 1)…(a + n)), taken in logs (exact in the far tail); otherwise
 * P = 1 − Q with Q from Legendre's continued fraction by the modified Lentz method, ln P = log1p(−Q).
 * @throws {RangeError} when a ≤ 0 or x < 0 (from logGamma for a)
 */
export function logRegularizedLowerGamma(a: number, x: number): number {
  if (!(a > 0)) throw new RangeError(`incomplete gamma needs a > 0, got ${a}`);
  if (!(x >= 0)) throw new RangeError(`incomplete gamma needs x ≥ 0, got ${x}`);
  if (x === 0) return Number.NEGATIVE_INFINITY;
  if (x === Infinity) return 0;
  if (x < a + 1) {
    let term = 1;
    let sum = 1;
    for (let n = 1; n < MAX_ITERATIONS; n++) {
      term *= x / (a + n);
      sum += term;
      if (term < sum * EPSILON) break;
    }
    return -x + a * Math.log(x) - logGamma(a + 1) + Math.log(sum);
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  const q = Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
  return Math.log1p(-q);
}
