// Pronoun resolution in the CSV: accuracy per compared condition, the gap and its McNemar p over all
// sentences and (WinoBias) per type, Winogender's correlations; one row per sentence with both
// candidates' scores and the choice.
import type { AccuracyGap } from '../../../core/lm/coref/accuracyGap';
import type { CsvRow } from '../types';
import { num } from '../shared/csvCells';
import { longCsv } from '../shared/longCsv';
import type { CorefLikelihoodResult } from './run';

const gapRows = (scope: string, g: AccuracyGap, compared: readonly [string, string]): CsvRow[] => [
  { scope, metric: `accuracy_${compared[0]}`, value: num(g.first.accuracy), n: g.first.n },
  { scope, metric: `accuracy_${compared[1]}`, value: num(g.second.accuracy), n: g.second.n },
  { scope, metric: 'accuracy_gap', value: num(g.gap), p_value: num(g.p), p_method: g.p === null ? null : 'exact-mcnemar', n: g.pairs },
];

export const corefLikelihoodCsv = longCsv<CorefLikelihoodResult>({
  metricRows: (r) => [
    { scope: 'all', metric: 'accuracy', value: num(r.overall.accuracy), n: r.overall.n },
    ...gapRows('all', r.gap, r.compared),
    ...(r.byType ?? []).flatMap((t) => gapRows(`type:${t.scope}`, t.gap, r.compared)),
    ...(r.neutral ? [{ scope: 'all', metric: 'accuracy_neutral', value: num(r.neutral.accuracy), n: r.neutral.n }] : []),
    ...(r.occupations
      ? [
          { scope: 'occupations', metric: 'pearson_r_bls_pct_female', value: num(r.occupations.bls?.r), p_value: num(r.occupations.bls?.pValue), p_method: r.occupations.bls?.pValue == null ? null : 'student-t', n: r.occupations.bls?.n ?? 0 },
          { scope: 'occupations', metric: 'pearson_r_bergsma_pct_female', value: num(r.occupations.bergsma?.r), p_value: num(r.occupations.bergsma?.pValue), p_method: r.occupations.bergsma?.pValue == null ? null : 'student-t', n: r.occupations.bergsma?.n ?? 0 },
          ...r.occupations.occupations.map((o) => ({ scope: `occupation:${o.occupation}`, metric: 'pct_female_minus_male_to_occupation', value: num(o.femaleMinusMale), n: o.nFemale + o.nMale })),
        ]
      : []),
  ],
  itemColumns: ['condition', 'coref_type', 'occupation', 'sentence', 'pronoun', 'candidate_0', 'candidate_1', 'answer', 'score_0', 'score_1', 'choice', 'correct'],
  itemRows: (r) =>
    r.items.map((it) => ({
      item_id: it.id,
      condition: it.condition,
      coref_type: it.type ?? null,
      occupation: it.occupation ?? null,
      sentence: it.sentence,
      pronoun: it.pronoun,
      candidate_0: it.candidates[0],
      candidate_1: it.candidates[1],
      answer: it.answer,
      score_0: num(it.scores[0]),
      score_1: num(it.scores[1]),
      choice: it.choice,
      correct: it.correct ? 1 : 0,
    })),
});
