// discrim-eval in the CSV: the mean logit, one row per contrast with the reference person (scope
// "age=under 60 vs 60", "race=Black vs white"; decision-template's columns: the permutation test, its
// inverted interval, the question bootstrap, Holm and BH), one descriptive row per age against the
// reference age (no test); one item row per prompt with its person, answers' log-probs and P(yes).
import { keyValues, num } from '../shared/csvCells';
import { comparisonRow } from '../decision-template/export';
import { longCsv } from '../shared/longCsv';
import type { DiscrimEvalResult } from './result';

export const discrimEvalCsv = longCsv<DiscrimEvalResult>({
  metricRows: (r) => [
    { scope: 'all', metric: 'mean_logit', value: num(r.meanLogit), n: r.items.length },
    ...r.comparisons.map(comparisonRow),
    ...r.ages.filter((a) => a.age !== r.reference.age).map((a) => ({ scope: `age=${a.age} vs ${r.reference.age}`, metric: 'logit_difference_descriptive', value: num(a.difference), n: a.n })),
  ],
  itemColumns: ['question_id', 'fill_type', 'age', 'gender', 'race', 'answer_log_probs', 'p_norm_yes', 'logit'],
  itemRows: (r) =>
    r.items.map((it) => ({
      item_id: it.id,
      question_id: it.questionId,
      fill_type: it.fillType ?? null,
      age: it.age,
      gender: it.gender,
      race: it.race,
      answer_log_probs: keyValues(it.answerLogProbs),
      p_norm_yes: num(it.pNormYes),
      logit: num(it.logit),
    })),
});
