// The stacked bars' rows: the judge's consistency classes over all pairs and per category, as core
// counted them (a reshaping for the chart, no arithmetic).
import type { PairwisePositionResult } from '../../../core/lmRun/types';

export interface ConsistencyRow {
  name: string;
  consistent: number;
  primacy: number;
  recency: number;
  invalid: number;
}

export function consistencyBars(r: Pick<PairwisePositionResult, 'summary' | 'byCategory'>): ConsistencyRow[] {
  const row = (name: string, s: PairwisePositionResult['summary']): ConsistencyRow => ({ name, consistent: s.consistent, primacy: s.primacy, recency: s.recency, invalid: s.invalid });
  return [row('All pairs', r.summary), ...r.byCategory.map((c) => row(c.category, c.summary))];
}
