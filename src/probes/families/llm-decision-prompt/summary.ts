// Prompt-based decision bias is summarised by the share of stereotype-consistent assignments among
// the readable answers (central exact binomial test against ½, with the Clopper–Pearson interval that
// inverts it); with none readable, the count of answers is the headline.
import { decisionPromptAnswers, promptAnswerCount } from '../../../core/lmRun/promptAnswerCount';
import type { LlmDecisionPromptResult } from '../../../core/lmRun/types';
import { significanceOf } from '../../../core/significance';
import { formatPercent } from '../../numberFormat';
import { chanceSentence, headlineInterval, proportionMagnitude, makeHeadline, NO_READABLE_ANSWER, promptFormat, withAnswerCount } from '../shared/headline';
import type { FamilySummary, Headline } from '../types';

const proportion = (r: LlmDecisionPromptResult): Headline =>
  makeHeadline('Stereotype-consistent choices', r.summary.proportion, formatPercent(r.summary.proportion), r.summary.ci ? headlineInterval(r.summary.ci) : null, r.summary.pValue, 'binomial p');

export const llmDecisionHeadline = (r: LlmDecisionPromptResult): Headline => withAnswerCount(proportion(r), promptAnswerCount(decisionPromptAnswers(r)));

export function summarizeLlmDecision(r: LlmDecisionPromptResult): FamilySummary {
  const headline = llmDecisionHeadline(r);
  if (promptAnswerCount(decisionPromptAnswers(r)).parsed === 0) return { headline, reading: `${NO_READABLE_ANSWER}${promptFormat(r.chatTemplate)}`, significance: null };
  const significance = significanceOf(r.summary.pValue);
  const s = r.summary;
  return {
    headline,
    reading: `${formatPercent(s.proportion)} of ${s.parsed} parsable decisions were stereotype-consistent (${s.unparsed} unparsable); ${proportion(r).text}.${promptFormat(r.chatTemplate)}`,
    plain: {
      direction:
        s.proportion > 0.5
          ? `The model gave the stereotyped task to the stereotyped person in ${formatPercent(s.proportion)} of ${s.parsed} decisions, more often than an even split.`
          : s.proportion < 0.5
            ? `The model gave the stereotyped task to the stereotyped person in only ${formatPercent(s.proportion)} of ${s.parsed} decisions, less often than an even split.`
            : `The model split its ${s.parsed} decisions evenly.`,
      magnitude: proportionMagnitude(s.proportion),
      chance: chanceSentence(significance, 'binomial p'),
    },
    significance,
  };
}
