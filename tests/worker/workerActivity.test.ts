// When background work may start: after `quietMs` with nothing tracked in flight, counted from the
// last settle (or from the call), never while a load or run is pending, and at `maxWaitMs` at the
// latest. The module keeps its state for the page's life, so each test loads a fresh copy.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Activity = typeof import('../../src/worker/workerActivity');
let activity: Activity;

beforeEach(async () => {
  vi.useFakeTimers();
  vi.resetModules();
  activity = await import('../../src/worker/workerActivity');
});
afterEach(() => vi.useRealTimers());

/** A promise settled by hand. */
function pending(): { promise: Promise<void>; settle: () => void; fail: () => void } {
  let settle!: () => void;
  let fail!: () => void;
  const promise = new Promise<void>((res, rej) => {
    settle = res;
    fail = () => rej(new Error('load failed'));
  });
  return { promise, settle, fail };
}

/** Milliseconds of fake time until `p` resolves (checked every 100 ms, up to `limit`). */
async function msUntil(p: Promise<void>, limit = 60_000): Promise<number> {
  let done = false;
  void p.then(() => (done = true));
  for (let t = 0; t <= limit; t += 100) {
    await vi.advanceTimersByTimeAsync(t === 0 ? 0 : 100);
    if (done) return t;
  }
  return Infinity;
}

describe('whenQuiet', () => {
  it('resolves after the quiet period when nothing ran', async () => {
    expect(await msUntil(activity.whenQuiet(2_000, 30_000))).toBe(2_000);
  });

  it('waits for a load in flight, then for the quiet period after it settled', async () => {
    const load = pending();
    void activity.trackActivity(load.promise);
    const quiet = activity.whenQuiet(2_000, 30_000);
    setTimeout(load.settle, 5_000);
    // Settled at 5.0 s; quiet from then on for 2 s.
    expect(await msUntil(quiet)).toBe(7_000);
  });

  it('restarts the quiet period when new work starts and settles during it, and counts failures as settled', async () => {
    const quiet = activity.whenQuiet(2_000, 30_000);
    const run = pending();
    setTimeout(() => void activity.trackActivity(run.promise).catch(() => undefined), 1_500);
    setTimeout(run.fail, 4_000);
    expect(await msUntil(quiet)).toBe(6_000);
  });

  it('gives up waiting at maxWaitMs while work never pauses', async () => {
    const endless = pending();
    void activity.trackActivity(endless.promise);
    expect(await msUntil(activity.whenQuiet(2_000, 30_000))).toBe(30_000);
  });

  it('returns the tracked promise unchanged', async () => {
    await expect(activity.trackActivity(Promise.resolve(42))).resolves.toBe(42);
    await expect(activity.trackActivity(Promise.reject(new Error('no')))).rejects.toThrow('no');
  });
});
