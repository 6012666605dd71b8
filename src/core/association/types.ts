// Shapes shared by every association test (WEAT on word vectors, SEAT on sentence vectors, and
// later LM association tests): what goes in (embedded stimuli per set, with the OOV words that
// were dropped) and what comes out (one tidy result per test). The CLI's JSON output, the run
// record, the CSV export and the UI all read this one result type.
import type { TestInterval } from '../intervals';
import type { EffectSize, PValue } from '../units';

export type TargetKey = 'X' | 'Y';
export type AttributeKey = 'A' | 'B';
export type SetKey = TargetKey | AttributeKey;
export const SET_KEYS: readonly SetKey[] = ['X', 'Y', 'A', 'B'];

export type SdConvention = 'sample' | 'population';
export type PMethod = 'exact' | 'monte-carlo';
export type CiMethod = 'percentile' | 'bca';

export interface AssociationOptions {
  /** Monte-Carlo permutations when exact enumeration is too large. */
  permutations: number;
  /** Bootstrap resamples for the CI of d (0 disables the CI). */
  bootstrap: number;
  /** Two-sided CI level, e.g. 0.95. */
  confidenceLevel: number;
  sd: SdConvention;
  ciMethod: CiMethod;
  seed: number;
  /** Enumerate exactly when C(|X|+|Y|, |X|) ≤ this (default 100,000, as sent-bias). */
  exactLimit: number;
  /** Bins of the permutation-null histogram kept in the result (0 = none). */
  nullHistogramBins: number;
}

export const DEFAULT_ASSOCIATION_OPTIONS: AssociationOptions = {
  permutations: 100_000,
  bootstrap: 2_000,
  confidenceLevel: 0.95,
  sd: 'sample',
  ciMethod: 'percentile',
  seed: 1,
  exactLimit: 100_000,
  nullHistogramBins: 40,
};

/** One stimulus set after embedding: the in-vocabulary items and their vectors, in order. */
export interface EmbeddedSet {
  label: string;
  items: string[];
  vectors: Float32Array[];
  /** Stimuli of this set that the model could not embed (dropped, and reported). */
  oov: string[];
  /** Repeated stimuli of this set (later occurrences dropped, first kept, and reported). */
  duplicates?: string[];
}

export interface AssociationInput {
  probeId: string;
  title: string;
  kind: 'weat' | 'seat' | 'lm-iat';
  sets: Record<SetKey, EmbeddedSet>;
}

export interface AssociationItem {
  word: string;
  set: TargetKey;
  /** s(w, A, B) = mean cos(w, A) − mean cos(w, B). */
  association: number;
}

/** An attribute word's own association: mean over X of its cosine (or ℓ) minus mean over Y. */
export interface AttributeItem {
  word: string;
  set: AttributeKey;
  /** mean_{x∈X} cos(x, a) − mean_{y∈Y} cos(y, a) (log-probabilities instead of cosines for the likelihood IAT). */
  association: number;
}

export interface NullHistogram {
  /** Left edge of the first bin and right edge of the last. */
  min: number;
  max: number;
  counts: number[];
  /** The observed statistic, for marking on the chart. */
  observed: number;
}

export interface AssociationResult {
  probeId: string;
  title: string;
  kind: AssociationInput['kind'];
  labels: Record<SetKey, string>;
  words: Record<SetKey, string[]>;
  oov: Record<SetKey, string[]>;
  sizes: Record<SetKey, number>;
  /** S(X,Y,A,B) = Σx s(x) − Σy s(y). */
  statistic: number;
  effectSize: EffectSize;
  sd: SdConvention;
  pValue: PValue;
  pMethod: PMethod;
  /** Number of re-partitions evaluated (all of them when exact). */
  permutations: number;
  /**
   * The interval of d beside p: the one-sided permutation test inverted ([L/SD, ∞) at 1 − α, α =
   * SIGNIFICANCE_ALPHA; see stats/permutationInversion.ts), so it excludes 0 exactly when pValue < α.
   * Null when d is undefined; absent in results of method version 1.
   */
  testCi?: TestInterval | null;
  /**
   * Bootstrap CI of d — the stimulus-robust interval: it resamples the X, Y, A and B words, which the
   * permutation test holds fixed, so it can cross 0 beside a small p. Null when disabled (bootstrap
   * = 0), when d itself is undefined, or when fewer than 2 resamples were non-degenerate. `resamples` counts the valid resamples used; `skipped`
   * the resamples dropped because their pooled SD was 0 (d undefined); `acceleration` is BCa's â.
   */
  ci: {
    level: number;
    low: number;
    high: number;
    method: CiMethod;
    resamples: number;
    skipped?: number;
    acceleration?: number;
  } | null;
  /** Filled when the result is part of a batch (see multipleComparisons). */
  pHolm: PValue | null;
  pBH: PValue | null;
  items: AssociationItem[];
  /** A's then B's words with their own association to the targets; absent in results of method version 1. */
  attributeItems?: AttributeItem[];
  nullHistogram: NullHistogram | null;
  /** Repeated stimuli dropped per set (first occurrence kept). */
  duplicates?: Record<SetKey, string[]>;
  /** WEFE's other metrics on the same vectors (see src/core/stats/wefe). */
  wefe?: WefeScores;
}

/**
 * WEFE metrics (dccuchile/wefe) computed on the same embedded sets. NaN (null in JSON) where a
 * metric is undefined (e.g. ECT with constant similarities).
 */
export interface WefeScores {
  /** RND(X, Y; A) and RND(X, Y; B), WEFE mean convention. Negative: the attribute set is closer to X. */
  rnd: Record<AttributeKey, number>;
  /** RNSB with targets X∪Y, A as "positive" and B as "negative" attributes (KL divergence, ≥ 0). */
  rnsb: number;
  /** MAC(X; {A, B}) and MAC(Y; {A, B}) (current WEFE: mean over word × attribute-set pairs, 1 = neutral). */
  mac: Record<TargetKey, number>;
  /** ECT(X, Y; A) and ECT(X, Y; B), Spearman ρ in [−1, 1]. */
  ect: Record<AttributeKey, number>;
}

/** Progress of a long computation, reported by the core through an optional callback. */
export type ComputeProgress =
  | { stage: 'permutations'; done: number; total: number }
  | { stage: 'bootstrap'; done: number; total: number };

/** Progress inside a batch: which test (0-based `index` of `tests`) the inner progress belongs to. */
export type BatchProgress = ComputeProgress & { index: number; tests: number };
