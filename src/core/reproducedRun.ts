// Whether a re-run reproduced its original: the same seed, probes, options and model must give the
// same numbers, every one of them, whatever the family (d, p, CI, per-item scores, histograms…).
// Deciding that is policy, so it lives here and not in the results view; the view only words the
// verdict. Values are compared exactly (a re-run is deterministic, not "close"); NaN equals NaN,
// since an undefined statistic that stays undefined is reproduced.
//
// A record made by an earlier method version (core/intervals.ts METHOD_VERSION; absent = 1) re-run
// today is computed by different interval procedures and, where a randomisation test's two-sided p
// is now twice its smaller tail, a different p: its intervals, p-values and the fields the new method
// adds are expected to differ, and are reported as moved by the method change, not as a failure to
// reproduce. Every other number (estimates, statistics, per-item scores) must still be identical.
//
// A record of a method version before 3 re-run today has language-model scores computed in other
// rows and passes, which moves them, and every number made from them, at float32 rounding: a number
// within ROUNDING_MOVE_TOLERANCE of the original is reported as moved by the method change; one
// further away is still a difference.
//
// Likewise a record made by an earlier Monte Carlo sampler (stats/samplerVersion.ts; absent = 1): the
// association tests' Monte Carlo numbers (their bootstrap interval, and where p is Monte Carlo the p,
// the inverted test's interval and the null histogram; the batch's Holm/BH p's with them) are drawn
// differently and are reported as moved by the sampler change, as are, in any result, a Monte Carlo
// p (pMethod "monte-carlo") with the adjusted p's, tail count and inverted interval made from it, and
// a bootstrap interval (one that names its resamples); exact p's and everything else are still
// compared.
import { METHOD_VERSION } from './intervals';
import { SAMPLER_VERSION } from './stats/samplerVersion';

export interface ReproducedRunVerdict {
  /** Every number is identical, apart from those the method change moves (see methodMoved). */
  identical: boolean;
  /** Path of the first value that differs, e.g. "results[2].pValue"; null when identical. */
  firstDifference: string | null;
  /** The model asset changed between the two runs (a likely reason for a difference). */
  modelChanged: boolean;
  /** The two runs were made by different method versions. */
  methodChanged: boolean;
  /** Paths that differ because of the method change (intervals, p-values and fields it adds); empty otherwise. */
  methodMoved: string[];
  /** One plain sentence about the method change when there is one, e.g. for the results view; null otherwise. */
  methodNote: string | null;
  /** The two runs' Monte Carlo numbers were drawn by different samplers. */
  samplerChanged: boolean;
  /** Paths that differ because of the sampler change; empty otherwise. */
  samplerMoved: string[];
  /** One plain sentence about the sampler change when there is one; null otherwise. */
  samplerNote: string | null;
}

interface ComparableRun {
  model: { assetSha256: string | null };
  /** Absent: method version 1. */
  methodVersion?: number;
  /** Absent: sampler 1. */
  samplerVersion?: number;
  results: readonly unknown[];
}

/** The result fields that hold intervals: a change of interval method moves them. */
const INTERVAL_KEYS = new Set(['ci', 'testCi', 'robustCi']);
/**
 * The p-values of the two-sided randomisation tests, which version 2 writes as twice the smaller tail
 * (moving Monte-Carlo p's within sampling error, the adjusted p's with them, and the tail count): the
 * sign-flip test's and the decision contrasts' stratified permutation test's. A one-sided p (WEAT's
 * permutation test) did not change and is still compared.
 */
const TWO_SIDED_P_KEYS = new Set(['pValue', 'pHolm', 'pBH', 'extreme']);
const TWO_SIDED_TESTS = /\.(signFlip|comparisons\[\d+\])$/;
const movedByMethod = (parent: string, key: string, original: Record<string, unknown>): boolean =>
  INTERVAL_KEYS.has(key) || !(key in original) || (TWO_SIDED_P_KEYS.has(key) && TWO_SIDED_TESTS.test(parent));

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The fields of an association test's result (WEAT, SEAT, likelihood IAT) that its samplers draw. */
const DRAWN_ALWAYS = new Set(['ci', 'pHolm', 'pBH']);
const DRAWN_WHEN_MONTE_CARLO = new Set(['pValue', 'testCi', 'nullHistogram']);
/** Fields of any result that a Monte Carlo p (its object's pMethod "monte-carlo") is made of or makes. */
const MONTE_CARLO_P_KEYS = new Set(['pValue', 'pHolm', 'pBH', 'extreme', 'testCi', 'nullHistogram']);
const isBootstrapInterval = (v: unknown): boolean => isRecord(v) && 'resamples' in v;
const movedBySampler = (key: string, original: Record<string, unknown>): boolean =>
  ('pMethod' in original && 'items' in original && 'sizes' in original && (DRAWN_ALWAYS.has(key) || (original.pMethod === 'monte-carlo' && DRAWN_WHEN_MONTE_CARLO.has(key)))) ||
  (original.pMethod === 'monte-carlo' && MONTE_CARLO_P_KEYS.has(key)) ||
  ((key === 'ci' || key === 'robustCi') && isBootstrapInterval(original[key]));

/**
 * How far a number may move between a record of method version < 3 and a re-run today and still be
 * "moved by the method" (language-model scores at float32 rounding): relative to the larger magnitude,
 * plus an absolute part for differences of large log-probabilities that are near zero (two log-probs
 * near −40 each rounded to ~4e-7 relative differ by up to ~4e-5 after subtraction).
 */
export const ROUNDING_MOVE_TOLERANCE = { relative: 1e-6, absolute: 5e-5 } as const;
const withinRounding = (a: number, b: number): boolean =>
  Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) <= ROUNDING_MOVE_TOLERANCE.relative * Math.max(Math.abs(a), Math.abs(b)) + ROUNDING_MOVE_TOLERANCE.absolute;

interface Changes {
  /** Intervals, two-sided randomisation p's and fields the original lacks are moved by the method (a record before version 2). */
  method: boolean;
  sampler: boolean;
  /** Numbers within rounding of the original count as moved by the method (a record before version 3). */
  rounding: boolean;
}
interface Found {
  differences: string[];
  moved: string[];
  samplerMoved: string[];
}
const noChanges: Changes = { method: false, sampler: false, rounding: false };

/**
 * Every path where a and b differ. With `changes.method`, an interval field or a field the original
 * lacks is listed in `moved` instead of `differences`; with `changes.sampler`, a drawn field of an
 * association result in `samplerMoved`.
 */
function compare(a: unknown, b: unknown, path: string, changes: Changes, out: Found): void {
  if (Object.is(a, b)) return;
  if (changes.rounding && typeof a === 'number' && typeof b === 'number' && withinRounding(a, b)) {
    out.moved.push(path);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.differences.push(`${path}.length`);
    else a.forEach((v, i) => compare(v, b[i], `${path}[${i}]`, changes, out));
    return;
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const child = `${path}.${k}`;
      const bySampler = changes.sampler && movedBySampler(k, a);
      const byMethod = changes.method && movedByMethod(path, k, a);
      if (bySampler || byMethod) {
        const sub: Found = { differences: [], moved: [], samplerMoved: [] };
        compare(a[k], b[k], child, { ...noChanges, rounding: changes.rounding }, sub);
        if (sub.differences.length > 0 || sub.moved.length > 0) (byMethod ? out.moved : out.samplerMoved).push(child);
      } else compare(a[k], b[k], child, changes, out);
    }
    return;
  }
  out.differences.push(path);
}

/** Compare a re-run's results with its original's (see the header for records of an earlier method). */
export function reproducedRun(original: ComparableRun, rerun: ComparableRun): ReproducedRunVerdict {
  const before = original.methodVersion ?? 1;
  const after = rerun.methodVersion ?? 1;
  const methodChanged = before !== after;
  const samplerBefore = original.samplerVersion ?? 1;
  const samplerAfter = rerun.samplerVersion ?? 1;
  const samplerChanged = samplerBefore !== samplerAfter;
  const out: Found = { differences: [], moved: [], samplerMoved: [] };
  const spans = (version: number) => Math.min(before, after) < version && Math.max(before, after) >= version;
  // Intervals, two-sided p's and added fields are version 2's change; rounding is version 3's.
  compare(original.results, rerun.results, 'results', { method: spans(2), sampler: samplerChanged, rounding: spans(3) }, out);
  const moved = [
    ...(spans(2) ? ['its intervals and p-values differ on purpose (the interval beside p now comes from the test itself, and a two-sided randomisation p is twice the smaller tail)'] : []),
    ...(spans(3) ? ['its language-model numbers differ at float32 rounding on purpose (scores now come from covering rows in passes of at most 512 positions)'] : []),
  ];
  const methodNote = methodChanged
    ? `The original was computed with method version ${before}, this re-run with version ${after}${after === METHOD_VERSION ? ' (the current one)' : ''}: ${
        out.moved.length > 0 ? `${moved.join(', and ')} and were not compared` : 'no number moved'
      }; every other number ${out.differences.length === 0 ? 'is identical' : 'was compared as usual'}.`
    : null;
  return {
    identical: out.differences.length === 0,
    firstDifference: out.differences[0] ?? null,
    modelChanged: original.model.assetSha256 !== rerun.model.assetSha256,
    methodChanged,
    methodMoved: out.moved,
    methodNote,
    samplerChanged,
    samplerMoved: out.samplerMoved,
    samplerNote: samplerChanged
      ? `The original's random permutations and bootstrap resamples were drawn by sampler ${samplerBefore}, this re-run's by sampler ${samplerAfter}${samplerAfter === SAMPLER_VERSION ? ' (the current one)' : ''}: ${
          out.samplerMoved.length > 0 ? 'their Monte Carlo p-values and intervals differ within sampling error and were not compared' : 'no Monte Carlo number moved'
        }; exact p-values and every other number ${out.differences.length === 0 ? 'are identical' : 'were compared as usual'}.`
      : null,
  };
}
