// Building a family's headline: the number, its CI and p written the one way every screen shows
// them ("Mean Δ log-prob = -0.805, 95% CI [-3.79, 2.35], sign-flip p = 0.6209"), and, for the prompt
// families, how many answers could be read (core/lmRun/promptAnswerCount.ts) — which replaces the
// number when none could.
import type { PromptAnswerCount } from '../../../core/lmRun/promptAnswerCount';
import { formatP, intervalText } from '../../numberFormat';
import type { Headline } from '../types';

export const threeDecimals = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : '—');

const ciString = (ci: Headline['ci']): string => (ci ? intervalText(ci) : '');

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
