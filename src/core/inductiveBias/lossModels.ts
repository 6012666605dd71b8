// The parametric models of the random hypotheses' test-loss distribution, behind one interface so the
// estimate, its delta-method interval and the lab's plot treat them alike. Each model works on an
// unconstrained parameter vector θ (logs of the positive parameters), which is what the likelihood
// search, the observed information and the delta method differentiate in.
import { InvalidOptionError } from '../errors';
import { logNormalCdf } from './logNormalCdf';
import { nelderMead } from './nelderMead';
import { noncentralChiSquaredLogCdf, noncentralChiSquaredLogPdf, type ScaledNoncentralChiSquared } from './noncentralChiSquared';

export type LossModelKind = 'normal' | 'scaled-noncentral-chi-squared';

export interface LossModel {
  readonly kind: LossModelKind;
  /** Maximum-likelihood θ for the losses. */
  fit(losses: Float64Array): Float64Array;
  /** Σ ln f(lossᵢ; θ). */
  logLikelihood(theta: Float64Array, losses: Float64Array): number;
  /** ln P(loss ≤ x; θ). */
  logCdf(x: number, theta: Float64Array): number;
  /** The named parameters of θ, for the record and the plot. */
  describe(theta: Float64Array): Record<string, number>;
}

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** θ = (μ, ln σ). The MLE is the sample mean and the population SD (n in the denominator). */
const normalModel: LossModel = {
  kind: 'normal',
  fit(losses) {
    let mean = 0;
    for (const v of losses) mean += v;
    mean /= losses.length;
    let ss = 0;
    for (const v of losses) ss += (v - mean) ** 2;
    const sd = Math.sqrt(ss / losses.length);
    if (!(sd > 0)) throw new InvalidOptionError('the losses are all equal: no spread to model');
    return Float64Array.of(mean, Math.log(sd));
  },
  logLikelihood(theta, losses) {
    const mu = theta[0]!;
    const logSigma = theta[1]!;
    const sigma = Math.exp(logSigma);
    let sum = 0;
    for (const v of losses) sum += -0.5 * ((v - mu) / sigma) ** 2 - logSigma - LOG_SQRT_2PI;
    return sum;
  },
  logCdf: (x, theta) => logNormalCdf((x - theta[0]!) / Math.exp(theta[1]!)),
  describe: (theta) => ({ mean: theta[0]!, sd: Math.exp(theta[1]!) }),
};

const chiOf = (theta: Float64Array): ScaledNoncentralChiSquared => ({ degreesOfFreedom: Math.exp(theta[0]!), noncentrality: Math.exp(theta[1]!), scale: Math.exp(theta[2]!) });

/**
 * Method-of-moments start for (k, λ, s) from the first three cumulants, κ₁ = s(k + λ), κ₂ = 2s²(k + 2λ),
 * κ₃ = 8s³(k + 3λ): eliminating k and λ gives 4κ₁s² − 4κ₂s + κ₃ = 0, s = (κ₂ ± √(κ₂² − κ₁κ₃))/(2κ₁), then
 * λ = κ₂/(2s²) − κ₁/s, k = κ₁/s − λ; the root with k > 0, λ ≥ 0 is taken, else the central χ² (λ → small).
 */
function momentStart(losses: Float64Array): Float64Array {
  const n = losses.length;
  let k1 = 0;
  for (const v of losses) k1 += v;
  k1 /= n;
  let m2 = 0;
  let m3 = 0;
  for (const v of losses) {
    m2 += (v - k1) ** 2;
    m3 += (v - k1) ** 3;
  }
  const k2 = m2 / n;
  const k3 = m3 / n;
  const discriminant = k2 * k2 - k1 * k3;
  if (discriminant >= 0 && k3 > 0) {
    for (const sign of [1, -1]) {
      const s = (k2 + sign * Math.sqrt(discriminant)) / (2 * k1);
      const lambda = k2 / (2 * s * s) - k1 / s;
      const k = k1 / s - lambda;
      if (s > 0 && k > 0 && lambda > 0) return Float64Array.of(Math.log(k), Math.log(lambda), Math.log(s));
    }
  }
  // Central χ² by two moments: s = κ₂/(2κ₁), k = κ₁/s; a small λ keeps the log finite.
  const s = k2 / (2 * k1);
  const k = k1 / s;
  return Float64Array.of(Math.log(k), Math.log(1e-3 * k), Math.log(s));
}

/** θ = (ln k, ln λ, ln s); the paper's model (scipy ncx2.fit with floc = 0), fitted by Nelder–Mead from the moments. */
const noncentralChiSquaredModel: LossModel = {
  kind: 'scaled-noncentral-chi-squared',
  fit(losses) {
    for (const v of losses) if (!(v > 0)) throw new InvalidOptionError(`a scaled χ² models positive losses; got ${v}`);
    const negative = (theta: Float64Array) => -noncentralChiSquaredModel.logLikelihood(theta, losses);
    let best = nelderMead(negative, momentStart(losses));
    // One restart from the optimum (a fresh simplex) guards against a collapsed simplex.
    best = nelderMead(negative, best.x, { step: 0.1 });
    return best.x;
  },
  logLikelihood(theta, losses) {
    const d = chiOf(theta);
    let sum = 0;
    for (const v of losses) sum += noncentralChiSquaredLogPdf(v, d);
    return sum;
  },
  logCdf: (x, theta) => noncentralChiSquaredLogCdf(x, chiOf(theta)),
  describe: (theta) => ({ ...chiOf(theta) }),
};

/** The model of a kind. @throws {InvalidOptionError} for an unknown kind */
export function lossModel(kind: LossModelKind): LossModel {
  if (kind === 'normal') return normalModel;
  if (kind === 'scaled-noncentral-chi-squared') return noncentralChiSquaredModel;
  throw new InvalidOptionError(`unknown loss model '${String(kind)}'`);
}
