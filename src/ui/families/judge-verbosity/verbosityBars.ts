// The stacked bars' rows: items by what decided them (length: padded or short both times; order:
// first or second both times; a tie), over all items and per category, as core counted them (a
// reshaping for the chart, no arithmetic).
import type { JudgeVerbosityResult } from '../../../core/lmRun/judgeVerbosity';

export interface VerbosityRow {
  name: string;
  padded: number;
  short: number;
  first: number;
  second: number;
  tie: number;
}

export function verbosityBars(r: Pick<JudgeVerbosityResult, 'summary' | 'byCategory'>): VerbosityRow[] {
  const row = (name: string, s: JudgeVerbosityResult['summary']): VerbosityRow => ({ name, padded: s.padded, short: s.short, first: s.first, second: s.second, tie: s.tie });
  return [row('All items', r.summary), ...r.byCategory.map((c) => row(c.category, c.summary))];
}
