// The two optimisers the LMS-k lab offers, with PyTorch's conventions so a student can compare with
// the paper's set-up (SGD, step 0.1, weight decay 5·10⁻⁵): weight decay is the L2 term λθ added to the
// gradient (torch.optim.SGD/Adam `weight_decay`), applied to every parameter, biases included.
import { InvalidOptionError } from '../errors';

export type OptimizerKind = 'sgd' | 'adam';

export interface OptimizerOptions {
  readonly kind: OptimizerKind;
  readonly learningRate: number;
  readonly weightDecay: number;
}

export interface Optimizer {
  /** Updates params in place from gradient (which it may modify). */
  step(params: Float64Array, gradient: Float64Array): void;
}

const ADAM_BETA1 = 0.9;
const ADAM_BETA2 = 0.999;
const ADAM_EPSILON = 1e-8;

/**
 * SGD: g ← g + λθ; θ ← θ − ηg. Adam (Kingma & Ba 2015, Algorithm 1, β = (0.9, 0.999), ε = 10⁻⁸):
 * g ← g + λθ; m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²; θ ← θ − η·(m/(1 − β₁ᵗ)) / (√(v/(1 − β₂ᵗ)) + ε).
 * @throws {InvalidOptionError} when the learning rate is not positive or the weight decay is negative
 */
export function createOptimizer(options: OptimizerOptions, size: number): Optimizer {
  const { kind, learningRate: eta, weightDecay: lambda } = options;
  if (!(eta > 0 && Number.isFinite(eta))) throw new InvalidOptionError(`learning rate must be positive, got ${eta}`);
  if (!(lambda >= 0 && Number.isFinite(lambda))) throw new InvalidOptionError(`weight decay must be ≥ 0, got ${lambda}`);
  if (kind === 'sgd') {
    return {
      step(params, gradient) {
        for (let i = 0; i < params.length; i++) params[i] = params[i]! - eta * (gradient[i]! + lambda * params[i]!);
      },
    };
  }
  if (kind !== 'adam') throw new InvalidOptionError(`optimizer must be 'sgd' or 'adam', got ${String(kind)}`);
  const m = new Float64Array(size);
  const v = new Float64Array(size);
  let t = 0;
  return {
    step(params, gradient) {
      t++;
      const correction1 = 1 - ADAM_BETA1 ** t;
      const correction2 = 1 - ADAM_BETA2 ** t;
      for (let i = 0; i < params.length; i++) {
        const g = gradient[i]! + lambda * params[i]!;
        m[i] = ADAM_BETA1 * m[i]! + (1 - ADAM_BETA1) * g;
        v[i] = ADAM_BETA2 * v[i]! + (1 - ADAM_BETA2) * g * g;
        params[i] = params[i]! - (eta * (m[i]! / correction1)) / (Math.sqrt(v[i]! / correction2) + ADAM_EPSILON);
      }
    },
  };
}
