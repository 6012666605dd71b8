// The toy regression task the inductive-bias lab samples hypotheses on: inputs Uniform[−1, 1]^d, a
// fixed smooth teacher y = sin(πx₀) + ½x₁ (the second term only when d ≥ 2), a small training set (the
// fixed training budget) and a larger test set. Seeded; nothing else varies between runs.
import { InvalidOptionError } from '../errors';
import type { Uint32Stream } from '../rng';
import { labStream, uniform01 } from '../simplicity/seededDraws';

export interface ToyTaskOptions {
  readonly inputs: number;
  readonly trainSize: number;
  readonly testSize: number;
}

/** n examples, row-major inputs, real targets. */
export interface RegressionSet {
  readonly n: number;
  readonly x: Float64Array;
  readonly y: Float64Array;
}

export interface ToyTask {
  readonly inputs: number;
  readonly train: RegressionSet;
  readonly test: RegressionSet;
}

/** The teacher function. Never throws. */
export const teacher = (x: ArrayLike<number>, offset: number, inputs: number): number => Math.sin(Math.PI * x[offset]!) + (inputs >= 2 ? 0.5 * x[offset + 1]! : 0);

function draw(n: number, inputs: number, stream: Uint32Stream): RegressionSet {
  const x = new Float64Array(n * inputs);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < inputs; c++) x[i * inputs + c] = 2 * uniform01(stream) - 1;
    y[i] = teacher(x, i * inputs, inputs);
  }
  return { n, x, y };
}

/**
 * The seeded toy task (streams 'toy/train', 'toy/test').
 * @throws {InvalidOptionError} when a size is not a positive integer (at least 2 training and test points)
 */
export function createToyTask(options: ToyTaskOptions, seed: number): ToyTask {
  for (const [name, value, least] of [['inputs', options.inputs, 1], ['training size', options.trainSize, 2], ['test size', options.testSize, 2]] as const) {
    if (!Number.isInteger(value) || value < least) throw new InvalidOptionError(`toy task ${name} must be an integer ≥ ${least}, got ${value}`);
  }
  return {
    inputs: options.inputs,
    train: draw(options.trainSize, options.inputs, labStream(seed, 'toy/train')),
    test: draw(options.testSize, options.inputs, labStream(seed, 'toy/test')),
  };
}
