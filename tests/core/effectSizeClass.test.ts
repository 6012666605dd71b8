// Cohen's (1988) classes for |d|: edges belong to the higher class, the sign does not matter.
import { describe, expect, it } from 'vitest';
import { effectSizeClass } from '../../src/core/effectSizeClass';

describe('effectSizeClass', () => {
  it.each([
    [0, 'negligible'],
    [0.1999, 'negligible'],
    [0.2, 'small'],
    [-0.49, 'small'],
    [0.5, 'medium'],
    [-0.7999, 'medium'],
    [0.8, 'large'],
    [-1.9, 'large'],
  ] as const)('d = %d → %s', (d, expected) => {
    expect(effectSizeClass(d)).toBe(expected);
  });
  it('has no class for an undefined d', () => {
    expect(effectSizeClass(Number.NaN)).toBeNull();
  });
});
