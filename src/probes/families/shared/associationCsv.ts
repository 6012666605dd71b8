// CSV of association results. WEAT and SEAT write one wide row per test (WIDE_ASSOCIATION_COLUMNS)
// and one row per word of all four sets; the likelihood IAT, an LM family, writes the LM families'
// long form (longCsv.ts) with the same numbers as metrics `effect_size` (test_ci_* the test interval,
// robust_ci_* the stimulus-robust bootstrap over the words, in the one row) and `statistic`; a
// one-sided test interval leaves test_ci_high empty there.
//
// Wide columns, in this order:
//   run_id        id of the run (empty when exporting results without a run record)
//   probe_id, title, kind (weat | seat), model_id, seed (of the PRNG for permutations and bootstrap)
//   label_X … label_B   set labels
//   n_X … n_B     set sizes after out-of-vocabulary words were dropped
//   statistic     S = Σx s(x,A,B) − Σy s(y,A,B)
//   effect_size   d = (mean_X s − mean_Y s) / SD over X∪Y of s
//   sd            SD convention of d: sample (n−1, as Caliskan et al.) | population
//   test_ci_low, test_ci_high, test_ci_level, test_ci_sides, test_ci_method
//                 the interval of d from the permutation test inverted (sides "lower": [low, ∞), so
//                 test_ci_high is empty; an empty bound is unbounded); all empty for results of
//                 method version 1 and when d is undefined
//   robust_ci_low, robust_ci_high, robust_ci_level, robust_ci_method, robust_ci_resamples
//                 the stimulus-robust bootstrap CI of d, resampling the X, Y, A and B words
//                 (percentile | bca; empty when the bootstrap was off)
//   p_value       one-sided permutation p, P(S_i ≥ S)
//   p_method      exact | monte-carlo
//   permutations  number of re-partitions evaluated
//   p_holm, p_bh  Holm and Benjamini–Hochberg adjusted p across the batch (empty when single)
//   oov_X … oov_B out-of-vocabulary stimuli dropped from each set, joined by "; "
//   wefe_rnd_A, wefe_rnd_B, wefe_rnsb, wefe_mac_X, wefe_mac_Y, wefe_ect_A, wefe_ect_B
//                 WEFE's other metrics on the same vectors (see core/association/types.ts
//                 WefeScores); empty when not computed
// Word rows (WORD_ITEM_COLUMNS): run_id, probe_id, model_id, set (X|Y|A|B), label, word, quantity,
//   association. `quantity` names what `association` is: for X and Y words s(w,A,B) = mean cos(w,A) −
//   mean cos(w,B); for A and B words mean cos(a,X) − mean cos(a,Y) (the likelihood IAT: mean ℓ
//   instead of cosines). Results of method version 1 have no A and B rows.
import type { AssociationResult, SetKey } from '../../../core/association/types';
import type { CsvRow, FamilyCsv } from '../types';
import { LIST_SEPARATOR, num, runIdCell } from './csvCells';
import { ROBUST_RESAMPLED } from './associationSummary';
import { longCsv, robustCiCells, testCiCells } from './longCsv';

export const WIDE_ASSOCIATION_COLUMNS = [
  'run_id', 'probe_id', 'title', 'kind', 'model_id', 'seed',
  'label_X', 'label_Y', 'label_A', 'label_B',
  'n_X', 'n_Y', 'n_A', 'n_B',
  'statistic', 'effect_size', 'sd',
  'test_ci_low', 'test_ci_high', 'test_ci_level', 'test_ci_sides', 'test_ci_method',
  'robust_ci_low', 'robust_ci_high', 'robust_ci_level', 'robust_ci_method', 'robust_ci_resamples',
  'p_value', 'p_method', 'permutations', 'p_holm', 'p_bh',
  'oov_X', 'oov_Y', 'oov_A', 'oov_B',
  'wefe_rnd_A', 'wefe_rnd_B', 'wefe_rnsb', 'wefe_mac_X', 'wefe_mac_Y', 'wefe_ect_A', 'wefe_ect_B',
] as const;

export const WORD_ITEM_COLUMNS = ['run_id', 'probe_id', 'model_id', 'set', 'label', 'word', 'quantity', 'association'] as const;

/** What a word row's `association` is, per set, for an association matrix of `of` ("mean cos" on word vectors, "mean ℓ" for log-probabilities). */
const quantityOf = (of: string, set: SetKey): string => (set === 'X' || set === 'Y' ? `s(w,A,B) = ${of}(w,A) − ${of}(w,B)` : `${of}(a,X) − ${of}(a,Y)`);

/** Every word of the four sets with its association: X and Y's s(w,A,B), then A and B's own. */
const wordRows = (r: AssociationResult, of: string) =>
  [...r.items, ...(r.attributeItems ?? [])].map((item) => ({ set: item.set, label: r.labels[item.set], word: item.word, quantity: quantityOf(of, item.set), association: num(item.association) }));

/** Split an oov_* cell back into words (the inverse of the join below). */
export const splitOovCell = (cell: string): string[] => (cell === '' ? [] : cell.split(LIST_SEPARATOR));

/** WEAT and SEAT: one wide row per test, one row per word of the four sets. */
export const wideAssociationCsv: FamilyCsv<AssociationResult> = {
  summaryColumns: WIDE_ASSOCIATION_COLUMNS,
  summaryRows: (r, meta) => [
    {
      run_id: runIdCell(meta.runId),
      probe_id: r.probeId,
      title: r.title,
      kind: r.kind,
      model_id: meta.modelId,
      seed: meta.seed,
      label_X: r.labels.X,
      label_Y: r.labels.Y,
      label_A: r.labels.A,
      label_B: r.labels.B,
      n_X: r.sizes.X,
      n_Y: r.sizes.Y,
      n_A: r.sizes.A,
      n_B: r.sizes.B,
      statistic: num(r.statistic),
      effect_size: num(r.effectSize),
      sd: r.sd,
      test_ci_low: num(r.testCi?.low),
      test_ci_high: num(r.testCi?.high),
      test_ci_level: num(r.testCi?.level),
      test_ci_sides: r.testCi?.sides ?? null,
      test_ci_method: r.testCi?.method ?? null,
      robust_ci_low: num(r.ci?.low),
      robust_ci_high: num(r.ci?.high),
      robust_ci_level: num(r.ci?.level),
      robust_ci_method: r.ci?.method ?? null,
      robust_ci_resamples: num(r.ci?.resamples),
      p_value: num(r.pValue),
      p_method: r.pMethod,
      permutations: r.permutations,
      p_holm: num(r.pHolm),
      p_bh: num(r.pBH),
      oov_X: r.oov.X.join(LIST_SEPARATOR),
      oov_Y: r.oov.Y.join(LIST_SEPARATOR),
      oov_A: r.oov.A.join(LIST_SEPARATOR),
      oov_B: r.oov.B.join(LIST_SEPARATOR),
      wefe_rnd_A: num(r.wefe?.rnd.A),
      wefe_rnd_B: num(r.wefe?.rnd.B),
      wefe_rnsb: num(r.wefe?.rnsb),
      wefe_mac_X: num(r.wefe?.mac.X),
      wefe_mac_Y: num(r.wefe?.mac.Y),
      wefe_ect_A: num(r.wefe?.ect.A),
      wefe_ect_B: num(r.wefe?.ect.B),
    },
  ],
  itemColumns: WORD_ITEM_COLUMNS,
  itemKeyColumns: ['set', 'label', 'word'],
  itemRows: (r, meta) => wordRows(r, 'mean cos').map((row) => ({ run_id: runIdCell(meta.runId), probe_id: r.probeId, model_id: meta.modelId, ...row })),
};

/** The likelihood IAT: the LM families' long form, d (with each interval) and S as metrics, one row per word of the four sets. */
export const longAssociationCsv: FamilyCsv<AssociationResult> = longCsv<AssociationResult>({
  metricRows: (a): CsvRow[] => [
    {
      scope: 'all',
      metric: 'effect_size',
      value: num(a.effectSize),
      ...testCiCells(a.testCi),
      ...robustCiCells(a.ci, (ci) => `${ci.method} bootstrap over ${ROBUST_RESAMPLED}`),
      p_value: num(a.pValue),
      p_method: a.pMethod,
      permutations: a.permutations,
      p_holm: num(a.pHolm),
      p_bh: num(a.pBH),
      n: a.sizes.X + a.sizes.Y,
    },
    { scope: 'all', metric: 'statistic', value: num(a.statistic), n: a.sizes.X + a.sizes.Y },
  ],
  itemColumns: ['set', 'label', 'word', 'quantity', 'association'],
  itemRows: (a) => wordRows(a, 'mean ℓ').map((row) => ({ item_id: `${row.set}:${row.word}`, ...row })),
});
