// The prompt-based LLM IAT is summarised by the mean bias score D over the iterations whose answer
// could be read (one-sample t-test, with the t interval that inverts it); with none readable, the
// count of answers is the headline.
import { iatPromptAnswers, promptAnswerCount } from '../../../core/lmRun/promptAnswerCount';
import type { LlmIatPromptResult } from '../../../core/lmRun/types';
import { significanceOf } from '../../../core/significance';
import { formatAdaptive } from '../../numberFormat';
import { chanceSentence, headlineInterval, makeHeadline, NO_READABLE_ANSWER, promptFormat, withAnswerCount } from '../shared/headline';
import type { FamilySummary, Headline } from '../types';

/** D, or NaN where none was defined: a stored record holds an undefined D as null (JSON has no NaN). */
const dOf = (r: LlmIatPromptResult): number => r.meanD ?? Number.NaN;
const meanD = (r: LlmIatPromptResult): Headline => makeHeadline('Mean D', dOf(r), formatAdaptive(dOf(r)), r.testCi ? headlineInterval(r.testCi) : null, r.test?.pValue ?? null, 't-test p');

export const llmIatHeadline = (r: LlmIatPromptResult): Headline => withAnswerCount(meanD(r), promptAnswerCount(iatPromptAnswers(r)));

/**
 * D ranges over [−1, 1] (the share of stigma–negative plus default–positive pairings, minus one). No
 * published size classes exist for it; Bai et al. (2024) report it against 0 only. The magnitude is
 * said as the share of pairings it implies rather than as a class.
 */
const magnitudeOf = (d: number): string =>
  `Mean D = ${formatAdaptive(d)} on a scale from −1 to 1 (0: no preference; ±1: every pairing one way); there are no standard size classes for D (Bai et al. 2024 test it against 0 only).`;

export function summarizeLlmIat(r: LlmIatPromptResult): FamilySummary {
  const headline = llmIatHeadline(r);
  if (promptAnswerCount(iatPromptAnswers(r)).parsed === 0) return { headline, reading: `${NO_READABLE_ANSWER}${promptFormat(r.chatTemplate)}`, significance: null };
  const significance = significanceOf(r.test?.pValue ?? null);
  return {
    headline,
    reading: `Bias score D averaged over ${r.used} parsable answers (${r.excluded} unparsable): ${meanD(r).text}. D > 0 means stereotype-consistent associations.${promptFormat(r.chatTemplate)}`,
    plain: {
      direction:
        r.meanD > 0
          ? `Over ${r.used} answers the model paired the stigmatised group with negative words and the default group with positive words more often than the reverse.`
          : r.meanD < 0
            ? `Over ${r.used} answers the model paired the stigmatised group with positive words more often than the stereotype would.`
            : `Over ${r.used} answers the model showed no preference in its pairings.`,
      magnitude: Number.isFinite(r.meanD) ? magnitudeOf(r.meanD) : null,
      chance: chanceSentence(significance, 't-test p'),
    },
    significance,
  };
}
