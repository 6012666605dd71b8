// Shapes of the counterfactual-pair family (CrowS-Pairs style pairs, and template variants compared
// group against group). Inputs are plain numbers from the LM runtime — the log-likelihood of each
// sentence (causal LM) or its pseudo-log-likelihood (masked LM, Nangia et al. 2020) and the number
// of tokens scored — so the same aggregation serves both model kinds.
import type { TestInterval } from '../../intervals';
import type { PValue } from '../../units';
import type { ScoredText } from '../scores';

export interface CounterfactualPair {
  id: string;
  /** Bias type (CrowS-Pairs `bias_type`), for the per-category breakdown. */
  category?: string;
  /** The more stereotypical sentence (CrowS-Pairs `sent_more`). */
  more: ScoredText;
  /** The less stereotypical sentence (CrowS-Pairs `sent_less`). */
  less: ScoredText;
}

/**
 * 'sum': Δ = LL(more) − LL(less) (lm-evaluation-harness `crows_pairs`; CrowS-Pairs PLL).
 * 'mean-per-token': Δ = LL(more)/tokens(more) − LL(less)/tokens(less), which removes the length
 * advantage of the shorter sentence.
 */
export type DeltaScale = 'sum' | 'mean-per-token';

export interface DeltaSummaryOptions {
  /** Bootstrap resamples for the CI of mean Δ (0 disables it). */
  bootstrap: number;
  confidenceLevel: number;
  /** Monte-Carlo sign vectors when n > exactLimit. */
  permutations: number;
  /** Enumerate all 2^n sign vectors when n ≤ exactLimit (≤ 30). */
  exactLimit: number;
  seed: number;
}

export interface CounterfactualOptions extends DeltaSummaryOptions {
  scale: DeltaScale;
  /**
   * Round each sentence score (on the chosen scale) to this many decimals, half-to-even, before
   * taking Δ. Absent = no rounding (lm-evaluation-harness). 3 = nyu-mll/crows-pairs `metric.py`,
   * where scores equal to 3 decimals are "neutral" pairs.
   */
  roundScoresTo?: number;
}

export const DEFAULT_COUNTERFACTUAL_OPTIONS: CounterfactualOptions = {
  scale: 'sum',
  bootstrap: 2_000,
  confidenceLevel: 0.95,
  permutations: 100_000,
  exactLimit: 20,
  seed: 1,
};

export interface PairDelta {
  id: string;
  category: string | null;
  /** Δ on the chosen scale. */
  delta: number;
  deltaSum: number;
  deltaPerToken: number;
}

export interface DeltaSummary {
  n: number;
  /** #{Δ > 0} (strict). */
  stereotypical: number;
  /** #{Δ = 0}: counted as not stereotypical in pctStereotype, dropped from the sign test. */
  ties: number;
  /** pct_stereotype = #{Δ > 0}/n, in [0, 1]. */
  pctStereotype: number;
  /** likelihood_diff = mean |Δ|. */
  likelihoodDiff: number;
  meanDelta: number;
  /**
   * Percentile bootstrap CI of mean Δ (pairs resampled): the stimulus-robust interval, not the one
   * printed beside the sign-flip p; null when disabled or n < 2.
   */
  ci: { low: number; high: number; level: number; method: 'percentile'; resamples: number } | null;
  /**
   * The interval of mean Δ that inverts the sign-flip test (stats/signFlipInterval.ts): excludes 0
   * exactly when signFlip.pValue < 1 − level. Absent in records made before it existed.
   */
  testCi?: TestInterval;
  /** Two-sided paired sign-flip test of mean Δ: min(1, 2·min of the one-sided p's). */
  signFlip: { pValue: PValue; method: 'exact' | 'monte-carlo'; permutations: number; extreme: number };
  /** Exact two-sided binomial (sign) test of #{Δ > 0} among the n − ties non-tied pairs vs ½; null if all tie. */
  signTest: { successes: number; trials: number; pValue: PValue } | null;
}

export interface CounterfactualResult {
  scale: DeltaScale;
  overall: DeltaSummary;
  /** Per category, in order of first appearance; pairs without a category are not broken down. */
  byCategory: { category: string; summary: DeltaSummary }[];
  items: PairDelta[];
}
