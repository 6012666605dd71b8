// The inductive bias required to reach a target test loss, −log₂ P(loss ≤ target), read from a model
// fitted to the sampled hypotheses' losses (the paper's estimator), with the two intervals of
// docs/methods/inductive-bias.md: the fit's sampling error by the delta method, and the empirical
// fraction's Clopper–Pearson interval where samples reach the target (the cross-check).
import { InvalidOptionError, InvalidVectorError } from '../errors';
import { solveSpd } from '../linalg';
import { clopperPearsonInterval } from '../stats/centralBinomialTest';
import { normalQuantile } from '../stats/normal';
import { lossModel, type LossModel, type LossModelKind } from './lossModels';

export interface BitsInterval {
  readonly level: number;
  readonly low: number;
  /** Null when unbounded (no sample reached the target). */
  readonly high: number | null;
}

export interface InductiveBiasEstimate {
  readonly target: number;
  readonly samples: number;
  readonly model: LossModelKind;
  readonly parameters: Record<string, number>;
  readonly logLikelihood: number;
  /** −log₂ F̂(target), bits. */
  readonly bits: number;
  /** Delta-method interval of `bits` (sampling error of the fit only); null when the observed information is not positive definite. */
  readonly fitInterval: {
    readonly level: number;
    readonly low: number;
    readonly high: number;
    readonly standardError: number;
    /** Parameters the sample carries no information on (a maximum on the boundary, e.g. λ → 0), held at their fitted values. */
    readonly heldFixed: readonly string[];
  } | null;
  readonly empirical: {
    /** Samples with loss ≤ target. */
    readonly reaching: number;
    /** −log₂(reaching / samples); null when none reach the target. */
    readonly bits: number | null;
    /** Clopper–Pearson interval of the fraction, mapped through −log₂ (so low bits ↔ high fraction). */
    readonly interval: BitsInterval;
    /**
     * Whether the model's estimate lies inside that interval; null when no sample reaches the target
     * (nothing to check against). False means the fitted family misdescribes this sample's tail.
     */
    readonly modelAgrees: boolean | null;
  };
}

const bitsAt = (model: LossModel, target: number, theta: Float64Array) => -model.logCdf(target, theta) / Math.LN2;

/**
 * A parameter whose observed information is below this fraction of the largest is flat: the maximum
 * lies on the boundary of its range (λ → 0: the fit chose the central χ²), the likelihood does not
 * move along it, and neither does the tail reading. The delta method runs over the other parameters.
 */
const FLAT_INFORMATION = 1e-6;

/** Relative finite-difference step per parameter. */
const stepOf = (value: number) => 1e-3 * Math.max(1, Math.abs(value));

/**
 * Observed information: the Hessian of −ln L at θ̂ by central differences (second differences on the
 * diagonal, the four-point formula off it). Row-major n×n.
 */
function observedInformation(model: LossModel, theta: Float64Array, losses: Float64Array): Float64Array {
  const n = theta.length;
  const f = (t: Float64Array) => -model.logLikelihood(t, losses);
  const at = (shifts: [number, number][]) => {
    const t = Float64Array.from(theta);
    for (const [i, d] of shifts) t[i] = t[i]! + d;
    return f(t);
  };
  const centre = f(theta);
  const h = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const hi = stepOf(theta[i]!);
    h[i * n + i] = (at([[i, hi]]) - 2 * centre + at([[i, -hi]])) / (hi * hi);
    for (let j = 0; j < i; j++) {
      const hj = stepOf(theta[j]!);
      const value = (at([[i, hi], [j, hj]]) - at([[i, hi], [j, -hj]]) - at([[i, -hi], [j, hj]]) + at([[i, -hi], [j, -hj]])) / (4 * hi * hj);
      h[i * n + j] = value;
      h[j * n + i] = value;
    }
  }
  return h;
}

/**
 * Fits `kind` to the losses by maximum likelihood and estimates the bits of inductive bias needed to
 * reach `target`, with a delta-method interval (Var Î ≈ ∇Iᵀ Ĥ⁻¹ ∇I, ∇I by central differences, over the
 * parameters that are not flat at the maximum) and the empirical cross-check, both at `level`.
 * @throws {InvalidOptionError} when there are fewer than 10 losses, a loss or the target is not finite, level ∉ (0, 1), or the model cannot take the losses
 */
export function estimateInductiveBias(losses: ArrayLike<number>, target: number, kind: LossModelKind, level = 0.95): InductiveBiasEstimate {
  if (losses.length < 10) throw new InvalidOptionError(`the estimate needs at least 10 sampled losses, got ${losses.length}`);
  if (!Number.isFinite(target)) throw new InvalidOptionError(`target loss must be finite, got ${target}`);
  if (!(level > 0 && level < 1)) throw new InvalidOptionError(`confidence level must be in (0, 1), got ${level}`);
  const sample = Float64Array.from(losses);
  for (const v of sample) if (!Number.isFinite(v)) throw new InvalidOptionError(`sampled losses must be finite, got ${v}`);
  const model = lossModel(kind);
  const theta = model.fit(sample);
  const bits = bitsAt(model, target, theta);
  const z = normalQuantile(1 - (1 - level) / 2);

  let fitInterval: InductiveBiasEstimate['fitInterval'] = null;
  const gradient = theta.map((value, i) => {
    const h = stepOf(value);
    const up = Float64Array.from(theta);
    const down = Float64Array.from(theta);
    up[i] = value + h;
    down[i] = value - h;
    return (bitsAt(model, target, up) - bitsAt(model, target, down)) / (2 * h);
  });
  const names = Object.keys(model.describe(theta));
  const information = observedInformation(model, theta, sample);
  const n = theta.length;
  let largest = 0;
  for (let i = 0; i < n; i++) largest = Math.max(largest, information[i * n + i]!);
  const kept = names.map((_, i) => i).filter((i) => information[i * n + i]! > FLAT_INFORMATION * largest);
  try {
    const sub = new Float64Array(kept.length * kept.length);
    kept.forEach((i, a) => kept.forEach((j, b) => (sub[a * kept.length + b] = information[i * n + j]!)));
    const subGradient = Float64Array.from(kept, (i) => gradient[i]!);
    const solved = solveSpd(sub, subGradient, kept.length);
    let variance = 0;
    for (let a = 0; a < kept.length; a++) variance += subGradient[a]! * solved[a]!;
    const standardError = Math.sqrt(variance);
    const heldFixed = names.filter((_, i) => !kept.includes(i));
    if (Number.isFinite(standardError)) fitInterval = { level, low: Math.max(0, bits - z * standardError), high: bits + z * standardError, standardError, heldFixed };
  } catch (error) {
    if (!(error instanceof InvalidVectorError)) throw error;
  }

  let reaching = 0;
  for (const v of sample) if (v <= target) reaching++;
  const proportion = clopperPearsonInterval(reaching, sample.length, level);
  const fractionLow = proportion.low ?? 0;
  const fractionHigh = proportion.high ?? 1;
  const interval = { level, low: -Math.log2(fractionHigh), high: fractionLow > 0 ? -Math.log2(fractionLow) : null };
  return {
    target,
    samples: sample.length,
    model: kind,
    parameters: model.describe(theta),
    logLikelihood: model.logLikelihood(theta, sample),
    bits,
    fitInterval,
    empirical: {
      reaching,
      bits: reaching > 0 ? -Math.log2(reaching / sample.length) : null,
      interval,
      modelAgrees: reaching > 0 ? bits >= interval.low && bits <= (interval.high ?? Infinity) : null,
    },
  };
}
