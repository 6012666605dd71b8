// What one inductive-bias lab run records (the inductive-bias family's result): the task and
// settings, and per model class every sampled test loss with the estimate core made from them.
// Declared in core beside the experiment so the run record's union of results (core/runRecord.ts)
// can name it.
import type { InductiveBiasEstimate } from './inductiveBiasEstimate';
import type { LossModelKind } from './lossModels';
import type { HypothesisClass } from './randomHypotheses';
import type { ToyTaskOptions } from './toyTask';

export interface InductiveBiasClassResult {
  /** "Random ReLU networks (width 64, depth 2)". */
  label: string;
  hypothesisClass: HypothesisClass;
  /** Test MSE of each sampled hypothesis, in sampling order. */
  losses: number[];
  estimate: InductiveBiasEstimate;
}

export interface InductiveBiasResult {
  kind: 'inductive-bias';
  probeId: string;
  title: string;
  seed: number;
  task: ToyTaskOptions;
  hypotheses: number;
  /** Target test MSE ε. */
  target: number;
  lossModel: LossModelKind;
  level: number;
  classes: InductiveBiasClassResult[];
}
