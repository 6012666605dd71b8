// Whether the page is busy with work a user waits for — a model loading, a run — so that background
// work that is not urgent (the service worker's first install, which downloads and stores the whole
// app, ~75 MB, for offline use) starts once the page has been quiet for a moment instead of taking
// the CPU and the disk from a first model load on a two-core laptop. The page's door to the workers
// (client.ts) tracks its loads and runs here; a wait has an upper bound, so work that never pauses
// does not postpone the background work for ever.

let inFlight = 0;
let lastSettled = Number.NEGATIVE_INFINITY;
const waiters = new Set<() => void>();
const now = () => globalThis.performance?.now() ?? Date.now();

/** Counts `work` as activity until it settles; returns it unchanged. */
export function trackActivity<T>(work: Promise<T>): Promise<T> {
  inFlight++;
  const settle = () => {
    inFlight--;
    lastSettled = now();
    for (const wake of [...waiters]) wake();
  };
  work.then(settle, settle);
  return work;
}

/**
 * Resolves once nothing tracked has been in flight for `quietMs` (counting from the last settle, or
 * from the call when nothing ran), or after `maxWaitMs` whatever happens.
 */
export function whenQuiet(quietMs: number, maxWaitMs: number): Promise<void> {
  const started = now();
  return new Promise<void>((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = () => {
      clearTimeout(timer);
      clearTimeout(cap);
      waiters.delete(check);
      resolve();
    };
    const check = () => {
      clearTimeout(timer);
      if (inFlight > 0) return; // woken again when it settles
      const quietSince = Math.max(lastSettled, started);
      const left = quietSince + quietMs - now();
      if (left <= 0) done();
      else timer = setTimeout(check, left);
    };
    const cap = setTimeout(done, maxWaitMs);
    waiters.add(check);
    check();
  });
}
