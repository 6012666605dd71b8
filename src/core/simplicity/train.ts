// Mini-batch training of the lab's network on a labelled set, epoch by epoch, with a callback after
// each epoch (the worker's live loss curve, progress and cancel). Batches are a fresh seeded
// permutation of the training set every epoch; the last partial batch is kept (PyTorch's DataLoader
// default, drop_last = False).
import { InvalidOptionError } from '../errors';
import type { Uint32Stream } from '../rng';
import type { LabelledSet } from './lmsData';
import { createWorkspace, lossAndGradient, type Mlp } from './mlp';
import { createOptimizer, type OptimizerOptions } from './optimizer';
import { randomPermutation } from './seededDraws';

export interface TrainingOptions extends OptimizerOptions {
  readonly epochs: number;
  readonly batchSize: number;
}

export interface EpochReport {
  readonly epoch: number;
  /** Mean of the epoch's mini-batch losses (each weighted by its batch size), before each step. */
  readonly trainLoss: number;
}

/**
 * Trains `mlp` in place on `set` (inputs as the network sees them). Returns the loss curve, one point
 * per epoch. `onEpoch` may throw (e.g. CancelledError) to stop; the network keeps its last step.
 * @throws {InvalidOptionError} for epochs or batch size that are not positive integers, or bad optimiser options
 */
export function trainMlp(mlp: Mlp, set: LabelledSet, options: TrainingOptions, order: Uint32Stream, onEpoch?: (report: EpochReport) => void): EpochReport[] {
  if (!Number.isInteger(options.epochs) || options.epochs < 1) throw new InvalidOptionError(`epochs must be a positive integer, got ${options.epochs}`);
  if (!Number.isInteger(options.batchSize) || options.batchSize < 1) throw new InvalidOptionError(`batch size must be a positive integer, got ${options.batchSize}`);
  if (set.dim !== mlp.shape.inputs) throw new InvalidOptionError(`network expects ${mlp.shape.inputs} inputs, data have ${set.dim}`);
  const optimizer = createOptimizer(options, mlp.params.length);
  const gradient = new Float64Array(mlp.params.length);
  const ws = createWorkspace(mlp);
  const curve: EpochReport[] = [];
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    const permutation = randomPermutation(order, set.n);
    let lossSum = 0;
    for (let start = 0; start < set.n; start += options.batchSize) {
      const batch = permutation.subarray(start, Math.min(set.n, start + options.batchSize));
      lossSum += lossAndGradient(mlp, mlp.params, set.x, set.y, batch, gradient, ws) * batch.length;
      optimizer.step(mlp.params, gradient);
    }
    const report = { epoch, trainLoss: lossSum / set.n };
    curve.push(report);
    onEpoch?.(report);
  }
  return curve;
}
