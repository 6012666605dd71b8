// The points of the inductive-bias chart, computed here so the screen draws and does not compute:
// for one model class, each sampled loss against its empirical bits −log₂(rank / n) (the sample's
// own tail), and the fitted model's bits −log₂ F̂(x) on a log-spaced grid that spans the losses and
// the target, so the curve can be read at the target where the estimate is. θ is rebuilt from the
// stored parameters in the model's own coordinates (core/inductiveBias/lossModels.ts: logs of the
// positive parameters).
import { lossModel } from '../../../core/inductiveBias/lossModels';
import type { InductiveBiasClassResult } from './run';

export interface LossCurvePoints {
  /** Sorted losses with −log₂ of the fraction of losses ≤ each. */
  empirical: { loss: number; bits: number }[];
  /** The fitted model's −log₂ F̂ at grid losses (points where F̂ underflows are left out). */
  fitted: { loss: number; bits: number }[];
}

const GRID_POINTS = 60;

const thetaOf = (c: InductiveBiasClassResult): Float64Array => {
  const p = c.estimate.parameters;
  return c.estimate.model === 'normal' ? Float64Array.of(p.mean!, Math.log(p.sd!)) : Float64Array.of(Math.log(p.degreesOfFreedom!), Math.log(p.noncentrality!), Math.log(p.scale!));
};

export function lossCurvePoints(c: InductiveBiasClassResult, target: number): LossCurvePoints {
  const sorted = [...c.losses].sort((a, b) => a - b);
  const n = sorted.length;
  const empirical = sorted.map((loss, i) => ({ loss, bits: -Math.log2((i + 1) / n) }));
  const positive = sorted.filter((v) => v > 0);
  const low = Math.min(target, positive[0] ?? target) / 1.5;
  const high = Math.max(target, sorted[n - 1] ?? target);
  const model = lossModel(c.estimate.model);
  const theta = thetaOf(c);
  const fitted: { loss: number; bits: number }[] = [];
  for (let i = 0; i < GRID_POINTS; i++) {
    const loss = low * (high / low) ** (i / (GRID_POINTS - 1));
    const bits = -model.logCdf(loss, theta) / Math.LN2;
    if (Number.isFinite(bits)) fitted.push({ loss, bits });
  }
  return { empirical, fitted };
}
