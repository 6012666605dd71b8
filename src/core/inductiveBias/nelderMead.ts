// Derivative-free minimiser for the likelihood of the loss model (three parameters, a smooth but
// expensive objective with no closed-form gradient). Nelder–Mead is what scipy's distribution .fit
// uses by default (optimize.fmin), so the search matches the paper's code in kind.

export interface NelderMeadOptions {
  /** Initial simplex step per coordinate. */
  readonly step: number;
  readonly maxEvaluations: number;
  /** Stop when the simplex's function values span less than this (absolute). */
  readonly tolerance: number;
}

const DEFAULTS: NelderMeadOptions = { step: 0.5, maxEvaluations: 2000, tolerance: 1e-10 };

/**
 * Minimises f from x0 by the Nelder–Mead simplex method with the standard coefficients (reflection 1,
 * expansion 2, contraction ½, shrink ½). Non-finite values count as +Infinity (outside the domain).
 * Source: Nelder & Mead (1965), Comput. J. 7:308–313; the variant of Lagarias et al. (1998), SIAM J.
 * Optim. 9:112–147 (inside/outside contraction). Returns the best point and its value. Never throws.
 */
export function nelderMead(f: (x: Float64Array) => number, x0: ArrayLike<number>, options: Partial<NelderMeadOptions> = {}): { x: Float64Array; value: number; evaluations: number } {
  const { step, maxEvaluations, tolerance } = { ...DEFAULTS, ...options };
  const n = x0.length;
  let evaluations = 0;
  const evaluate = (x: Float64Array) => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };
  const points: Float64Array[] = [Float64Array.from(x0)];
  for (let i = 0; i < n; i++) {
    const p = Float64Array.from(x0);
    p[i] = p[i]! + step;
    points.push(p);
  }
  const values = points.map(evaluate);
  const combine = (a: Float64Array, b: Float64Array, t: number) => a.map((ai, i) => ai + t * (b[i]! - ai));
  while (evaluations < maxEvaluations) {
    const order = values.map((_, i) => i).sort((i, j) => values[i]! - values[j]!);
    const sortedPoints = order.map((i) => points[i]!);
    const sortedValues = order.map((i) => values[i]!);
    for (let i = 0; i <= n; i++) {
      points[i] = sortedPoints[i]!;
      values[i] = sortedValues[i]!;
    }
    if (Number.isFinite(values[n]!) && values[n]! - values[0]! < tolerance) break;
    const centroid = new Float64Array(n);
    for (let i = 0; i < n; i++) for (let c = 0; c < n; c++) centroid[c] = centroid[c]! + points[i]![c]! / n;
    const worst = points[n]!;
    const reflected = combine(centroid, worst, -1);
    const fr = evaluate(reflected);
    if (fr < values[0]!) {
      const expanded = combine(centroid, worst, -2);
      const fe = evaluate(expanded);
      [points[n], values[n]] = fe < fr ? [expanded, fe] : [reflected, fr];
      continue;
    }
    if (fr < values[n - 1]!) {
      points[n] = reflected;
      values[n] = fr;
      continue;
    }
    const outside = fr < values[n]!;
    const contracted = combine(centroid, outside ? reflected : worst, 0.5);
    const fc = evaluate(contracted);
    if (outside ? fc <= fr : fc < values[n]!) {
      points[n] = contracted;
      values[n] = fc;
      continue;
    }
    for (let i = 1; i <= n; i++) {
      points[i] = combine(points[0]!, points[i]!, 0.5);
      values[i] = evaluate(points[i]!);
    }
  }
  let best = 0;
  for (let i = 1; i <= n; i++) if (values[i]! < values[best]!) best = i;
  return { x: points[best]!, value: values[best]!, evaluations };
}
