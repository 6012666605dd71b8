// StereoSet's CSV, in the long form of families/shared/longCsv.ts. Summary rows: scope "all" and
// "bias_type:<type>", metrics ss, lms, icat (n = items), no test columns (descriptive numbers).
// Item rows: one per item with its three sentences and their scores.
import { num } from '../shared/csvCells';
import { longCsv } from '../shared/longCsv';
import type { CsvRow } from '../types';
import type { StereoSetResult } from '../../../core/benchmarks/stereoSetResult';
import type { StereoSetScores } from '../../../core/benchmarks/stereoSetScores';

const noTest = { test_ci_low: null, test_ci_high: null, test_ci_level: null, test_ci_method: null, robust_ci_low: null, robust_ci_high: null, robust_ci_level: null, robust_ci_method: null, p_value: null, p_method: null, permutations: null, p_holm: null, p_bh: null };

const scopeRows = (scope: string, s: StereoSetScores): CsvRow[] =>
  (['ss', 'lms', 'icat'] as const).map((metric) => ({ scope, metric, value: num(s[metric]), ...noTest, n: s.items }));

export const stereoSetCsv = longCsv<StereoSetResult>({
  metricRows: (r) => [...scopeRows('all', r.overall), ...r.byType.flatMap((t) => scopeRows(`bias_type:${t.biasType}`, t))],
  itemColumns: ['target', 'bias_type', 'stereotype', 'anti_stereotype', 'unrelated', 'score_stereotype', 'score_anti_stereotype', 'score_unrelated'],
  itemRows: (r) =>
    r.items.map((it) => ({
      item_id: it.id,
      target: it.target,
      bias_type: it.biasType,
      stereotype: it.stereotype,
      anti_stereotype: it.antiStereotype,
      unrelated: it.unrelated,
      score_stereotype: num(it.scoreStereotype),
      score_anti_stereotype: num(it.scoreAntiStereotype),
      score_unrelated: num(it.scoreUnrelated),
    })),
});
