// The inductive-bias lab in one seeded call: one toy task, the same number of random hypotheses from
// each model class compared, each class's losses modelled and read at the same target. Classes share
// the task and the seed; hypothesis streams are keyed by class position, so adding a class does not
// change another's losses. This is what a family's run will call and what the headless JSON carries.
import { InvalidOptionError } from '../errors';
import { estimateInductiveBias, type InductiveBiasEstimate } from './inductiveBiasEstimate';
import type { LossModelKind } from './lossModels';
import { sampleHypothesisLosses, type HypothesisClass } from './randomHypotheses';
import { createToyTask, type ToyTaskOptions } from './toyTask';

export interface InductiveBiasExperimentOptions {
  readonly task: ToyTaskOptions;
  readonly classes: readonly HypothesisClass[];
  readonly hypotheses: number;
  /** Target test MSE ε. */
  readonly target: number;
  readonly model: LossModelKind;
  readonly level: number;
}

export interface ClassResult {
  readonly hypothesisClass: HypothesisClass;
  readonly losses: Float64Array;
  readonly estimate: InductiveBiasEstimate;
}

/**
 * The lesson's set-up: a 2-input task with 20 training points (so the data leave much open), 200
 * hypotheses each from a width-64 depth-2 random ReLU MLP and width-64 random Fourier features
 * (bandwidth 2), read at test MSE 0.01 with the paper's scaled non-central χ².
 */
export const DEFAULT_INDUCTIVE_BIAS_EXPERIMENT: InductiveBiasExperimentOptions = Object.freeze({
  task: Object.freeze({ inputs: 2, trainSize: 20, testSize: 200 }),
  classes: Object.freeze([Object.freeze({ kind: 'random-mlp', width: 64, depth: 2 }), Object.freeze({ kind: 'random-features', width: 64, bandwidth: 2 })]),
  hypotheses: 200,
  target: 0.01,
  model: 'scaled-noncentral-chi-squared',
  level: 0.95,
});

/**
 * Samples every class's hypotheses on one task and estimates each class's bits. `onProgress(done,
 * total)` counts hypotheses over all classes and may throw to cancel.
 * @throws {InvalidOptionError} for no classes or invalid task, class, count, target or level; whatever onProgress throws
 */
export function runInductiveBiasExperiment(options: InductiveBiasExperimentOptions, seed: number, onProgress?: (done: number, total: number) => void): ClassResult[] {
  if (options.classes.length === 0) throw new InvalidOptionError('the inductive-bias lab needs at least one hypothesis class');
  const task = createToyTask(options.task, seed);
  const total = options.classes.length * options.hypotheses;
  return options.classes.map((hypothesisClass, index) => {
    const losses = sampleHypothesisLosses(task, hypothesisClass, options.hypotheses, seed, onProgress && ((done) => onProgress(index * options.hypotheses + done, total)), `class-${index}`);
    return { hypothesisClass, losses, estimate: estimateInductiveBias(losses, options.target, options.model, options.level) };
  });
}
