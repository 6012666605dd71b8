// One score per word of two target sets, sorted, as horizontal bars: X's words solid blue, Y's hatched
// vermillion (Okabe–Ito, and a pattern so the sets differ without colour), with the table view beside
// it. Large sets show the 30 strongest words at each end (the caller's summary says so: see
// `wordsShown`). The word charts of the families (s(w, A, B), RIPA…) differ only in the score, its
// axis label and their words, which they pass in.
import { useId } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartDataTable, type ChartTable } from './ChartDataTable';
import { ChartFrame } from './ChartFrame';
import { NEUTRAL, OKABE_ITO } from './palette';

export const SET_COLORS = { X: OKABE_ITO.blue, Y: OKABE_ITO.vermillion } as const;

export interface WordScore {
  word: string;
  set: 'X' | 'Y';
  score: number;
}

/** The words a chart of `items` draws: every word, or the 30 strongest at each end of more than 60. */
export function wordsShown<T extends { score: number }>(items: readonly T[]): { sorted: T[]; shown: T[] } {
  const sorted = [...items].sort((a, b) => b.score - a.score);
  return { sorted, shown: sorted.length > 60 ? [...sorted.slice(0, 30), ...sorted.slice(-30)] : sorted };
}

export function SortedWordBars({
  items,
  setLabels,
  towards,
  axisLabel,
  title,
  summary,
  fileStem,
  table,
  large,
}: {
  items: readonly WordScore[];
  setLabels: { X: string; Y: string };
  /** What a positive and a negative score lean towards, for the legend. */
  towards: { positive: string; negative: string };
  axisLabel: string;
  title: string;
  summary: string;
  fileStem: string;
  table: ChartTable;
  large?: boolean;
}) {
  // one pattern per chart: a page shows many of them, and ids must not repeat
  const hatchId = `hatch-y-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const data = wordsShown(items).shown.map((it) => ({ word: it.word, set: it.set, s: Number(it.score.toFixed(4)) }));
  const font = large ? 20 : 11;
  const rowH = large ? 26 : 16;
  return (
    <div className="chart-with-table">
      <ChartFrame title={title} summary={summary} fileStem={fileStem} large={large}>
        <div className="legend" aria-hidden="true" style={{ fontSize: font }}>
          <span>
            <i style={{ background: SET_COLORS.X }} /> {setLabels.X} (X)
          </span>
          <span>
            <i className="hatched" /> {setLabels.Y} (Y)
          </span>
          <span className="muted">
            → toward {towards.positive} · ← toward {towards.negative}
          </span>
        </div>
        <ResponsiveContainer width="100%" height={Math.max(200, data.length * rowH + 60)}>
          <BarChart data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 28, left: 8 }}>
            <defs>
              <pattern id={hatchId} width={6} height={6} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect width={6} height={6} fill="#fff" />
                <rect width={3} height={6} fill={SET_COLORS.Y} />
              </pattern>
            </defs>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" tick={{ fontSize: font }} label={{ value: axisLabel, position: 'insideBottom', offset: -14, fontSize: font }} />
            <YAxis type="category" dataKey="word" width={large ? 170 : 100} interval={0} tick={{ fontSize: font }} />
            <ReferenceLine x={0} stroke={NEUTRAL} />
            <Tooltip formatter={(v) => Number(v).toFixed(4)} />
            <Bar dataKey="s" isAnimationActive={false} stroke={OKABE_ITO.black} strokeWidth={0.5}>
              {data.map((d, i) => (
                <Cell key={i} fill={d.set === 'X' ? SET_COLORS.X : `url(#${hatchId})`} stroke={SET_COLORS[d.set]} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </ChartFrame>
      <ChartDataTable table={table} />
    </div>
  );
}
