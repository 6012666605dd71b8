// In-page clock for the browser bench sections: when the user acted and when the page showed the
// answer, as performance.now() in the page itself. A Playwright wait polls the page at growing
// intervals (up to 500 ms apart), so the moment it returns can trail the page's change by up to
// half a second (on the decision page: 0.06–0.48 s after the model's load, 0.04–0.27 s after the
// run's headline, against a MutationObserver in the same runs). The bench still uses Playwright's
// waits to go from step to step; the figures come from here.
//
// An action is recorded by a capture-phase listener on the document (before the app's own handlers
// run); an answer is the first moment after its action at which `selector` matches, once it has
// been absent after the action (so the previous model's status, still on screen when the new one is
// chosen, does not count). Only insertions and removals are watched, so the page's progress updates
// cost the recorder nothing.
import type { Page } from 'playwright-core';

export interface ClockWatch {
  /** Name of the mark recorded when the action happens. */
  action: string;
  /** 'change' of a <select> to `value`, or 'click' on a button whose text is `value`. */
  event: 'change' | 'click';
  value: string;
  /** Name of the mark recorded when `selector` first matches after the action (and after being absent). */
  answer: string;
  selector: string;
}

/**
 * The recorder, as source text: the bench runs under tsx, whose transform wraps named functions in a
 * helper (__name) that does not exist in the page, so a function passed to page.evaluate would fail.
 */
const RECORDER = `(list) => {
  const marks = {};
  const gone = new Set();
  window.__benchMarks = marks;
  const check = () => {
    for (const w of list) {
      if (marks[w.action] === undefined || marks[w.answer] !== undefined) continue;
      if (!document.querySelector(w.selector)) gone.add(w.answer);
      else if (gone.has(w.answer)) marks[w.answer] = performance.now();
    }
  };
  for (const w of list)
    document.addEventListener(w.event, (e) => {
      if (marks[w.action] !== undefined) return;
      const target = e.target;
      const hit = w.event === 'change'
        ? target instanceof HTMLSelectElement && target.value === w.value
        : target instanceof Element && target.closest('button')?.textContent?.trim() === w.value;
      if (hit) marks[w.action] = performance.now();
    }, true);
  new MutationObserver(check).observe(document.documentElement, { subtree: true, childList: true });
}`;

/** Start recording `watches` in the page (call once per page, before the actions). */
export async function startPageClock(page: Page, watches: readonly ClockWatch[]): Promise<void> {
  await page.evaluate(`(${RECORDER})(${JSON.stringify(watches)})`);
}

/** The marks recorded so far (ms, the page's performance.now()). */
export function readPageClock(page: Page): Promise<Record<string, number>> {
  return page.evaluate('({ ...window.__benchMarks })') as Promise<Record<string, number>>;
}
