// What the progress bar says while a run goes: the stage in words ("test 3 / 10 · bootstrap 5 / 10",
// "scoring 40 / 120") and how full the bar is. Apart from number formatting, nothing here depends on
// which family is running: the progress events are the run path's, not a family's.
import type { RunProgress } from '../worker/scoringProtocol';
import { formatInt } from '../probes/numberFormat';

export function progressText(p: RunProgress | null): string {
  if (!p) return '';
  switch (p.stage) {
    case 'loading-model':
      return p.total ? `loading model ${Math.round(((p.loaded ?? 0) / p.total) * 100)}%` : 'loading model';
    case 'embedding':
      return `embedding ${formatInt(p.count)} ${p.unit}`;
    case 'permutations':
    case 'bootstrap': {
      const prefix = p.tests > 1 ? `test ${p.test} / ${p.tests} · ` : '';
      return `${prefix}${p.stage} ${formatInt(p.done)} / ${formatInt(p.total)}`;
    }
    case 'lm': {
      const prefix = p.tests > 1 ? `probe ${p.test} / ${p.tests} · ` : '';
      const what = p.step === 'score' ? 'scoring' : p.step === 'generate' ? 'generating' : 'statistics';
      return p.total > 0 ? `${prefix}${what} ${formatInt(p.done)} / ${formatInt(p.total)}` : `${prefix}${what}…`;
    }
    case 'lab': {
      const prefix = p.tests > 1 ? `probe ${p.test} / ${p.tests} · ` : '';
      return p.step === 'training' ? `${prefix}training epoch ${formatInt(p.done)} / ${formatInt(p.total)}` : `${prefix}sampling hypotheses ${formatInt(p.done)} / ${formatInt(p.total)}`;
    }
    case 'finishing':
      return 'finishing';
  }
}

/** Fraction in [0,1] for the progress bar, or null for an indeterminate bar. */
export function progressFraction(p: RunProgress | null): number | null {
  if (!p) return null;
  if (p.stage === 'permutations' || p.stage === 'bootstrap') {
    const within = p.total > 0 ? p.done / p.total : 0;
    // permutations are the first half of each test's work, bootstrap the second
    const part = p.stage === 'permutations' ? within / 2 : 0.5 + within / 2;
    return Math.min(1, (p.test - 1 + part) / Math.max(1, p.tests));
  }
  if (p.stage === 'lab') return Math.min(1, (p.test - 1 + (p.total > 0 ? p.done / p.total : 0)) / Math.max(1, p.tests));
  if (p.stage === 'lm') {
    const within = p.total > 0 ? p.done / p.total : 0;
    const part = p.step === 'analyze' ? 0.9 + within * 0.1 : within * 0.9;
    return Math.min(1, (p.test - 1 + part) / Math.max(1, p.tests));
  }
  if (p.stage === 'finishing') return 1;
  return null;
}
