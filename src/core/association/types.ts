// Shapes shared by every association test (WEAT on word vectors, SEAT on sentence vectors, and
// later LM association tests): what goes in (embedded stimuli per set, with the OOV words that
// were dropped) and what comes out (one tidy result per test). The CLI's JSON output, the run
// record, the CSV export and the UI all read this one result type.
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
  ci: { level: number; low: number; high: number; method: CiMethod; resamples: number } | null;
  /** Filled when the result is part of a batch (see multipleComparisons). */
  pHolm: PValue | null;
  pBH: PValue | null;
  items: AssociationItem[];
  nullHistogram: NullHistogram | null;
}

/** Progress of a long computation, reported by the core through an optional callback. */
export type ComputeProgress =
  | { stage: 'permutations'; done: number; total: number }
  | { stage: 'bootstrap'; done: number; total: number };
