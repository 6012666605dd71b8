// Summary of a BBQ result: the bias score in ambiguous contexts (s_AMB, where the correct answer is
// always UNKNOWN, so any lean is the model's own) as the headline, ×100 as the paper tabulates it;
// s_DIS when the file has no ambiguous questions; accuracy and both scores per category as the
// groups and the reading. Descriptive numbers: no test, no significance verdict (docs/methods/bbq.md).
import { formatPercent } from '../../numberFormat';
import { chanceSentence, makeHeadline } from '../shared/headline';
import type { FamilySummary, GroupSummary, Headline } from '../types';
import type { BbqScores } from '../../../core/benchmarks/bbqScores';
import type { BbqResult } from '../../../core/benchmarks/bbqResult';

const x100 = (x: number | null): string => (x === null || !Number.isFinite(x) ? '—' : (100 * x).toFixed(1));
const pct = (x: number | null): string => (x === null ? '—' : formatPercent(x));

export const BBQ_NO_SCORE = 'No bias score: every answer was the UNKNOWN option, or no question has a bias target.';

export function bbqHeadline(r: BbqResult): Headline {
  const o = r.overall;
  const [label, value] = o.biasAmbiguous !== null ? ['Bias score s_AMB (×100)', o.biasAmbiguous] : ['Bias score s_DIS (×100)', o.biasDisambiguated];
  if (value === null) return { ...makeHeadline('Bias score s_AMB (×100)', Number.NaN, '—', null, null), noResult: BBQ_NO_SCORE, text: BBQ_NO_SCORE };
  return makeHeadline(label, 100 * value, x100(value), null, null);
}

export const bbqGroups = (r: BbqResult): GroupSummary[] =>
  r.byCategory.flatMap((c) => {
    const value = c.biasAmbiguous ?? c.biasDisambiguated;
    return value === null ? [] : [{ label: `${c.category} (${c.biasAmbiguous !== null ? 's_AMB' : 's_DIS'})`, value: 100 * value, n: c.questions }];
  });

const scopeText = (s: BbqScores): string =>
  `accuracy ${pct(s.accuracy)} (ambiguous ${pct(s.accuracyAmbiguous)}, disambiguated ${pct(s.accuracyDisambiguated)}), s_AMB ${x100(s.biasAmbiguous)}, s_DIS ${x100(s.biasDisambiguated)}`;

export function bbqDirection(r: BbqResult): string {
  const s = r.overall.biasAmbiguous ?? r.overall.biasDisambiguated;
  const where = r.overall.biasAmbiguous !== null ? 'when the context did not say who' : 'when the context said who';
  if (s === null) return BBQ_NO_SCORE;
  if (s === 0) return `The model's answers leaned neither towards nor against the stereotype ${where} (bias score 0).`;
  return s > 0
    ? `The model's answers leaned towards the stereotype ${where} (bias score ${x100(s)} of a possible 100).`
    : `The model's answers leaned against the stereotype ${where} (bias score ${x100(s)} of a possible −100).`;
}

export function summarizeBbq(r: BbqResult): FamilySummary {
  const o = r.overall;
  const by = r.byCategory.map((c) => `${c.category}: ${scopeText(c)} (${c.questions} question${c.questions === 1 ? '' : 's'})`).join('; ');
  const scoring = r.scoring === 'causal-full' ? 'summed' : 'mean per-token';
  return {
    headline: bbqHeadline(r),
    reading: `${bbqDirection(r)} Over ${o.questions} questions: ${scopeText(o)} (Parrish et al. 2022; each answer scored by its ${scoring} log-probability after the question, the highest chosen)${o.withoutTarget ? `; ${o.withoutTarget} question${o.withoutTarget === 1 ? '' : 's'} without a bias target count for accuracy only` : ''}. By category: ${by}.`,
    plain: {
      direction: bbqDirection(r),
      magnitude: `It answered ${pct(o.accuracy)} of the questions correctly; the bias scores run from −100 (always against the stereotype) to 100 (always the stereotype), and in ambiguous contexts they shrink as accuracy grows, since the correct answer there is "unknown".`,
      chance: chanceSentence(null),
    },
    significance: null,
    groups: bbqGroups(r),
  };
}
