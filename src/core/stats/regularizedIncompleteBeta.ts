// The regularised incomplete beta function I_x(a, b), needed for the Student t distribution (the
// one-sample t-test of the LLM IAT D scores). The continued fraction converges fast only for
// x < (a + 1)/(a + b + 2); beyond that the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) is used, so the
// fraction is always evaluated on its fast side.
import { logBeta } from './logGamma';

const MAX_ITERATIONS = 10_000;
const RELATIVE_EPSILON = 1e-16;
const TINY = 1e-300;

/**
 * I_x(a, b) = B(x; a, b)/B(a, b) = (1/B(a, b)) ∫₀ˣ t^{a−1}(1 − t)^{b−1} dt, for a, b > 0, x ∈ [0, 1].
 * Evaluated as x^a (1 − x)^b / (a B(a, b)) · 1/(1 + d₁/(1 + d₂/(1 + …))) with the even/odd terms
 * d_{2m} = m(b − m)x/((a + 2m − 1)(a + 2m)), d_{2m+1} = −(a + m)(a + b + m)x/((a + 2m)(a + 2m + 1)),
 * by the modified Lentz method.
 * Source: Abramowitz & Stegun 26.5.8; Press et al., Numerical Recipes (3rd ed.), §6.4 (`betacf`);
 * Lentz (1976) / Thompson & Barnett (1986) for the evaluation scheme.
 * @throws {RangeError} when a ≤ 0, b ≤ 0 or x ∉ [0, 1]
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (!(a > 0) || !(b > 0) || !Number.isFinite(a) || !Number.isFinite(b)) throw new RangeError(`incomplete beta needs a, b > 0, got ${a}, ${b}`);
  if (!(x >= 0 && x <= 1)) throw new RangeError(`incomplete beta needs x in [0, 1], got ${x}`);
  if (x === 0) return 0;
  if (x === 1) return 1;
  const logPrefactor = a * Math.log(x) + b * Math.log1p(-x) - logBeta(a, b);
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(logPrefactor) * continuedFraction(x, a, b)) / a;
  return 1 - (Math.exp(logPrefactor) * continuedFraction(1 - x, b, a)) / b;
}

/** The continued fraction of A&S 26.5.8 by modified Lentz; converges for x < (a+1)/(a+b+2). */
function continuedFraction(x: number, a: number, b: number): number {
  const guard = (v: number) => (Math.abs(v) < TINY ? TINY : v);
  let c = 1;
  let d = 1 / guard(1 - ((a + b) * x) / (a + 1));
  let result = d;
  for (let m = 1; m <= MAX_ITERATIONS; m++) {
    const evenTerm = (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
    d = 1 / guard(1 + evenTerm * d);
    c = guard(1 + evenTerm / c);
    result *= d * c;
    const oddTerm = (-(a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
    d = 1 / guard(1 + oddTerm * d);
    c = guard(1 + oddTerm / c);
    const change = d * c;
    result *= change;
    if (Math.abs(change - 1) < RELATIVE_EPSILON) return result;
  }
  return result;
}
