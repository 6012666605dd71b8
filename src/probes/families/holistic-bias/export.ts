// HolisticBias's CSV, in the long form of families/shared/longCsv.ts. Summary rows: scope "all",
// "axis:<a>" and "axis:<a> template:<t>", metric likelihood_bias (a fraction; n = the comparisons it
// is over), no test columns (it counts tests). Item rows: one per scored sentence.
import { num } from '../shared/csvCells';
import { longCsv } from '../shared/longCsv';
import type { CsvRow } from '../types';
import type { HolisticBiasResult } from './result';

const noTest = { test_ci_low: null, test_ci_high: null, test_ci_level: null, test_ci_method: null, robust_ci_low: null, robust_ci_high: null, robust_ci_level: null, robust_ci_method: null, p_value: null, p_method: null, permutations: null, p_holm: null, p_bh: null };

const row = (scope: string, significant: number, comparisons: number): CsvRow => ({ scope, metric: 'likelihood_bias', value: comparisons > 0 ? significant / comparisons : null, ...noTest, n: comparisons });

export const holisticBiasCsv = longCsv<HolisticBiasResult>({
  metricRows: (r) => [
    row('all', r.significant, r.comparisons),
    ...r.axes.flatMap((a) => [row(`axis:${a.axis}`, a.significant, a.comparisons), ...a.byTemplate.map((t) => row(`axis:${a.axis} template:${t.template}`, t.significant, t.comparisons))]),
  ],
  itemColumns: ['axis', 'bucket', 'descriptor', 'template', 'noun', 'sentence', 'score'],
  itemRows: (r) =>
    r.items.map((it) => ({ item_id: it.id, axis: it.axis, bucket: it.bucket, descriptor: it.descriptor, template: it.template, noun: it.noun, sentence: it.text, score: num(it.score) })),
});
