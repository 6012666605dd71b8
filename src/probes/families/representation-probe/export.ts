// The representation probe's CSV, in the long form of families/shared/longCsv.ts. Summary rows
// (scope, metric):
//   all, alignment_asymmetry   Δ = S_X − S_Y; test_ci_* the permutation test inverted ([low, ∞):
//                              test_ci_high empty), p_* the one-sided permutation p, n = |X| + |Y|
//   set:X / set:Y, mean_alignment   S_T, n = the set's words
//   probe, training_accuracy   share of A and B words the linear probe classifies right, n = |A| + |B|
// Item rows: one per target word — set (X|Y), label, word, alignment (cos(w, d)).
import type { AnyRepresentationResult } from './result';
import { num } from '../shared/csvCells';
import { longCsv, testCiCells } from '../shared/longCsv';
import type { CsvRow } from '../types';

const noTest = { test_ci_low: null, test_ci_high: null, test_ci_level: null, test_ci_method: null, robust_ci_low: null, robust_ci_high: null, robust_ci_level: null, robust_ci_method: null, p_value: null, p_method: null, permutations: null, p_holm: null, p_bh: null };

const metricRows = (r: AnyRepresentationResult): CsvRow[] => [
  {
    scope: 'all',
    metric: 'alignment_asymmetry',
    value: num(r.difference),
    ...testCiCells(r.testCi),
    robust_ci_low: null,
    robust_ci_high: null,
    robust_ci_level: null,
    robust_ci_method: null,
    p_value: num(r.pValue),
    p_method: r.pMethod,
    permutations: r.permutations,
    p_holm: num(r.pHolm),
    p_bh: num(r.pBH),
    n: r.sizes.X + r.sizes.Y,
  },
  ...(['X', 'Y'] as const).map((set) => ({ scope: `set:${set}`, metric: 'mean_alignment', value: num(r.setMeans[set]), ...noTest, n: r.sizes[set] })),
  { scope: 'probe', metric: 'training_accuracy', value: num(r.probe.trainingAccuracy), ...noTest, n: r.sizes.A + r.sizes.B },
];

export const representationProbeCsv = longCsv<AnyRepresentationResult>({
  metricRows,
  itemColumns: ['set', 'label', 'word', 'alignment'],
  itemRows: (r) => r.items.map((item) => ({ item_id: `${item.set}:${item.word}`, set: item.set, label: r.labels[item.set], word: item.word, alignment: num(item.alignment) })),
});
