// Chart data for LM results: reshaping of per-item rows the core produced (sorting, tallying which
// option was chosen where) into what the charts plot. No statistics here: rates and CIs come from
// src/core; these are display counts.
import type { CounterfactualPairsResult, CounterfactualTemplateResult, McqPositionResult, PairwisePositionResult } from '../core/lmRun/types';

export interface DeltaPoint {
  id: string;
  label: string;
  category: string;
  delta: number;
  rank: number;
}

/** One dot per pair, sorted by Δ (most negative first). */
export function deltaPoints(r: CounterfactualPairsResult | CounterfactualTemplateResult): DeltaPoint[] {
  const rows =
    r.kind === 'counterfactual-pairs'
      ? r.items.map((i) => ({ id: i.id, label: `${i.more} / ${i.less}`, category: i.category ?? 'all', delta: i.delta }))
      : r.items.map((i) => ({ id: i.id, label: `${i.moreTerm} / ${i.lessTerm}`, category: i.moreGroup, delta: i.delta }));
  return rows.sort((a, b) => a.delta - b.delta).map((x, rank) => ({ ...x, rank: rank + 1 }));
}

/**
 * Position × option: cell [p][o] = how often option o (canonical index) was chosen when shown at
 * position p, out of the presentations that showed it there.
 */
export function positionOptionMatrix(r: McqPositionResult): { chosen: number[][]; shown: number[][] } {
  const k = r.options;
  const chosen = Array.from({ length: k }, () => Array<number>(k).fill(0));
  const shown = Array.from({ length: k }, () => Array<number>(k).fill(0));
  for (const it of r.items) {
    it.order.forEach((o, p) => {
      shown[p]![o]!++;
      if (it.chosen === p) chosen[p]![o]!++;
    });
  }
  return { chosen, shown };
}

/** Consistency classes overall and per category, for stacked bars. */
export function consistencyBars(r: PairwisePositionResult) {
  const row = (name: string, s: PairwisePositionResult['summary']) => ({ name, consistent: s.consistent, primacy: s.primacy, recency: s.recency, invalid: s.invalid });
  return [row('All pairs', r.summary), ...r.byCategory.map((c) => row(c.category, c.summary))];
}
