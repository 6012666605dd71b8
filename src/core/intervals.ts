// The two kinds of interval a result can carry, kept apart so no screen prints one beside the other's
// p-value. A TestInterval comes from the same procedure as the test's p (the test inverted: the set of
// null values the test would not reject, or an equivalent construction), so it excludes the null
// value exactly when p < α at level 1 − α — a reader never sees "**" beside an interval that crosses
// zero. A RobustInterval resamples what the test holds fixed (attribute words, items), so it answers
// a different question: would the number survive another choice of stimuli? It is always named as
// such. Bounds a test cannot reach are null (JSON has no infinity): "n = 4 pairs cannot give a
// sign-flip p below 0.125", so its 95% interval is unbounded on both sides.

/** 'lower': a one-sided test's interval [low, ∞) (high is null); 'upper': (−∞, high]. */
export type IntervalSides = 'two-sided' | 'lower' | 'upper';

export interface TestInterval {
  /** Confidence level 1 − α, e.g. 0.95. */
  level: number;
  /** Lower bound; null when unbounded below. */
  low: number | null;
  /** Upper bound; null when unbounded above. */
  high: number | null;
  sides: IntervalSides;
  /** How it was obtained, e.g. 'permutation-inversion', 'sign-flip-inversion', 'clopper-pearson', 't'. */
  method: string;
  /** The value the test's null hypothesis names (0 for a difference, 0.5 for a proportion). */
  nullValue: number;
}

export interface RobustInterval {
  level: number;
  low: number;
  high: number;
  /** e.g. 'percentile', 'bca'. */
  method: string;
  resamples: number;
  /** What was resampled, in words a reader understands: "the X, Y, A and B words", "the questions". */
  resampled: string;
}

/** Whether the interval leaves out the null value (its bounds are closed). */
export const excludesNullValue = (ci: Pick<TestInterval, 'low' | 'high' | 'nullValue'>): boolean =>
  (ci.low !== null && ci.low > ci.nullValue) || (ci.high !== null && ci.high < ci.nullValue);

/**
 * The method version of a run record: which procedures produced its intervals and numbers. 1: the
 * first version (percentile bootstrap beside every p, int8 word vectors). 2: test-consistent intervals
 * beside p, the bootstrap kept as a named stimulus-robust interval, finer word vectors. 3: language
 * models score each sequence in a covering row (one row per prompt serves all its answers) in passes
 * of at most 512 positions, so their log-probabilities, and every number made from them, differ from
 * version 2's at float32 rounding (at most ROUNDING_MOVE_TOLERANCE, reproducedRun.ts). A record
 * without the field was made by version 1.
 */
export const METHOD_VERSION = 3;
