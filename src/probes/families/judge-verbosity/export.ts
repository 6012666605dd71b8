// Judge verbosity in the CSV (long form): per scope (all, category:<c>) the padded share with its
// exact test and interval, the second-position share with its (McNemar's exact test), the class
// counts and the mean margins; one item row per answer with both orders' label log-probs.
import type { JudgeVerbosityResult } from '../../../core/lmRun/judgeVerbosity';
import { num, numberList } from '../shared/csvCells';
import { longCsv, testCiCells } from '../shared/longCsv';
import type { CsvRow } from '../types';

const scopeRows = (scope: string, s: JudgeVerbosityResult['summary']): CsvRow[] => [
  { scope, metric: 'padded_share', value: num(s.paddedShare), ...testCiCells(s.lengthTest?.ci), p_value: num(s.lengthTest?.pValue), p_method: s.lengthTest ? 'exact' : null, n: s.padded + s.short },
  { scope, metric: 'second_position_share', value: num(s.secondShare), ...testCiCells(s.positionTest?.ci), p_value: num(s.positionTest?.pValue), p_method: s.positionTest ? 'exact' : null, n: s.first + s.second },
  ...(['padded', 'short', 'first', 'second', 'tie'] as const).map((c) => ({ scope, metric: `${c}_both_orders`, value: s[c], n: s.items })),
  { scope, metric: 'mean_length_margin', value: num(s.meanLengthMargin), n: s.items },
  { scope, metric: 'mean_position_margin', value: num(s.meanPositionMargin), n: s.items },
];

export const judgeVerbosityCsv = longCsv<JudgeVerbosityResult>({
  metricRows: (r) => [...scopeRows('all', r.summary), ...r.byCategory.flatMap((c) => scopeRows(`category:${c.category}`, c.summary))],
  itemColumns: ['category', 'padded_first_log_probs', 'short_first_log_probs', 'class', 'length_margin', 'position_margin'],
  itemRows: (r) =>
    r.items.map((it) => ({
      item_id: it.id,
      category: it.category,
      padded_first_log_probs: numberList(it.paddedFirstLogProbs),
      short_first_log_probs: numberList(it.shortFirstLogProbs),
      class: it.class,
      length_margin: num(it.lengthMargin),
      position_margin: num(it.positionMargin),
    })),
});
