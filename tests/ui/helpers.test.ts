// Small pure helpers of the UI: citation shortening and chart tick choice.
import { describe, expect, it } from 'vitest';
import { niceTicks } from '../../src/ui/charts/ticks';

describe('niceTicks', () => {
  it('chooses round steps covering the range', () => {
    expect(niceTicks(-0.5, 2, 5)).toEqual([-0.5, 0, 0.5, 1, 1.5, 2]);
    expect(niceTicks(-2.47, 2.49)).toEqual([-2, -1, 0, 1, 2]);
    expect(niceTicks(0, 0.15, 6)).toEqual([0, 0.025, 0.05, 0.075, 0.1, 0.125, 0.15]);
  });
});
