// The lab's preset end to end: progress over both classes, and the lesson's reading (at test MSE 0.01 the random-feature class, whose features are an RBF
// kernel's, needs fewer bits than the random ReLU MLP on this smooth task) on two seeds.
import { describe, expect, it } from 'vitest';
import { DEFAULT_INDUCTIVE_BIAS_EXPERIMENT, runInductiveBiasExperiment } from '../../../src/core/inductiveBias/inductiveBiasExperiment';

describe('runInductiveBiasExperiment', () => {
  it.each([1, 2])('reads fewer bits for random features than for the random MLP (seed %i)', (seed) => {
    const progress: number[] = [];
    const [mlp, features] = runInductiveBiasExperiment(DEFAULT_INDUCTIVE_BIAS_EXPERIMENT, seed, (done, total) => {
      expect(total).toBe(400);
      progress.push(done);
    });
    expect(progress).toEqual(Array.from({ length: 400 }, (_, i) => i + 1));
    expect(features!.estimate.fitInterval!.high).toBeLessThan(mlp!.estimate.fitInterval!.low);
  });

  it('refuses an empty list of classes', () => {
    expect(() => runInductiveBiasExperiment({ ...DEFAULT_INDUCTIVE_BIAS_EXPERIMENT, classes: [] }, 1)).toThrow(/at least one/);
  });
});
