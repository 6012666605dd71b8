// The hand-written back-propagation against central finite differences of the loss itself (an
// independent computation: only the forward pass is shared), and the two optimisers' updates against
// their textbook formulas worked out by hand.
import { describe, expect, it } from 'vitest';
import { createMlp, createWorkspace, lossAndGradient } from '../../../src/core/simplicity/mlp';
import { createOptimizer } from '../../../src/core/simplicity/optimizer';
import { labStream, standardNormal } from '../../../src/core/simplicity/seededDraws';

describe('lossAndGradient', () => {
  it.each([0, 1, 3])('matches central finite differences on every parameter (depth %i)', (depth) => {
    const mlp = createMlp({ inputs: 4, width: 6, depth, outputs: 3 }, labStream(5, 'test/init'));
    const draws = labStream(6, 'test/data');
    const n = 7;
    const x = Float64Array.from({ length: n * 4 }, () => standardNormal(draws));
    const y = Uint8Array.from({ length: n }, (_, i) => i % 3);
    const batch = [0, 1, 2, 3, 4, 5, 6];
    const ws = createWorkspace(mlp);
    const gradient = new Float64Array(mlp.params.length);
    lossAndGradient(mlp, mlp.params, x, y, batch, gradient, ws);
    const scratch = new Float64Array(mlp.params.length);
    const h = 1e-6;
    let worst = 0;
    for (let p = 0; p < mlp.params.length; p++) {
      const shifted = Float64Array.from(mlp.params);
      shifted[p] = mlp.params[p]! + h;
      const up = lossAndGradient(mlp, shifted, x, y, batch, scratch, ws);
      shifted[p] = mlp.params[p]! - h;
      const down = lossAndGradient(mlp, shifted, x, y, batch, scratch, ws);
      const numeric = (up - down) / (2 * h);
      worst = Math.max(worst, Math.abs(numeric - gradient[p]!) / Math.max(1e-3, Math.abs(numeric)));
    }
    expect(worst).toBeLessThan(1e-6);
  });

  it('returns the mean cross-entropy: ln 2 for two equal logits', () => {
    const mlp = createMlp({ inputs: 2, width: 3, depth: 1, outputs: 2 }, labStream(1, 'test/init'));
    mlp.params.fill(0);
    const loss = lossAndGradient(mlp, mlp.params, new Float64Array([1, 2, 3, 4]), new Uint8Array([0, 1]), [0, 1], new Float64Array(mlp.params.length), createWorkspace(mlp));
    expect(loss).toBeCloseTo(Math.LN2, 15);
  });
});

describe('createOptimizer', () => {
  it('SGD with weight decay steps θ − η(g + λθ)', () => {
    const params = new Float64Array([1, -2]);
    createOptimizer({ kind: 'sgd', learningRate: 0.1, weightDecay: 0.5 }, 2).step(params, new Float64Array([0.3, 0.4]));
    // 1 − 0.1·(0.3 + 0.5) = 0.92; −2 − 0.1·(0.4 − 1) = −1.94
    expect(params[0]).toBeCloseTo(0.92, 15);
    expect(params[1]).toBeCloseTo(-1.94, 15);
  });

  it('Adam steps η·m̂/(√v̂ + ε) with bias-corrected moments (first step ≈ η·sign g)', () => {
    const params = new Float64Array([0.5]);
    const adam = createOptimizer({ kind: 'adam', learningRate: 0.01, weightDecay: 0 }, 1);
    adam.step(params, new Float64Array([2]));
    // m̂ = 2, v̂ = 4 → step 0.01·2/(2 + 1e-8)
    expect(params[0]).toBeCloseTo(0.5 - 0.01 * (2 / (2 + 1e-8)), 15);
    adam.step(params, new Float64Array([-1]));
    // m = 0.9·0.2 + 0.1·(−1) = 0.08, m̂ = 0.08/0.19; v = 0.999·0.004 + 0.001·1 = 0.004996, v̂ = 0.004996/0.001999
    const mHat = 0.08 / (1 - 0.81);
    const vHat = 0.004996 / (1 - 0.998001);
    expect(params[0]).toBeCloseTo(0.5 - 0.01 * (2 / (2 + 1e-8)) - (0.01 * mHat) / (Math.sqrt(vHat) + 1e-8), 14);
  });

  it('refuses a non-positive learning rate and a negative weight decay', () => {
    expect(() => createOptimizer({ kind: 'sgd', learningRate: 0, weightDecay: 0 }, 1)).toThrow(/learning rate/);
    expect(() => createOptimizer({ kind: 'adam', learningRate: 0.1, weightDecay: -1 }, 1)).toThrow(/weight decay/);
  });
});
