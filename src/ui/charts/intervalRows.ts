// The rows an interval chart draws (forest plot, decision contrasts, counterfactual categories …)
// and the axis that holds them. Kept pure and apart from the drawing so that two promises can be
// tested without a browser: the axis covers every finite interval end (no interval is clipped, as
// WEAT 6's once was), and a row's marker is the verdict of the one significance rule
// (core/significance.ts) handed over by the family summary — never a p compared here.
import type { Significance } from '../../core/significance';
import { formatAdaptive } from '../../probes/numberFormat';
import type { ChartTable, TableCell } from './ChartDataTable';

export type Verdict = 'significant' | 'not-significant' | 'none';

export interface IntervalRow {
  /** The row's full name (the test title, the contrast): the table and the class-mode labels show it. */
  name: string;
  value: number;
  /** The interval beside p; ±Infinity marks an unbounded side (drawn to the edge with an arrow). */
  ci: { low: number; high: number } | null;
  /** The stimulus-robust interval, drawn as a thinner second whisker. */
  robust: { low: number; high: number } | null;
  verdict: Verdict;
}

/** The marker of a verdict the family summary (or core's rule) already reached; null: a descriptive number. */
export const verdictOf = (s: Significance | null | undefined): Verdict => (s ? (s.significant ? 'significant' : 'not-significant') : 'none');

/**
 * The axis domain: every value, every finite end of both intervals and the reference values (the
 * null value, 0 for a difference) inside, padded by `pad` of the span on each side so no whisker
 * ends on the frame. Unbounded ends do not stretch the axis (they run to its edge instead).
 */
export function intervalDomain(rows: readonly IntervalRow[], include: readonly number[] = [0], pad = 0.06): [number, number] {
  const xs = [...include];
  for (const r of rows) {
    xs.push(r.value);
    for (const iv of [r.ci, r.robust]) if (iv) xs.push(iv.low, iv.high);
  }
  const finite = xs.filter(Number.isFinite);
  if (!finite.length) return [-1, 1];
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  const span = hi - lo || Math.abs(hi) || 1;
  return [lo - pad * span, hi + pad * span];
}

const bounds = (iv: { low: number; high: number } | null): string => (iv ? intervalBoundsText(iv) : '—');

/** "[0.52, 1.77]", "[0.52, ∞)": an interval's ends as the card prints them. */
export const intervalBoundsText = (iv: { low: number; high: number }): string =>
  `${Number.isFinite(iv.low) ? `[${formatAdaptive(iv.low, 2)}` : '(−∞'}, ${Number.isFinite(iv.high) ? `${formatAdaptive(iv.high, 2)}]` : '∞)'}`;

const VERDICT_TEXT: Record<Verdict, string> = { significant: 'significant', 'not-significant': 'not significant', none: 'no test' };

/** The same rows as a table: name, value, both intervals, verdict, then any columns the chart's summary adds (row by row). */
export function intervalTable(caption: string, valueLabel: string, rows: readonly IntervalRow[], extra?: { columns: readonly string[]; cells: readonly (readonly TableCell[])[] }): ChartTable {
  const robust = rows.some((r) => r.robust);
  return {
    caption,
    columns: ['Name', valueLabel, 'Interval of the test', ...(robust ? ['Stimulus-robust interval'] : []), 'Verdict', ...(extra?.columns ?? [])],
    rows: rows.map((r, i) => [r.name, formatAdaptive(r.value), bounds(r.ci), ...(robust ? [bounds(r.robust)] : []), VERDICT_TEXT[r.verdict], ...(extra?.cells[i] ?? [])]),
  };
}
