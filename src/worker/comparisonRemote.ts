// The scoring worker's second thread for decision comparisons: a nested module worker, started on
// the first warm() or run() and kept for the scoring worker's life. Comlink alone would leave a call
// pending forever if the worker failed to load or crashed, so a worker error rejects every call
// from then on (comparisonOffload.ts then computes that share on the scoring worker itself).
import * as Comlink from 'comlink';
import type { DecisionComparisonJob, UnadjustedComparison } from '../core/lm/decision/attributeDifferences';
import type { ComparisonRemote } from '../core/lm/decision/comparisonOffload';

export interface ComparisonWorkerApi {
  compare(jobs: DecisionComparisonJob[]): UnadjustedComparison[];
}

/** A remote on a nested worker, or null where there is no second core or workers cannot nest. */
export function nestedComparisonRemote(cores = globalThis.navigator?.hardwareConcurrency ?? 1): ComparisonRemote | null {
  if (typeof Worker === 'undefined' || cores < 2) return null;
  let started: { api: Comlink.Remote<ComparisonWorkerApi>; failed: Promise<never> } | null = null;
  const start = () => {
    if (started) return started;
    const worker = new Worker(new URL('./comparison.worker.ts', import.meta.url), { type: 'module', name: 'comparisons' });
    const failed = new Promise<never>((_, reject) => {
      worker.addEventListener('error', (e) => reject(new Error(`the comparison worker failed: ${e.message || 'it did not load'}`)));
      worker.addEventListener('messageerror', () => reject(new Error('the comparison worker sent a message that could not be read')));
    });
    failed.catch(() => undefined);
    started = { api: Comlink.wrap<ComparisonWorkerApi>(worker), failed };
    return started;
  };
  return {
    warm: () => void start(),
    run: (jobs) => {
      const { api, failed } = start();
      return Promise.race([api.compare(jobs), failed]);
    },
  };
}
