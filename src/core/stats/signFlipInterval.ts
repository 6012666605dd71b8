// The confidence interval of the mean difference that belongs to the sign-flip test: every shift δ
// for which the test of H₀: mean = δ (signs of Δ_i − δ flipped) rejects neither one-sided tail at
// α/2. Hartigan (1969): flipping the subset F is at least as extreme ⇔ δ ≥ mean_F, so the bounds are
// order statistics of the 2ⁿ − 1 subset means; they are found by bisection on the tail counts of
// signFlipTails.ts (the same counts as the p), which needs no list of means. With few pairs the
// smallest attainable one-sided p, 1/2ⁿ, may exceed α/2: then no δ is ever rejected and the bound is
// null (unbounded) — 4 pairs cannot give a two-sided p below 0.125, so their 95% interval is (−∞, ∞).
import type { TestInterval } from '../intervals';
import { invertTestBound } from './invertTest';
import type { SignFlipTestResult } from './signFlipTest';

/** α of a confidence level, rounded so that level 0.95 gives exactly the α = 0.05 of the significance rule. */
export const alphaOfLevel = (level: number): number => Number((1 - level).toFixed(12));

/** Whether a one-sided p is large enough to keep a shift at level α (the two-sided p = 2·min tail ≥ α). */
const keeps = (tailP: number, alpha: number): boolean => !(2 * tailP < alpha);

/**
 * The (1 − α) interval of the mean Δ that inverts the two-sided sign-flip test of `test`: it excludes
 * 0 exactly when test.pValue < α (α = 1 − level). Bounds are null where the test cannot reject.
 * Source: Hartigan (1969), JASA 64:1303–1317; Lehmann & Romano (2005), §15.2 and §3.5 (inversion).
 */
export function signFlipInterval(differences: ArrayLike<number>, test: SignFlipTestResult, level: number): TestInterval {
  const alpha = alphaOfLevel(level);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < differences.length; i++) {
    min = Math.min(min, differences[i]!);
    max = Math.max(max, differences[i]!);
  }
  const margin = 1 + (max - min) + test.tolerance;
  const { tails } = test;
  const low = invertTestBound((delta) => keeps(tails.tailP(tails.atLeast(delta)), alpha), min - margin, max, 0);
  const high = invertTestBound((delta) => keeps(tails.tailP(tails.atMost(delta)), alpha), max + margin, min, 0);
  return { level, low, high, sides: 'two-sided', method: test.method === 'exact' ? 'sign-flip-inversion' : 'sign-flip-inversion-monte-carlo', nullValue: 0 };
}
