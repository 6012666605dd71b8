// Random hypotheses from a model class, each fitted to the toy task's training set, and their test
// losses: the sample the inductive-bias estimate models. A hypothesis = random hidden weights (the
// class's prior) + a readout fitted by ridge regression to the training data (docs/methods/
// inductive-bias.md, "The hypothesis classes"). The readout is solved in the dual, an n_train × n_train
// system, because the training budget is small and the width may not be.
import { InvalidOptionError } from '../errors';
import { solveSpd } from '../linalg';
import type { Uint32Stream } from '../rng';
import { labStream, standardNormal, uniform01 } from '../simplicity/seededDraws';
import type { ToyTask } from './toyTask';

export type HypothesisClass =
  | { readonly kind: 'random-mlp'; readonly width: number; readonly depth: number }
  | { readonly kind: 'random-features'; readonly width: number; readonly bandwidth: number };

/** Ridge penalty relative to the mean diagonal of the training Gram matrix (keeps the solve well posed). */
export const RELATIVE_RIDGE = 1e-6;

/** A drawn feature map: rows of x (inputs wide) → rows of features (width wide), scaled by 1/√width. */
export type FeatureMap = (x: Float64Array, n: number) => Float64Array;

/**
 * Draws one member of the class's feature prior.
 * random-mlp: inputs augmented by a constant 1 (the biases), `depth` ReLU layers with He-normal weights
 * N(0, 2/fan_in) (He et al. 2015). random-features: cos(γ·ωᵀx + b), ω ~ N(0, I), b ~ U[0, 2π)
 * (Rahimi & Recht 2007), so ⟨φ(x), φ(x′)⟩ → exp(−γ²‖x − x′‖²/2) as the width grows.
 * @throws {InvalidOptionError} for a width or depth that is not a positive integer, or a bandwidth ≤ 0
 */
export function drawFeatureMap(cls: HypothesisClass, inputs: number, stream: Uint32Stream): FeatureMap {
  if (!Number.isInteger(cls.width) || cls.width < 1) throw new InvalidOptionError(`hypothesis width must be a positive integer, got ${cls.width}`);
  const width = cls.width;
  const norm = 1 / Math.sqrt(width);
  if (cls.kind === 'random-features') {
    if (!(cls.bandwidth > 0)) throw new InvalidOptionError(`random-feature bandwidth must be positive, got ${cls.bandwidth}`);
    const omega = Float64Array.from({ length: width * inputs }, () => cls.bandwidth * standardNormal(stream));
    const phase = Float64Array.from({ length: width }, () => 2 * Math.PI * uniform01(stream));
    return (x, n) => {
      const out = new Float64Array(n * width);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < width; j++) {
          let s = phase[j]!;
          for (let c = 0; c < inputs; c++) s += omega[j * inputs + c]! * x[i * inputs + c]!;
          out[i * width + j] = Math.SQRT2 * norm * Math.cos(s);
        }
      }
      return out;
    };
  }
  if (cls.kind !== 'random-mlp') throw new InvalidOptionError(`unknown hypothesis class '${String((cls as { kind: unknown }).kind)}'`);
  if (!Number.isInteger(cls.depth) || cls.depth < 1) throw new InvalidOptionError(`random-MLP depth must be a positive integer, got ${cls.depth}`);
  const layers: { fanIn: number; w: Float64Array }[] = [];
  for (let l = 0; l < cls.depth; l++) {
    const fanIn = (l === 0 ? inputs : width) + 1;
    const sd = Math.sqrt(2 / fanIn);
    layers.push({ fanIn, w: Float64Array.from({ length: width * fanIn }, () => sd * standardNormal(stream)) });
  }
  return (x, n) => {
    const out = new Float64Array(n * width);
    const input = new Float64Array(inputs + 1);
    const buffers = [new Float64Array(width + 1), new Float64Array(width + 1)];
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < inputs; c++) input[c] = x[i * inputs + c]!;
      input[inputs] = 1;
      let current = input;
      for (let l = 0; l < layers.length; l++) {
        const { fanIn, w } = layers[l]!;
        const next = buffers[l % 2]!;
        for (let j = 0; j < width; j++) {
          let s = 0;
          for (let c = 0; c < fanIn; c++) s += w[j * fanIn + c]! * current[c]!;
          next[j] = s > 0 ? s : 0;
        }
        next[width] = 1;
        current = next;
      }
      for (let j = 0; j < width; j++) out[i * width + j] = norm * current[j]!;
    }
    return out;
  };
}

/**
 * Test mean squared error of the ridge readout fitted on the training features:
 * α = (ΦΦᵀ + ρI)⁻¹y with ρ = RELATIVE_RIDGE·tr(ΦΦᵀ)/n, predictions Φ_test Φᵀ α (the dual form of
 * a = (ΦᵀΦ + ρI)⁻¹Φᵀy). Returns the training MSE too (≈ 0 when the class can interpolate).
 * @throws {InvalidVectorError} when the Gram matrix is not positive definite even with the ridge
 */
export function fitReadout(trainFeatures: Float64Array, trainY: Float64Array, testFeatures: Float64Array, testY: Float64Array, width: number): { trainLoss: number; testLoss: number } {
  const n = trainY.length;
  const gram = new Float64Array(n * n);
  let trace = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let c = 0; c < width; c++) s += trainFeatures[i * width + c]! * trainFeatures[j * width + c]!;
      gram[i * n + j] = s;
      gram[j * n + i] = s;
    }
    trace += gram[i * n + i]!;
  }
  const ridge = RELATIVE_RIDGE * Math.max(trace / n, Number.MIN_VALUE);
  const regularised = Float64Array.from(gram);
  for (let i = 0; i < n; i++) regularised[i * n + i] = regularised[i * n + i]! + ridge;
  const alpha = solveSpd(regularised, trainY, n);
  const readout = new Float64Array(width);
  for (let i = 0; i < n; i++) for (let c = 0; c < width; c++) readout[c] = readout[c]! + trainFeatures[i * width + c]! * alpha[i]!;
  const mse = (features: Float64Array, y: Float64Array) => {
    let sum = 0;
    for (let i = 0; i < y.length; i++) {
      let prediction = 0;
      for (let c = 0; c < width; c++) prediction += features[i * width + c]! * readout[c]!;
      sum += (prediction - y[i]!) ** 2;
    }
    return sum / y.length;
  };
  return { trainLoss: mse(trainFeatures, trainY), testLoss: mse(testFeatures, testY) };
}

/**
 * Test losses of `count` random hypotheses of the class on the task. Hypothesis i draws from its own
 * stream ('hypothesis/<streamKey>/<i>'), so the first m losses do not depend on the count, and classes
 * compared side by side (different keys) draw independently. `onProgress` is called after each
 * hypothesis and may throw (CancelledError) to stop.
 * @throws {InvalidOptionError} for a count below 1 or an invalid class; InvalidVectorError as fitReadout; whatever onProgress throws
 */
export function sampleHypothesisLosses(task: ToyTask, cls: HypothesisClass, count: number, seed: number, onProgress?: (done: number, total: number) => void, streamKey = 'class-0'): Float64Array {
  if (!Number.isInteger(count) || count < 1) throw new InvalidOptionError(`number of hypotheses must be a positive integer, got ${count}`);
  const losses = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const map = drawFeatureMap(cls, task.inputs, labStream(seed, `hypothesis/${streamKey}/${i}`));
    losses[i] = fitReadout(map(task.train.x, task.train.n), task.train.y, map(task.test.x, task.test.n), task.test.y, cls.width).testLoss;
    onProgress?.(i + 1, count);
  }
  return losses;
}
