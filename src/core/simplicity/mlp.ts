// A small fully connected ReLU network with a softmax cross-entropy head, in plain typed arrays, for
// the LMS-k lab. All parameters live in one Float64Array (layer by layer: weights row-major
// [out][in], then biases) so an optimiser steps one vector and a finite-difference check can poke
// any entry. Back-propagation is written out by hand (docs/methods/simplicity-bias.md, "Training");
// tests/core/simplicity/mlp.test.ts checks it against central differences.
import { InvalidOptionError } from '../errors';
import type { Uint32Stream } from '../rng';
import { uniform01 } from './seededDraws';

export interface MlpShape {
  readonly inputs: number;
  /** Units per hidden layer. */
  readonly width: number;
  /** Number of hidden layers (their `hl`). */
  readonly depth: number;
  readonly outputs: number;
}

interface LayerLayout {
  readonly inDim: number;
  readonly outDim: number;
  readonly weights: number;
  readonly biases: number;
}

export interface Mlp {
  readonly shape: MlpShape;
  readonly layers: readonly LayerLayout[];
  readonly params: Float64Array;
}

/** The layers' offsets into the parameter vector, and its length. */
function layout(shape: MlpShape): { layers: LayerLayout[]; size: number } {
  const dims = [shape.inputs, ...Array.from({ length: shape.depth }, () => shape.width), shape.outputs];
  const layers: LayerLayout[] = [];
  let offset = 0;
  for (let l = 0; l + 1 < dims.length; l++) {
    const inDim = dims[l]!;
    const outDim = dims[l + 1]!;
    layers.push({ inDim, outDim, weights: offset, biases: offset + inDim * outDim });
    offset += inDim * outDim + outDim;
  }
  return { layers, size: offset };
}

/**
 * A network with PyTorch's default nn.Linear initialisation: every weight and bias Uniform(±1/√fan_in)
 * (kaiming_uniform with a = √5 gives exactly that bound).
 * @throws {InvalidOptionError} when a size is not a positive integer (depth may be 0: a linear model)
 */
export function createMlp(shape: MlpShape, stream: Uint32Stream): Mlp {
  for (const [name, value, least] of [['inputs', shape.inputs, 1], ['width', shape.width, 1], ['depth', shape.depth, 0], ['outputs', shape.outputs, 2]] as const) {
    if (!Number.isInteger(value) || value < least) throw new InvalidOptionError(`network ${name} must be an integer ≥ ${least}, got ${value}`);
  }
  const { layers, size } = layout(shape);
  const params = new Float64Array(size);
  for (const layer of layers) {
    const bound = 1 / Math.sqrt(layer.inDim);
    for (let i = layer.weights; i < layer.biases + layer.outDim; i++) params[i] = bound * (2 * uniform01(stream) - 1);
  }
  return { shape, layers, params };
}

/** Reusable activations for one example: one buffer per layer output. */
export interface Workspace {
  readonly activations: Float64Array[];
  readonly deltas: Float64Array[];
}

export const createWorkspace = (mlp: Mlp): Workspace => ({
  activations: mlp.layers.map((l) => new Float64Array(l.outDim)),
  deltas: mlp.layers.map((l) => new Float64Array(l.outDim)),
});

/**
 * Forward pass of the example at `row` of x (row-major, inputs wide). Leaves post-ReLU activations
 * (logits for the last layer) in the workspace and returns the logits buffer. Never throws.
 */
export function forward(mlp: Mlp, params: Float64Array, x: Float64Array, row: number, ws: Workspace): Float64Array {
  const last = mlp.layers.length - 1;
  for (let l = 0; l <= last; l++) {
    const layer = mlp.layers[l]!;
    const out = ws.activations[l]!;
    const input = l === 0 ? x : ws.activations[l - 1]!;
    const inputOffset = l === 0 ? row * layer.inDim : 0;
    for (let j = 0; j < layer.outDim; j++) {
      let sum = params[layer.biases + j]!;
      const w = layer.weights + j * layer.inDim;
      for (let i = 0; i < layer.inDim; i++) sum += params[w + i]! * input[inputOffset + i]!;
      out[j] = l < last && sum < 0 ? 0 : sum;
    }
  }
  return ws.activations[last]!;
}

/** Softmax cross-entropy −log softmax(z)_label, and (into `probabilities`) softmax(z). Never throws. */
function crossEntropy(logits: Float64Array, label: number, probabilities: Float64Array): number {
  let max = -Infinity;
  for (let j = 0; j < logits.length; j++) max = Math.max(max, logits[j]!);
  let total = 0;
  for (let j = 0; j < logits.length; j++) {
    probabilities[j] = Math.exp(logits[j]! - max);
    total += probabilities[j]!;
  }
  for (let j = 0; j < logits.length; j++) probabilities[j] = probabilities[j]! / total;
  return Math.log(total) + max - logits[label]!;
}

/**
 * Mean cross-entropy over the examples `batch` (indices into x/y) and its gradient with respect to
 * every parameter, written into `gradient` (overwritten). Back-propagation: δ_out = softmax − onehot;
 * ∂W_l = δ_l ⊗ a_{l−1}; ∂b_l = δ_l; δ_{l−1} = (W_lᵀ δ_l) ⊙ 1[a_{l−1} > 0]; all divided by the batch size.
 * Never throws.
 */
export function lossAndGradient(mlp: Mlp, params: Float64Array, x: Float64Array, y: Uint8Array, batch: ArrayLike<number>, gradient: Float64Array, ws: Workspace): number {
  gradient.fill(0);
  const last = mlp.layers.length - 1;
  let loss = 0;
  for (let b = 0; b < batch.length; b++) {
    const row = batch[b]!;
    const logits = forward(mlp, params, x, row, ws);
    const top = ws.deltas[last]!;
    loss += crossEntropy(logits, y[row]!, top);
    top[y[row]!] = top[y[row]!]! - 1;
    for (let l = last; l >= 0; l--) {
      const layer = mlp.layers[l]!;
      const delta = ws.deltas[l]!;
      const input = l === 0 ? x : ws.activations[l - 1]!;
      const inputOffset = l === 0 ? row * layer.inDim : 0;
      for (let j = 0; j < layer.outDim; j++) {
        const d = delta[j]!;
        if (d === 0) continue;
        gradient[layer.biases + j] = gradient[layer.biases + j]! + d;
        const w = layer.weights + j * layer.inDim;
        for (let i = 0; i < layer.inDim; i++) gradient[w + i] = gradient[w + i]! + d * input[inputOffset + i]!;
      }
      if (l === 0) break;
      const below = ws.deltas[l - 1]!;
      const belowActivation = ws.activations[l - 1]!;
      for (let i = 0; i < layer.inDim; i++) {
        if (belowActivation[i]! <= 0) {
          below[i] = 0;
          continue;
        }
        let sum = 0;
        for (let j = 0; j < layer.outDim; j++) sum += params[layer.weights + j * layer.inDim + i]! * delta[j]!;
        below[i] = sum;
      }
    }
  }
  const scale = 1 / batch.length;
  for (let i = 0; i < gradient.length; i++) gradient[i] = gradient[i]! * scale;
  return loss * scale;
}

/** The predicted class (arg max of the logits; ties to the lower index) of the example at `row`. Never throws. */
export function predict(mlp: Mlp, x: Float64Array, row: number, ws: Workspace): number {
  const logits = forward(mlp, mlp.params, x, row, ws);
  let best = 0;
  for (let j = 1; j < logits.length; j++) if (logits[j]! > logits[best]!) best = j;
  return best;
}

/** Share of the n examples of x whose predicted class equals y. Never throws (NaN for n = 0). */
export function accuracy(mlp: Mlp, x: Float64Array, y: Uint8Array, ws: Workspace = createWorkspace(mlp)): number {
  let correct = 0;
  for (let row = 0; row < y.length; row++) if (predict(mlp, x, row, ws) === y[row]) correct++;
  return correct / y.length;
}
