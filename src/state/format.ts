// Presentation of numbers and the one-sentence plain-language reading of a result. Pure string
// formatting of values the core already computed: no statistics happen here.
import type { AssociationResult, SetKey } from '../core/association/types';
import type { RunProgress } from '../worker/scoringProtocol';

const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
export const formatInt = (n: number) => int.format(n);

/** d with three decimals (what the tests compare) and a real minus sign avoided for copy-paste. */
export const formatD = (d: number, digits = 3) => (Number.isFinite(d) ? d.toFixed(digits) : '—');

/** p-values: four decimals down to 0.0001, then two significant digits. */
export const formatP = (p: number | null | undefined) => {
  if (p === null || p === undefined || !Number.isFinite(p)) return '—';
  if (p >= 0.0001) return p.toFixed(4);
  // 1e-5 prints as "0.00001"; much smaller values keep the exponent
  return String(Number(p.toPrecision(2)));
};

export const pMethodText = (r: Pick<AssociationResult, 'pMethod' | 'permutations'>) =>
  r.pMethod === 'exact'
    ? `exact, all ${formatInt(r.permutations)} partitions`
    : `Monte Carlo, ${formatInt(r.permutations)} permutations`;

export const ciText = (r: AssociationResult, digits = 2) =>
  r.ci ? `${Math.round(r.ci.level * 100)}% CI [${formatD(r.ci.low, digits)}, ${formatD(r.ci.high, digits)}]` : 'no CI (bootstrap off)';

const properFirstWords = new Set(['european', 'african', 'american', 'asian', 'christian', 'muslim', 'jewish']);

/** "Pleasant" → "pleasant", but keep "European American names" as written. */
const lowerFirst = (label: string) => {
  const first = label.split(/\s+/)[0]?.toLowerCase() ?? '';
  if (properFirstWords.has(first)) return label;
  if (/^[A-Z][a-z]/.test(label)) return label[0]!.toLowerCase() + label.slice(1);
  return label;
};
const attributePhrase = (label: string) => {
  const l = lowerFirst(label.trim());
  return /(s|words|terms)$/i.test(l) ? l : `${l} words`;
};
const capital = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/**
 * One sentence a non-specialist can read aloud, e.g.
 * "Flowers are more associated with pleasant words than insects are; d = 1.17, 95% CI [0.63, 1.52],
 * p = 0.0001 (Monte Carlo, 100,000 permutations)."
 */
export function plainReading(r: AssociationResult, alpha = 0.05): string {
  const labels: Record<SetKey, string> = r.labels;
  const d = r.effectSize as number;
  const [first, second] = d >= 0 ? [labels.X, labels.Y] : [labels.Y, labels.X];
  const numbers = `d = ${formatD(d, 2)}, ${ciText(r)}, p = ${formatP(r.pValue)} (${pMethodText(r)})`;
  // Consistent phrasing for the pair: "Math terms … than arts terms", "Flowers … than insects".
  const bothPlural = /s$/i.test(first.trim()) && /s$/i.test(second.trim());
  const phrase = (l: string) => (bothPlural ? l.trim() : `${l.trim()} terms`.replace(/ terms terms$/, ' terms'));
  const subject = capital(phrase(first));
  const other = lowerFirst(phrase(second));
  const attr = attributePhrase(labels.A);
  if (r.pValue < alpha) return `${subject} are more associated with ${attr} than ${other} are; ${numbers}.`;
  return `${subject} are only slightly more associated with ${attr} than ${other} are, and the difference is not statistically significant; ${numbers}.`;
}

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
  if (p.stage === 'lm') {
    const within = p.total > 0 ? p.done / p.total : 0;
    const part = p.step === 'analyze' ? 0.9 + within * 0.1 : within * 0.9;
    return Math.min(1, (p.test - 1 + part) / Math.max(1, p.tests));
  }
  if (p.stage === 'finishing') return 1;
  return null;
}
