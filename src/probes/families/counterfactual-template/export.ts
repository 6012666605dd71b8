// Counterfactual templates in the CSV: the delta summary over all fills and per category; one row
// per fill × term pair with the text each side scored.
import type { CounterfactualTemplateResult } from '../../../core/lmRun/types';
import { keyValues, num } from '../shared/csvCells';
import { deltaRows } from '../shared/deltaSummary';
import { longCsv } from '../shared/longCsv';

export const counterfactualTemplateCsv = longCsv<CounterfactualTemplateResult>({
  metricRows: (r) => [...deltaRows('all', r.summary), ...r.byCategory.flatMap((c) => deltaRows(`category:${c.category}`, c.summary))],
  itemColumns: ['fill', 'term_index', 'more_group', 'less_group', 'more_term', 'less_term', 'more_context', 'more_scored', 'less_context', 'less_scored', 'score_more', 'score_less', 'tokens_more', 'tokens_less', 'delta'],
  itemRows: (r) =>
    r.items.map((it) => ({
      item_id: it.id,
      fill: keyValues(it.fill),
      term_index: it.termIndex,
      more_group: it.moreGroup,
      less_group: it.lessGroup,
      more_term: it.moreTerm,
      less_term: it.lessTerm,
      more_context: it.moreContext,
      more_scored: it.moreScored,
      less_context: it.lessContext,
      less_scored: it.lessScored,
      score_more: num(it.scoreMore),
      score_less: num(it.scoreLess),
      tokens_more: it.tokensMore,
      tokens_less: it.tokensLess,
      delta: num(it.delta),
    })),
});
