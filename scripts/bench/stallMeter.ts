// How long the page's main thread stalls while something runs, measured inside the page (shared by
// the import bench and e2e/import.spec.ts): the longest gap between ticks of a 16 ms timer chain,
// and the longest task chromium's PerformanceObserver reports ('longtask': any task over 50 ms).
// The in-page code is a string: tsx (esbuild keepNames) wraps named functions in a `__name` helper
// that does not exist in the page, so a function passed to page.evaluate from the bench would fail.
import type { Page } from 'playwright-core';

const START = `(() => {
  const m = { maxGap: 0, longest: 0, stop: false };
  window.__stallMeter = m;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) m.longest = Math.max(m.longest, e.duration);
  }).observe({ type: 'longtask' });
  let last = performance.now();
  function tick() {
    const now = performance.now();
    m.maxGap = Math.max(m.maxGap, now - last);
    last = now;
    if (!m.stop) setTimeout(tick, 16);
  }
  setTimeout(tick, 16);
})()`;

const READ = `(() => {
  const m = window.__stallMeter;
  m.stop = true;
  return { maxGap: m.maxGap, longest: m.longest };
})()`;

export async function startStallMeter(page: Page): Promise<void> {
  await page.evaluate(START);
}

/** Stop the meter; milliseconds of the longest timer gap and the longest long task (0 if none). */
export const readStallMeter = (page: Page): Promise<{ maxGap: number; longest: number }> => page.evaluate(READ) as Promise<{ maxGap: number; longest: number }>;
