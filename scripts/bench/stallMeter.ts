// How long the page's main thread stalls while something runs, measured inside the page (shared by
// the import bench and e2e/import.spec.ts): the longest gap between ticks of a 16 ms timer chain,
// and the longest task chromium's PerformanceObserver reports ('longtask': any task over 50 ms).
import type { Page } from 'playwright-core';

interface Meter {
  maxGap: number;
  longest: number;
  stop: boolean;
}

export async function startStallMeter(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __stallMeter: Meter };
    const m: Meter = { maxGap: 0, longest: 0, stop: false };
    w.__stallMeter = m;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) m.longest = Math.max(m.longest, e.duration);
    }).observe({ type: 'longtask' });
    let last = performance.now();
    const tick = () => {
      const now = performance.now();
      m.maxGap = Math.max(m.maxGap, now - last);
      last = now;
      if (!m.stop) setTimeout(tick, 16);
    };
    setTimeout(tick, 16);
  });
}

/** Stop the meter; milliseconds of the longest timer gap and the longest long task (0 if none). */
export const readStallMeter = (page: Page): Promise<{ maxGap: number; longest: number }> =>
  page.evaluate(() => {
    const m = (window as unknown as { __stallMeter: Meter }).__stallMeter;
    m.stop = true;
    return { maxGap: m.maxGap, longest: m.longest };
  });
