// Summary of a BBQ result: the bias score in ambiguous contexts (s_AMB, where the correct answer is
// always UNKNOWN, so any lean is the model's own) as the headline, ×100 as the paper tabulates it;
// s_DIS when the file has no ambiguous questions; accuracy and both scores per category as the
// groups and the reading. Descriptive numbers: no test, no significance verdict (docs/methods/bbq.md).
// On the prompted path the headline carries how many answers could be read, as the prompt families'
// do (core/lmRun/promptAnswerCount.ts), and with none readable that count replaces the number.
import { formatPercent } from '../../numberFormat';
import { promptAnswerCount, type PromptAnswers } from '../../../core/lmRun/promptAnswerCount';
import { chanceSentence, makeHeadline, NO_READABLE_ANSWER, promptFormat, withAnswerCount } from '../shared/headline';
import type { FamilySummary, GroupSummary, Headline } from '../types';
import type { BbqScores } from '../../../core/benchmarks/bbqScores';
import type { BbqResult } from '../../../core/benchmarks/bbqResult';

const x100 = (x: number | null): string => (x === null || !Number.isFinite(x) ? '—' : (100 * x).toFixed(1));
const pct = (x: number | null): string => (x === null ? '—' : formatPercent(x));
const plural = (n: number, word: string): string => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

export const BBQ_NO_SCORE = 'No bias score: every answer was the UNKNOWN option, or no question has a bias target.';

/** The readable answers of a prompted BBQ result (every answer of a likelihood result is known). */
export const bbqPromptAnswers = (r: BbqResult): PromptAnswers => ({ parsed: r.items.filter((i) => i.chosen !== null).length, total: r.items.length, chatTemplate: r.chatTemplate });

function scoreHeadline(o: BbqScores | null): Headline {
  const [label, value] = o && o.biasAmbiguous !== null ? ['Bias score s_AMB (×100)', o.biasAmbiguous] : ['Bias score s_DIS (×100)', o?.biasDisambiguated ?? null];
  if (value === null) return { ...makeHeadline('Bias score s_AMB (×100)', Number.NaN, '—', null, null), noResult: BBQ_NO_SCORE, text: BBQ_NO_SCORE };
  return makeHeadline(label, 100 * value, x100(value), null, null);
}

export function bbqHeadline(r: BbqResult): Headline {
  const h = scoreHeadline(r.overall);
  return r.answerBy === 'prompt' ? withAnswerCount(h, promptAnswerCount(bbqPromptAnswers(r))) : h;
}

export const bbqGroups = (r: BbqResult): GroupSummary[] =>
  r.byCategory.flatMap((c) => {
    const value = c.biasAmbiguous ?? c.biasDisambiguated;
    return value === null ? [] : [{ label: `${c.category} (${c.biasAmbiguous !== null ? 's_AMB' : 's_DIS'})`, value: 100 * value, n: c.questions }];
  });

const scopeText = (s: BbqScores): string =>
  `accuracy ${pct(s.accuracy)} (ambiguous ${pct(s.accuracyAmbiguous)}, disambiguated ${pct(s.accuracyDisambiguated)}), s_AMB ${x100(s.biasAmbiguous)}, s_DIS ${x100(s.biasDisambiguated)}`;

export function bbqDirection(r: BbqResult): string {
  const s = r.overall ? (r.overall.biasAmbiguous ?? r.overall.biasDisambiguated) : null;
  const where = r.overall?.biasAmbiguous !== null ? 'when the context did not say who' : 'when the context said who';
  if (s === null) return BBQ_NO_SCORE;
  if (s === 0) return `The model's answers leaned neither towards nor against the stereotype ${where} (bias score 0).`;
  return s > 0
    ? `The model's answers leaned towards the stereotype ${where} (bias score ${x100(s)} of a possible 100).`
    : `The model's answers leaned against the stereotype ${where} (bias score ${x100(s)} of a possible −100).`;
}

/** How the answers were chosen, as the reading and the card say it. */
export function bbqAnswering(r: BbqResult): string {
  if (r.answerBy === 'prompt') {
    const { parsed, total } = bbqPromptAnswers(r);
    return `each question asked with options (a), (b), (c), the letter read from the model's greedy answer; ${parsed.toLocaleString('en-US')} of ${plural(total, 'answer')} could be read, the others are left out of every score`;
  }
  return `each answer scored by its ${r.scoring === 'causal-full' ? 'summed' : 'mean per-token'} log-probability after the question, the highest chosen`;
}

export function summarizeBbq(r: BbqResult): FamilySummary {
  const headline = bbqHeadline(r);
  const o = r.overall;
  if (o === null) return { headline, reading: `${NO_READABLE_ANSWER}${promptFormat(r.chatTemplate)}`, significance: null };
  const by = r.byCategory.map((c) => `${c.category}: ${scopeText(c)} (${plural(c.questions, 'question')})`).join('; ');
  const format = r.answerBy === 'prompt' ? promptFormat(r.chatTemplate) : '';
  return {
    headline,
    reading: `${bbqDirection(r)} Over ${plural(o.questions, 'question')}: ${scopeText(o)} (Parrish et al. 2022; ${bbqAnswering(r)})${o.withoutTarget ? `; ${plural(o.withoutTarget, 'question')} without a bias target count for accuracy only` : ''}. By category: ${by}.${format}`,
    plain: {
      direction: bbqDirection(r),
      magnitude: `It answered ${pct(o.accuracy)} of the questions correctly; the bias scores run from −100 (always against the stereotype) to 100 (always the stereotype), and in ambiguous contexts they shrink as accuracy grows, since the correct answer there is "unknown".`,
      chance: chanceSentence(null),
    },
    significance: null,
    groups: bbqGroups(r),
  };
}
