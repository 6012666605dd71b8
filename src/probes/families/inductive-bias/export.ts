// Inductive bias's CSV in the long form of families/shared/longCsv.ts. Summary rows, per model class
// (scope class:<i>:<kind>):
//   bits            −log₂ F̂(ε) from the fitted loss model; robust_ci_* the fit's delta-method
//                   interval (method "delta method over the fit"), n = hypotheses
//   empirical_bits  −log₂(reaching / n); robust_ci_* its Clopper–Pearson interval (empty high:
//                   unbounded); value empty when no hypothesis reached the target
//   reaching        hypotheses with test loss ≤ ε
//   param:<name>    each fitted parameter of the loss model
// Item rows: one per sampled hypothesis (item_id class:<i>:<j>, class, hypothesis, test_loss).
import { num } from '../shared/csvCells';
import { longCsv, robustCiCells } from '../shared/longCsv';
import type { CsvRow } from '../types';
import type { InductiveBiasResult } from './run';

const noTest = { test_ci_low: null, test_ci_high: null, test_ci_level: null, test_ci_method: null, robust_ci_low: null, robust_ci_high: null, robust_ci_level: null, robust_ci_method: null, p_value: null, p_method: null, permutations: null, p_holm: null, p_bh: null };

const metricRows = (r: InductiveBiasResult): CsvRow[] =>
  r.classes.flatMap((c, i) => {
    const scope = `class:${i + 1}:${c.hypothesisClass.kind}`;
    const e = c.estimate;
    const n = e.samples;
    return [
      { scope, metric: 'bits', value: num(e.bits), ...noTest, ...robustCiCells(e.fitInterval, () => 'delta method over the fit'), n },
      { scope, metric: 'empirical_bits', value: num(e.empirical.bits), ...noTest, ...robustCiCells(e.empirical.interval, () => 'Clopper-Pearson over the hypotheses'), n },
      { scope, metric: 'reaching', value: e.empirical.reaching, ...noTest, n },
      ...Object.entries(e.parameters).map(([name, value]) => ({ scope, metric: `param:${name}`, value: num(value), ...noTest, n })),
    ];
  });

export const inductiveBiasCsv = longCsv<InductiveBiasResult>({
  metricRows,
  itemColumns: ['class', 'hypothesis', 'test_loss'],
  itemRows: (r) => r.classes.flatMap((c, i) => c.losses.map((loss, j) => ({ item_id: `class:${i + 1}:${j + 1}`, class: c.label, hypothesis: j + 1, test_loss: num(loss) }))),
});
