// Counterfactual pairs in the CSV: the delta summary over all pairs, per category and the share
// favouring the stereotype per direction; one row per pair with both scores.
import type { CounterfactualPairsResult } from '../../../core/lmRun/types';
import { num } from '../shared/csvCells';
import { deltaRows } from '../shared/deltaSummary';
import { longCsv } from '../shared/longCsv';

export const counterfactualPairsCsv = longCsv<CounterfactualPairsResult>({
  metricRows: (r) => [
    ...deltaRows('all', r.summary),
    ...r.byCategory.flatMap((c) => deltaRows(`category:${c.category}`, c.summary)),
    ...r.byDirection.map((d) => ({ scope: `direction:${d.direction}`, metric: 'pct_stereotype', value: d.pctStereotype, n: d.n })),
  ],
  itemColumns: ['category', 'direction', 'more', 'less', 'score_more', 'score_less', 'tokens_more', 'tokens_less', 'delta', 'delta_sum', 'delta_per_token'],
  itemRows: (r) =>
    r.items.map((it) => ({
      item_id: it.id,
      category: it.category,
      direction: it.direction,
      more: it.more,
      less: it.less,
      score_more: num(it.scoreMore),
      score_less: num(it.scoreLess),
      tokens_more: it.tokensMore,
      tokens_less: it.tokensLess,
      delta: num(it.delta),
      delta_sum: num(it.deltaSum),
      delta_per_token: num(it.deltaPerToken),
    })),
});
