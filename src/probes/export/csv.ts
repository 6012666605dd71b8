// Tidy CSV of association results, for the UI's "Export CSV" and the CLI's `--format csv`.
//
// resultsToCsv: one row per test. Columns (CSV_COLUMNS, in this order):
//   run_id        id of the run (empty when exporting results without a run record)
//   probe_id      probe id, e.g. caliskan-weat-1
//   title         probe title
//   kind          weat | seat | lm-iat
//   model_id      model that embedded the stimuli, e.g. glove-6b-100d
//   seed          seed of the PRNG for permutations and bootstrap
//   label_X … label_B   set labels
//   n_X … n_B     set sizes after out-of-vocabulary words were dropped
//   statistic     S = Σx s(x,A,B) − Σy s(y,A,B)
//   effect_size   d = (mean_X s − mean_Y s) / SD over X∪Y of s
//   sd            SD convention of d: sample (n−1, as Caliskan et al.) | population
//   ci_low, ci_high, ci_level, ci_method, ci_resamples   bootstrap CI of d (empty when disabled)
//   p_value       one-sided permutation p, P(S_i ≥ S)
//   p_method      exact | monte-carlo
//   permutations  number of re-partitions evaluated
//   p_holm, p_bh  Holm and Benjamini–Hochberg adjusted p across the batch (empty when single)
//   oov_X … oov_B out-of-vocabulary stimuli dropped from each set, joined by "; "
//   wefe_rnd_A, wefe_rnd_B, wefe_rnsb, wefe_mac_X, wefe_mac_Y, wefe_ect_A, wefe_ect_B
//                 WEFE's other metrics on the same vectors (RND per attribute set, RNSB, MAC per
//                 target set, ECT per attribute set; see src/core/association/types.ts WefeScores);
//                 empty when not computed
// itemsToCsv: one row per target word (ITEM_CSV_COLUMNS):
//   run_id, probe_id, model_id, set (X|Y), label, word, association (s(w,A,B) = mean cos(w,A) − mean cos(w,B))
//
// Numbers are written as numbers with full precision (JS shortest round-trip form), so a reader
// gets back exactly the values computed; absent values and NaN (d undefined when the pooled SD is
// 0) are empty cells. Spreadsheet formula
// injection: a STRING cell starting with = + - @, tab or CR gets a leading single quote (OWASP
// "CSV injection"). Numeric cells are never touched, so d = -0.53 stays the number -0.53; a word
// such as "-ism" or "@home" is exported as "'-ism" / "'@home".
import Papa from 'papaparse';
import type { AssociationResult } from '../../core/association/types';

export const CSV_COLUMNS = [
  'run_id', 'probe_id', 'title', 'kind', 'model_id', 'seed',
  'label_X', 'label_Y', 'label_A', 'label_B',
  'n_X', 'n_Y', 'n_A', 'n_B',
  'statistic', 'effect_size', 'sd',
  'ci_low', 'ci_high', 'ci_level', 'ci_method', 'ci_resamples',
  'p_value', 'p_method', 'permutations', 'p_holm', 'p_bh',
  'oov_X', 'oov_Y', 'oov_A', 'oov_B',
  'wefe_rnd_A', 'wefe_rnd_B', 'wefe_rnsb', 'wefe_mac_X', 'wefe_mac_Y', 'wefe_ect_A', 'wefe_ect_B',
] as const;

export const ITEM_CSV_COLUMNS = ['run_id', 'probe_id', 'model_id', 'set', 'label', 'word', 'association'] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];
export type ItemCsvColumn = (typeof ITEM_CSV_COLUMNS)[number];

export interface CsvMeta {
  runId?: string;
  modelId: string;
  seed: number;
}

type Cell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralise a string cell against spreadsheet formula injection (numbers pass untouched). */
export const guardCell = (value: Cell): Cell =>
  typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;

const OOV_SEPARATOR = '; ';

const num = (x: number | null | undefined): number | null => (x === null || x === undefined || !Number.isFinite(x) ? null : x);

const unparse = (columns: readonly string[], rows: Cell[][]): string =>
  Papa.unparse(
    { fields: [...columns], data: rows.map((r) => r.map(guardCell)) },
    { newline: '\r\n', escapeFormulae: false },
  ) + '\r\n';

/** One row per test, columns CSV_COLUMNS. */
export const resultsToCsv = (results: readonly AssociationResult[], meta: CsvMeta): string => {
  const rows = results.map((r): Cell[] => {
    const byCol: Record<CsvColumn, Cell> = {
      run_id: meta.runId ?? null,
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
      ci_low: num(r.ci?.low),
      ci_high: num(r.ci?.high),
      ci_level: num(r.ci?.level),
      ci_method: r.ci?.method ?? null,
      ci_resamples: num(r.ci?.resamples),
      p_value: num(r.pValue),
      p_method: r.pMethod,
      permutations: r.permutations,
      p_holm: num(r.pHolm),
      p_bh: num(r.pBH),
      oov_X: r.oov.X.join(OOV_SEPARATOR),
      oov_Y: r.oov.Y.join(OOV_SEPARATOR),
      oov_A: r.oov.A.join(OOV_SEPARATOR),
      oov_B: r.oov.B.join(OOV_SEPARATOR),
      wefe_rnd_A: num(r.wefe?.rnd.A),
      wefe_rnd_B: num(r.wefe?.rnd.B),
      wefe_rnsb: num(r.wefe?.rnsb),
      wefe_mac_X: num(r.wefe?.mac.X),
      wefe_mac_Y: num(r.wefe?.mac.Y),
      wefe_ect_A: num(r.wefe?.ect.A),
      wefe_ect_B: num(r.wefe?.ect.B),
    };
    return CSV_COLUMNS.map((c) => byCol[c]);
  });
  return unparse(CSV_COLUMNS, rows);
};

/** One row per target word, columns ITEM_CSV_COLUMNS. */
export const itemsToCsv = (results: readonly AssociationResult[], meta: CsvMeta): string => {
  const rows: Cell[][] = [];
  for (const r of results) {
    for (const item of r.items) {
      rows.push([meta.runId ?? null, r.probeId, meta.modelId, item.set, r.labels[item.set], item.word, num(item.association)]);
    }
  }
  return unparse(ITEM_CSV_COLUMNS, rows);
};

/** Split an oov_* cell back into words (the inverse of the join above). */
export const splitOovCell = (cell: string): string[] => (cell === '' ? [] : cell.split(OOV_SEPARATOR));
