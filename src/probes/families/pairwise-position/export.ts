// Pairwise judge swaps in the CSV: consistency, preference fairness (binomial test of recency vs
// primacy), primacy/recency/invalid counts, overall and per category, and accuracy; one row per pair.
import type { PairwisePositionResult } from '../../../core/lmRun/types';
import { num, numberList } from '../shared/csvCells';
import { longCsv, testCiCells } from '../shared/longCsv';
import type { CsvRow } from '../types';

const judgeRows = (scope: string, s: PairwisePositionResult['summary']): CsvRow[] => [
  { scope, metric: 'positional_consistency', value: num(s.positionalConsistency), n: s.valid },
  { scope, metric: 'preference_fairness', value: num(s.preferenceFairness), p_value: num(s.sideTest?.pValue), p_method: s.sideTest ? 'exact' : null, n: s.pairs },
  { scope, metric: 'recency_share', value: s.primacy + s.recency > 0 ? s.recencyShare : null, ...testCiCells(s.sideTest?.ci), p_value: num(s.sideTest?.pValue), p_method: s.sideTest ? 'exact' : null, n: s.primacy + s.recency },
  { scope, metric: 'primacy_preferred', value: s.primacy, n: s.pairs },
  { scope, metric: 'recency_preferred', value: s.recency, n: s.pairs },
  { scope, metric: 'invalid', value: s.invalid, n: s.pairs },
];

export const pairwisePositionCsv = longCsv<PairwisePositionResult>({
  metricRows: (r) => [
    ...judgeRows('all', r.summary),
    ...r.byCategory.flatMap((c) => judgeRows(`category:${c.category}`, c.summary)),
    { scope: 'all', metric: 'accuracy', value: num(r.accuracy), n: 2 * r.items.length },
  ],
  itemColumns: ['category', 'original_log_probs', 'swapped_log_probs', 'verdict_original', 'verdict_swapped', 'class', 'winner_original', 'winner_swapped', 'better'],
  itemRows: (r) =>
    r.items.map((it) => ({
      item_id: it.id,
      category: it.category,
      original_log_probs: numberList(it.originalLogProbs),
      swapped_log_probs: numberList(it.swappedLogProbs),
      verdict_original: it.original,
      verdict_swapped: it.swapped,
      class: it.class,
      winner_original: it.winnerOriginal,
      winner_swapped: it.winnerSwapped,
      better: it.better,
    })),
});
