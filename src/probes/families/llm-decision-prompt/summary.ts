// Prompt-based decision bias is summarised by the share of stereotype-consistent assignments among
// the readable answers (exact binomial test against ½); with none readable, the count of answers is
// the headline.
import { decisionPromptAnswers, promptAnswerCount } from '../../../core/lmRun/promptAnswerCount';
import type { LlmDecisionPromptResult } from '../../../core/lmRun/types';
import { significanceOf } from '../../../core/significance';
import { formatPercent } from '../../numberFormat';
import { makeHeadline, NO_READABLE_ANSWER, promptFormat, withAnswerCount } from '../shared/headline';
import type { FamilySummary, Headline } from '../types';

const proportion = (r: LlmDecisionPromptResult): Headline =>
  makeHeadline('Stereotype-consistent choices', r.summary.proportion, formatPercent(r.summary.proportion), null, r.summary.pValue, 'binomial p');

export const llmDecisionHeadline = (r: LlmDecisionPromptResult): Headline => withAnswerCount(proportion(r), promptAnswerCount(decisionPromptAnswers(r)));

export function summarizeLlmDecision(r: LlmDecisionPromptResult): FamilySummary {
  const headline = llmDecisionHeadline(r);
  if (promptAnswerCount(decisionPromptAnswers(r)).parsed === 0) return { headline, reading: `${NO_READABLE_ANSWER}${promptFormat(r.chatTemplate)}`, significance: null };
  return {
    headline,
    reading: `${formatPercent(r.summary.proportion)} of ${r.summary.parsed} parsable decisions were stereotype-consistent (${r.summary.unparsed} unparsable); ${proportion(r).text}.${promptFormat(r.chatTemplate)}`,
    significance: significanceOf(r.summary.pValue),
  };
}
