// The language-model families' CSV shape: per probe in long ("tidy") form, one row per (probe,
// scope, metric), because the families report different metrics; per item, the common columns then
// the family's own. Each LM family declares its metric rows and item columns; this file adds the
// columns they share.
//
// Summary columns (LONG_SUMMARY_COLUMNS): run_id, probe_id, title, kind, model_id, seed,
//   scope   what the row summarises: "all", "category:<c>", "direction:stereo", "position:B",
//           "age=20 vs 40" (decision comparisons), …
//   metric  e.g. mean_delta, pct_stereotype, likelihood_diff, logit_difference, choice_rate,
//           recall, rstd, content_change_rate, pride_prior, positional_consistency,
//           preference_fairness, accuracy, mean_d, proportion_consistent, effect_size, …
//   value,
//   test_ci_low, test_ci_high, test_ci_level, test_ci_method
//           the interval from the row's own test (it excludes the null exactly when p_value < 1 −
//           level); an empty bound beside a method is unbounded on that side,
//   robust_ci_low, robust_ci_high, robust_ci_level, robust_ci_method
//           a second interval that resamples the stimuli (its method names what), where kept,
//   p_value, p_method, permutations, p_holm, p_bh, n
// Item columns: run_id, probe_id, kind, model_id, item_id, then the family's (the exporter writes
// the union of the families present, in registry order; cells of other families are empty).
import type { TestInterval } from '../../../core/intervals';
import type { CsvMeta, CsvRow, FamilyCsv } from '../types';
import { num, runIdCell } from './csvCells';

export const LONG_SUMMARY_COLUMNS = [
  'run_id', 'probe_id', 'title', 'kind', 'model_id', 'seed',
  'scope', 'metric', 'value',
  'test_ci_low', 'test_ci_high', 'test_ci_level', 'test_ci_method', 'robust_ci_low', 'robust_ci_high', 'robust_ci_level', 'robust_ci_method',
  'p_value', 'p_method', 'permutations', 'p_holm', 'p_bh', 'n',
] as const;

export const LONG_ITEM_COMMON_COLUMNS = ['run_id', 'probe_id', 'kind', 'model_id', 'item_id'] as const;

/** The test_ci_* cells of a row from its test interval (all empty when there is none). */
export const testCiCells = (ci: TestInterval | null | undefined): CsvRow => ({
  test_ci_low: num(ci?.low),
  test_ci_high: num(ci?.high),
  test_ci_level: num(ci?.level),
  test_ci_method: ci?.method ?? null,
});

/**
 * The robust_ci_* cells of a row from an interval that resamples the stimuli, with `method` saying
 * what was resampled and how (all empty when there is none).
 */
export const robustCiCells = <I extends { low: number | null; high: number | null; level: number }>(ci: I | null | undefined, method: (ci: I) => string): CsvRow => ({
  robust_ci_low: num(ci?.low),
  robust_ci_high: num(ci?.high),
  robust_ci_level: num(ci?.level),
  robust_ci_method: ci ? method(ci) : null,
});

interface Identified {
  kind: string;
  probeId: string;
  title: string;
}

/** A family's CSV in long form from its metric rows and item rows. */
export function longCsv<R extends Identified>(spec: {
  metricRows(result: R): CsvRow[];
  itemColumns: readonly string[];
  itemRows(result: R): CsvRow[];
}): FamilyCsv<R> {
  return {
    summaryColumns: LONG_SUMMARY_COLUMNS,
    summaryRows: (r: R, meta: CsvMeta) =>
      spec.metricRows(r).map((row) => ({ run_id: runIdCell(meta.runId), probe_id: r.probeId, title: r.title, kind: r.kind, model_id: meta.modelId, seed: meta.seed, ...row })),
    itemColumns: [...LONG_ITEM_COMMON_COLUMNS, ...spec.itemColumns],
    itemRows: (r: R, meta: CsvMeta) => spec.itemRows(r).map((row) => ({ run_id: runIdCell(meta.runId), probe_id: r.probeId, kind: r.kind, model_id: meta.modelId, ...row })),
  };
}
