// Whether a re-run reproduced its original: the same seed, probes, options and model must give the
// same numbers, every one of them, whatever the family (d, p, CI, per-item scores, histograms…).
// Deciding that is policy, so it lives here and not in the results view; the view only words the
// verdict. Values are compared exactly (a re-run is deterministic, not "close"); NaN equals NaN,
// since an undefined statistic that stays undefined is reproduced.

export interface ReproducedRunVerdict {
  identical: boolean;
  /** Path of the first value that differs, e.g. "results[2].pValue"; null when identical. */
  firstDifference: string | null;
  /** The model asset changed between the two runs (a likely reason for a difference). */
  modelChanged: boolean;
}

interface ComparableRun {
  model: { assetSha256: string | null };
  results: readonly unknown[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The path of the first difference between a and b, or null when they are equal in every value. */
function firstDifference(a: unknown, b: unknown, path: string): string | null {
  if (Object.is(a, b)) return null;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}.length`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d !== null) return d;
    }
    return null;
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const d = firstDifference(a[k], b[k], `${path}.${k}`);
      if (d !== null) return d;
    }
    return null;
  }
  return path;
}

/** Compare a re-run's results with its original's. */
export function reproducedRun(original: ComparableRun, rerun: ComparableRun): ReproducedRunVerdict {
  const diff = firstDifference(original.results, rerun.results, 'results');
  return { identical: diff === null, firstDifference: diff, modelChanged: original.model.assetSha256 !== rerun.model.assetSha256 };
}
