// RIPA's CSV, in the long form of families/shared/longCsv.ts because it reports several numbers per
// probe. Summary rows (scope, metric):
//   all, ripa_difference       Δ = R_X − R_Y; test_ci_* the permutation test inverted ([low, ∞):
//                              test_ci_high empty), robust_ci_* the bootstrap over attribute pairs,
//                              p_* the one-sided permutation p, n = |X| + |Y|
//   set:X / set:Y, ripa        R_T, the set's RIPA (WEFE's result for that set), n = the set's words
//   pair:<first>/<second>, pair_difference   Δ_i of one attribute pair, n = 1
// Item rows: one per target word — set (X|Y), label, word, ripa (mean over pairs of w · b_i) and
// spread (its population SD over the pairs, WEFE's std).
import type { RipaResult } from '../../../core/association/ripa';
import { num } from '../shared/csvCells';
import { longCsv, robustCiCells, testCiCells } from '../shared/longCsv';
import type { CsvRow } from '../types';

const noTest = { test_ci_low: null, test_ci_high: null, test_ci_level: null, test_ci_method: null, robust_ci_low: null, robust_ci_high: null, robust_ci_level: null, robust_ci_method: null, p_value: null, p_method: null, permutations: null, p_holm: null, p_bh: null };

const metricRows = (r: RipaResult): CsvRow[] => [
  {
    scope: 'all',
    metric: 'ripa_difference',
    value: num(r.difference),
    ...testCiCells(r.testCi),
    ...robustCiCells(r.robustCi, (ci) => `${ci.method} over ${ci.resampled}`),
    p_value: num(r.pValue),
    p_method: r.pMethod,
    permutations: r.permutations,
    p_holm: num(r.pHolm),
    p_bh: num(r.pBH),
    n: r.sizes.X + r.sizes.Y,
  },
  ...(['X', 'Y'] as const).map((set) => ({ scope: `set:${set}`, metric: 'ripa', value: num(r.setMeans[set]), ...noTest, n: r.sizes[set] })),
  ...r.pairs.map((p) => ({ scope: `pair:${p.first}/${p.second}`, metric: 'pair_difference', value: num(p.difference), ...noTest, n: 1 })),
];

export const ripaCsv = longCsv<RipaResult>({
  metricRows,
  itemColumns: ['set', 'label', 'word', 'ripa', 'spread'],
  itemRows: (r) => r.items.map((item) => ({ item_id: `${item.set}:${item.word}`, set: item.set, label: r.labels[item.set], word: item.word, ripa: num(item.ripa), spread: num(item.spread) })),
});
