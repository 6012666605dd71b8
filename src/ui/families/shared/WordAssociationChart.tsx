// Per-word association s(w, A, B) for the words of X and Y, sorted, as horizontal bars coloured
// by set. Large sets show the 30 strongest words at each end (the summary says so). The per-set
// means in the text summary are the family summary's groups (computed in core, not here).
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { AssociationResult } from '../../../core/association/types';
import type { GroupSummary } from '../../../probes/families/types';
import { ChartFrame } from '../../charts/ChartFrame';

export const SET_COLORS = { X: '#1f6fb2', Y: '#c2571a' } as const;

export function WordAssociationChart({ result, groups, fileStem, large }: { result: AssociationResult; groups: readonly GroupSummary[]; fileStem: string; large?: boolean }) {
  const sorted = [...result.items].sort((a, b) => b.association - a.association);
  const shown = sorted.length > 60 ? [...sorted.slice(0, 30), ...sorted.slice(-30)] : sorted;
  const data = shown.map((it) => ({ word: it.word, set: it.set, s: Number(it.association.toFixed(4)) }));
  const top = sorted[0];
  const bottom = sorted[sorted.length - 1];
  const summary =
    `Bar chart of s(w, A, B) = mean cosine with ${result.labels.A} minus mean cosine with ${result.labels.B}, for ${result.items.length} words` +
    `${shown.length < sorted.length ? ` (showing the ${shown.length} most extreme)` : ''}. ` +
    (groups.length ? `${groups.map((g) => `${g.label} average ${g.value.toFixed(3)}`).join(', ')}. ` : '') +
    (top && bottom ? `Most ${result.labels.A}-leaning: “${top.word}” (${top.association.toFixed(3)}); most ${result.labels.B}-leaning: “${bottom.word}” (${bottom.association.toFixed(3)}).` : '');
  const rowH = large ? 22 : 16;
  return (
    <ChartFrame title={`Word associations: ${result.title}`} summary={summary} fileStem={`${fileStem}_words`} large={large}>
      <div className="legend" aria-hidden="true">
        <span><i style={{ background: SET_COLORS.X }} /> {result.labels.X} (X)</span>
        <span><i style={{ background: SET_COLORS.Y }} /> {result.labels.Y} (Y)</span>
        <span className="muted">→ toward {result.labels.A} · ← toward {result.labels.B}</span>
      </div>
      <ResponsiveContainer width="100%" height={Math.max(200, data.length * rowH + 50)}>
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 24, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tick={{ fontSize: large ? 14 : 11 }} label={{ value: 's(w, A, B)', position: 'insideBottom', offset: -12, fontSize: large ? 14 : 11 }} />
          <YAxis type="category" dataKey="word" width={large ? 130 : 100} interval={0} tick={{ fontSize: large ? 14 : 11 }} />
          <ReferenceLine x={0} stroke="#555" />
          <Tooltip formatter={(v) => Number(v).toFixed(4)} />
          <Bar dataKey="s" isAnimationActive={false}>
            {data.map((d, i) => (
              <Cell key={i} fill={SET_COLORS[d.set]} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
