// The prompt-based LLM IAT is summarised by the mean bias score D over the iterations whose answer
// could be read (one-sample t-test); with none readable, the count of answers is the headline.
import { iatPromptAnswers, promptAnswerCount } from '../../../core/lmRun/promptAnswerCount';
import type { LlmIatPromptResult } from '../../../core/lmRun/types';
import { significanceOf } from '../../../core/significance';
import { makeHeadline, NO_READABLE_ANSWER, promptFormat, threeDecimals, withAnswerCount } from '../shared/headline';
import type { FamilySummary, Headline } from '../types';

const meanD = (r: LlmIatPromptResult): Headline => makeHeadline('Mean D', r.meanD, threeDecimals(r.meanD), null, r.test?.pValue ?? null, 't-test p');

export const llmIatHeadline = (r: LlmIatPromptResult): Headline => withAnswerCount(meanD(r), promptAnswerCount(iatPromptAnswers(r)));

export function summarizeLlmIat(r: LlmIatPromptResult): FamilySummary {
  const headline = llmIatHeadline(r);
  if (promptAnswerCount(iatPromptAnswers(r)).parsed === 0) return { headline, reading: `${NO_READABLE_ANSWER}${promptFormat(r.chatTemplate)}`, significance: null };
  return {
    headline,
    reading: `Bias score D averaged over ${r.used} parsable answers (${r.excluded} unparsable): ${meanD(r).text}. D > 0 means stereotype-consistent associations.${promptFormat(r.chatTemplate)}`,
    significance: significanceOf(r.test?.pValue ?? null),
  };
}
