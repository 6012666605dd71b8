// The interval printed beside an association test's p, in the units of d: the permutation test's
// inverted lower bound for the shift of X's associations over Y's (stats/permutationInversion.ts),
// divided by the observed pooled SD of the associations — the same denominator as d itself. Dividing
// by a positive constant keeps the sign, so the interval excludes 0 exactly when p < α. It is a
// bound for the mean difference expressed on d's scale, not a bound that accounts for the SD's own
// sampling error: that is the choice docs/methods/association-intervals.md explains.
import type { TestInterval } from '../intervals';
import { SIGNIFICANCE_ALPHA } from '../significance';

/**
 * [L / SD_obs, ∞) at level 1 − α as a one-sided TestInterval (low null when the test rejects no
 * shift: L = −∞). Null when the observed SD is not a positive finite number (d undefined).
 * Never throws.
 */
export function effectSizeTestInterval(shiftLowerBound: number, observedSpread: number): TestInterval | null {
  if (!(observedSpread > 0 && Number.isFinite(observedSpread))) return null;
  let low: number | null = null;
  if (Number.isFinite(shiftLowerBound)) {
    low = shiftLowerBound / observedSpread;
    // Keep the sign of the bound even where the division would underflow to 0.
    if (shiftLowerBound > 0 && !(low > 0)) low = Number.MIN_VALUE;
  } else if (shiftLowerBound === Infinity) low = Number.MAX_VALUE; // every shift rejected (JSON has no ∞)
  return { level: 1 - SIGNIFICANCE_ALPHA, low, high: null, sides: 'lower', method: 'permutation-inversion', nullValue: 0 };
}
