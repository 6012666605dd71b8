// Per-word RIPA (mean inner product with the pairs' relation vectors) for the words of X and Y,
// sorted, as horizontal bars: X solid blue, Y hatched vermillion (Okabe–Ito plus a pattern, so the
// sets differ without colour), as the WEAT word chart draws s(w, A, B). Large sets show the 30
// strongest words at each end; the table lists every word with its spread over the pairs.
import { useId } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { RipaResult } from '../../../core/association/ripa';
import type { GroupSummary } from '../../../probes/families/types';
import { ChartDataTable } from '../../charts/ChartDataTable';
import { ChartFrame } from '../../charts/ChartFrame';
import { NEUTRAL, OKABE_ITO } from '../../charts/palette';

const SET_COLORS = { X: OKABE_ITO.blue, Y: OKABE_ITO.vermillion } as const;

export function RipaWordChart({ result, groups, fileStem, large }: { result: RipaResult; groups: readonly GroupSummary[]; fileStem: string; large?: boolean }) {
  const hatchId = `ripa-hatch-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const sorted = [...result.items].sort((a, b) => b.ripa - a.ripa);
  const shown = sorted.length > 60 ? [...sorted.slice(0, 30), ...sorted.slice(-30)] : sorted;
  const data = shown.map((it) => ({ word: it.word, set: it.set, ripa: Number(it.ripa.toFixed(4)) }));
  const top = sorted[0];
  const bottom = sorted[sorted.length - 1];
  const summary =
    `Bar chart of each word's RIPA, its mean inner product with the ${result.pairs.length} relation vector${result.pairs.length === 1 ? '' : 's'} from ${result.labels.second} to ${result.labels.first}, for ${result.items.length} words` +
    `${shown.length < sorted.length ? ` (showing the ${shown.length} most extreme)` : ''}. ` +
    (groups.length ? `${groups.map((g) => `${g.label} average ${g.value.toFixed(3)}`).join(', ')}. ` : '') +
    (top && bottom ? `Furthest towards ${result.labels.first}: “${top.word}” (${top.ripa.toFixed(3)}); towards ${result.labels.second}: “${bottom.word}” (${bottom.ripa.toFixed(3)}).` : '');
  const font = large ? 20 : 11;
  const rowH = large ? 26 : 16;
  return (
    <div className="chart-with-table">
      <ChartFrame title={`Word scores: ${result.title}`} summary={summary} fileStem={`${fileStem}_ripa-words`} large={large}>
        <div className="legend" aria-hidden="true" style={{ fontSize: font }}>
          <span>
            <i style={{ background: SET_COLORS.X }} /> {result.labels.X} (X)
          </span>
          <span>
            <i className="hatched" /> {result.labels.Y} (Y)
          </span>
          <span className="muted">
            → towards {result.labels.first} · ← towards {result.labels.second}
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
            <XAxis type="number" tick={{ fontSize: font }} label={{ value: 'RIPA (w · b)', position: 'insideBottom', offset: -14, fontSize: font }} />
            <YAxis type="category" dataKey="word" width={large ? 170 : 100} interval={0} tick={{ fontSize: font }} />
            <ReferenceLine x={0} stroke={NEUTRAL} />
            <Tooltip formatter={(v) => Number(v).toFixed(4)} />
            <Bar dataKey="ripa" isAnimationActive={false} stroke={OKABE_ITO.black} strokeWidth={0.5}>
              {data.map((d, i) => (
                <Cell key={i} fill={d.set === 'X' ? SET_COLORS.X : `url(#${hatchId})`} stroke={SET_COLORS[d.set]} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </ChartFrame>
      <ChartDataTable
        table={{
          caption: `RIPA of every word of ${result.title}, furthest towards ${result.labels.first} first, with its spread (population SD) over the attribute pairs`,
          columns: ['Word', 'Set', 'RIPA', 'Spread over pairs'],
          rows: sorted.map((it) => [it.word, `${result.labels[it.set]} (${it.set})`, it.ripa.toFixed(4), it.spread.toFixed(4)]),
        }}
      />
    </div>
  );
}
