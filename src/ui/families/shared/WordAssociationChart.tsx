// Per-word association s(w, A, B) for the words of X and Y, sorted, as horizontal bars: X words solid
// blue, Y words hatched vermillion (Okabe–Ito, and a pattern so the sets differ without colour).
// Large sets show the 30 strongest words at each end (the summary says so); the table view lists
// every word. The per-set means in the text summary are the family summary's groups (computed in
// core, not here).
import { useId } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { AssociationResult } from '../../../core/association/types';
import type { GroupSummary } from '../../../probes/families/types';
import { ChartDataTable } from '../../charts/ChartDataTable';
import { ChartFrame } from '../../charts/ChartFrame';
import { NEUTRAL, OKABE_ITO } from '../../charts/palette';

export const SET_COLORS = { X: OKABE_ITO.blue, Y: OKABE_ITO.vermillion } as const;

/** What s(w, A, B) is on word vectors; a family whose association is another quantity passes its own `measure`. */
export const cosineMeasure = (r: AssociationResult): string => `mean cosine with ${r.labels.A} minus mean cosine with ${r.labels.B}`;

export function WordAssociationChart({
  result,
  groups,
  fileStem,
  large,
  measure = cosineMeasure,
}: {
  result: AssociationResult;
  groups: readonly GroupSummary[];
  fileStem: string;
  large?: boolean;
  /** What s(w, A, B) is, in words (default: cosines). */
  measure?: (r: AssociationResult) => string;
}) {
  // one pattern per chart: a page shows many of them, and ids must not repeat
  const hatchId = `hatch-y-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const fillOf = (set: 'X' | 'Y') => (set === 'X' ? SET_COLORS.X : `url(#${hatchId})`);
  const sorted = [...result.items].sort((a, b) => b.association - a.association);
  const shown = sorted.length > 60 ? [...sorted.slice(0, 30), ...sorted.slice(-30)] : sorted;
  const data = shown.map((it) => ({ word: it.word, set: it.set, s: Number(it.association.toFixed(4)) }));
  const top = sorted[0];
  const bottom = sorted[sorted.length - 1];
  const summary =
    `Bar chart of s(w, A, B) = ${measure(result)}, for ${result.items.length} words` +
    `${shown.length < sorted.length ? ` (showing the ${shown.length} most extreme)` : ''}. ` +
    (groups.length ? `${groups.map((g) => `${g.label} average ${g.value.toFixed(3)}`).join(', ')}. ` : '') +
    (top && bottom ? `Most ${result.labels.A}-leaning: “${top.word}” (${top.association.toFixed(3)}); most ${result.labels.B}-leaning: “${bottom.word}” (${bottom.association.toFixed(3)}).` : '');
  const font = large ? 20 : 11;
  const rowH = large ? 26 : 16;
  return (
    <div className="chart-with-table">
      <ChartFrame title={`Word associations: ${result.title}`} summary={summary} fileStem={`${fileStem}_words`} large={large}>
        <div className="legend" aria-hidden="true" style={{ fontSize: font }}>
          <span>
            <i style={{ background: SET_COLORS.X }} /> {result.labels.X} (X)
          </span>
          <span>
            <i className="hatched" /> {result.labels.Y} (Y)
          </span>
          <span className="muted">
            → toward {result.labels.A} · ← toward {result.labels.B}
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
            <XAxis type="number" tick={{ fontSize: font }} label={{ value: 's(w, A, B)', position: 'insideBottom', offset: -14, fontSize: font }} />
            <YAxis type="category" dataKey="word" width={large ? 170 : 100} interval={0} tick={{ fontSize: font }} />
            <ReferenceLine x={0} stroke={NEUTRAL} />
            <Tooltip formatter={(v) => Number(v).toFixed(4)} />
            <Bar dataKey="s" isAnimationActive={false} stroke={OKABE_ITO.black} strokeWidth={0.5}>
              {data.map((d, i) => (
                <Cell key={i} fill={fillOf(d.set)} stroke={SET_COLORS[d.set]} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </ChartFrame>
      <ChartDataTable
        table={{
          caption: `s(w, A, B) of every word of ${result.title}, strongest toward ${result.labels.A} first`,
          columns: ['Word', 'Set', 's(w, A, B)'],
          rows: sorted.map((it) => [it.word, `${result.labels[it.set]} (${it.set})`, it.association.toFixed(4)]),
        }}
      />
    </div>
  );
}
