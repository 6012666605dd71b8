// Decision templates in the CSV: the mean logit, then one row per attribute comparison (stratified
// permutation p, Holm/BH across the probe's comparisons; that test's inverted interval in test_ci_*,
// the question bootstrap in robust_ci_*); one row per prompt with P(yes).
import type { DecisionTemplateResult } from '../../../core/lmRun/types';
import { keyValues, num } from '../shared/csvCells';
import { longCsv, robustCiCells, testCiCells } from '../shared/longCsv';
import type { CsvRow } from '../types';

/** One attribute comparison's row (decision templates and discrim-eval, which runs their analysis). */
export const comparisonRow = (c: DecisionTemplateResult['comparisons'][number]): CsvRow => ({
  scope: `${c.attribute}=${c.value} vs ${c.reference}`,
  metric: 'logit_difference',
  value: num(c.difference),
  ...testCiCells(c.testCi),
  ...robustCiCells(c.ci, (ci) => `${ci.method} bootstrap over the questions`),
  p_value: num(c.pValue),
  p_method: c.pMethod,
  permutations: c.permutations,
  p_holm: num(c.pHolm),
  p_bh: num(c.pBH),
  n: c.n + c.nReference,
});

export const decisionTemplateCsv = longCsv<DecisionTemplateResult>({
  metricRows: (r) => [
    { scope: 'all', metric: 'mean_logit', value: num(r.meanLogit), n: r.items.length },
    ...r.comparisons.map(comparisonRow),
  ],
  itemColumns: ['question_id', 'attributes', 'answer_log_probs', 'p_norm_yes', 'logit'],
  itemRows: (r) =>
    r.items.map((it) => ({
      item_id: it.id,
      question_id: it.questionId,
      attributes: keyValues(it.attributes),
      answer_log_probs: keyValues(it.answerLogProbs),
      p_norm_yes: num(it.pNormYes),
      logit: num(it.logit),
    })),
});
