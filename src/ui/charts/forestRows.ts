// Which results of a run share a forest plot: those whose headline is the same quantity (one axis,
// e.g. the d of ten WEATs), when at least two of them are, and at least one has a CI or a verdict.
// Results on different scales are never drawn on one axis. Each becomes an interval row from its
// summary alone: the headline's test interval, its stimulus-robust interval, and the verdict the
// summary carries.
import type { FamilySummary } from '../../probes/families/types';
import { verdictOf, type IntervalRow } from './intervalRows';

export interface ForestRow {
  title: string;
  summary: FamilySummary;
}

export function forestRows(rows: readonly ForestRow[]): ForestRow[] {
  const byLabel = new Map<string, ForestRow[]>();
  for (const r of rows) {
    if (r.summary.headline.noResult !== undefined || !Number.isFinite(r.summary.headline.value)) continue;
    const label = r.summary.headline.label;
    byLabel.set(label, [...(byLabel.get(label) ?? []), r]);
  }
  const plottable = [...byLabel.values()].filter((g) => g.length >= 2 && g.some((r) => r.summary.headline.ci !== null || r.summary.significance !== null));
  // the largest group (a run of one family gives one group)
  return plottable.sort((a, b) => b.length - a.length)[0] ?? [];
}

/** A forest row as the interval chart draws it. */
export function forestIntervalRow({ title, summary }: ForestRow): IntervalRow {
  const h = summary.headline;
  return {
    name: title,
    value: h.value,
    ci: h.ci ? { low: h.ci.low, high: h.ci.high } : null,
    robust: h.robustCi ? { low: h.robustCi.low, high: h.robustCi.high } : null,
    verdict: verdictOf(summary.significance),
  };
}
