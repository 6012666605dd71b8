// Building a family's headline: the number, its CI and p written the one way every screen shows
// them ("Mean Δ log-prob = -0.805, 95% CI [-3.79, 2.35], sign-flip p = 0.6209"), and, for the prompt
// families, how many answers could be read (core/lmRun/promptAnswerCount.ts) — which replaces the
// number when none could.
import { excludesNullValue, type TestInterval } from '../../../core/intervals';
import type { PromptAnswerCount } from '../../../core/lmRun/promptAnswerCount';
import type { Significance } from '../../../core/significance';
import { formatP, formatPercent, intervalText } from '../../numberFormat';
import type { Headline } from '../types';

export const threeDecimals = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : '—');

const ciString = (ci: Headline['ci']): string => (ci ? intervalText(ci) : '');

/** A test interval as a headline carries it: unbounded sides (null in records) become ±Infinity. */
export const headlineInterval = (ci: TestInterval): NonNullable<Headline['ci']> => ({
  low: ci.low ?? -Infinity,
  high: ci.high ?? Infinity,
  level: ci.level,
  sides: ci.sides,
  method: ci.method,
  nullValue: ci.nullValue,
});

/** Whether a test interval is unbounded on both sides: the test could not reject any value at its level. */
export const excludesNothing = (ci: Pick<TestInterval, 'low' | 'high'>): boolean => ci.low === null && ci.high === null;

/** Whether a headline-form interval (±Infinity for unbounded) leaves out the null value. */
export const headlineExcludes = (ci: { low: number; high: number }, nullValue: number): boolean =>
  excludesNullValue({ low: Number.isFinite(ci.low) ? ci.low : null, high: Number.isFinite(ci.high) ? ci.high : null, nullValue });

/**
 * The class-mode "could chance explain it" sentence from the one verdict (core/significance.ts):
 * "Chance alone would rarely give a result this strong (sign-flip p = 0.0012)." / "Chance could explain
 * a result like this (p = 0.2500)."
 */
export const chanceSentence = (significance: Significance | null, pLabel = 'p'): string => {
  if (!significance) return 'No test applies to this number: it describes the answers, it does not test them.';
  const which = significance.basis === 'holm' ? `Holm-adjusted ${pLabel}` : pLabel;
  return significance.significant
    ? `Chance alone would rarely give a result this strong (${which} = ${formatP(significance.p)} < ${significance.alpha}).`
    : `Chance could explain a result like this (${which} = ${formatP(significance.p)}, not below ${significance.alpha}).`;
};

export const makeHeadline = (label: string, value: number, shown: string, ci: Headline['ci'], p: number | null, pLabel = 'p'): Headline => ({
  label,
  value,
  shown,
  ci,
  p,
  pLabel,
  text: [`${label} = ${shown}`, ciString(ci), p !== null ? `${pLabel} = ${formatP(p)}` : ''].filter(Boolean).join(', '),
});

/** A prompt family's headline with its count of readable answers (the count alone when none parsed). */
export const withAnswerCount = (h: Headline, count: PromptAnswerCount): Headline =>
  count.parsed === 0 ? { ...h, answers: count.text, noResult: count.text, text: count.text } : { ...h, answers: count.text, text: `${h.text} (${count.text})` };

/** How the prompts reached the model (runs recorded before this was recorded say nothing). */
export const promptFormat = (chatTemplate: boolean | undefined): string =>
  chatTemplate === undefined
    ? ''
    : chatTemplate
      ? ' Prompts went through the model’s chat template.'
      : ' Prompts went as raw text (no chat template: the model has none, or the probe asked for raw text).';

export const NO_READABLE_ANSWER = 'No statistic can be computed without a readable answer.';

/**
 * Size of a proportion's departure from ½ on Cohen's h = |2·asin√p − 2·asin√½| (Cohen 1988, §6.2:
 * small 0.2, medium 0.5, large 0.8).
 */
export function proportionMagnitude(p: number): string {
  const h = Math.abs(2 * Math.asin(Math.sqrt(p)) - Math.PI / 2);
  const size = h >= 0.8 ? 'Large' : h >= 0.5 ? 'Medium' : h >= 0.2 ? 'Small' : 'Negligible';
  return `${size}: ${formatPercent(p)} against an even 50% is Cohen's h = ${h.toFixed(2)} (small ≥ 0.2, medium ≥ 0.5, large ≥ 0.8; Cohen 1988).`;
}
