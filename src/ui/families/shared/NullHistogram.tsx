// The permutation null distribution of the test statistic (histogram kept by the core) with the
// observed statistic marked by a vertical line; its bins are one toggle away as a table.
import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { AssociationResult } from '../../../core/association/types';
import { formatInt, formatP, pMethodText } from '../../../probes/numberFormat';
import { ChartDataTable } from '../../charts/ChartDataTable';
import { ChartFrame } from '../../charts/ChartFrame';
import { NEUTRAL, OKABE_ITO } from '../../charts/palette';
import { niceTicks } from '../../charts/ticks';

export function NullHistogram({ result, fileStem, large }: { result: AssociationResult; fileStem: string; large?: boolean }) {
  const h = result.nullHistogram;
  if (!h || h.counts.length === 0) return <p className="muted">No permutation histogram was kept for this run.</p>;
  const width = (h.max - h.min) / h.counts.length;
  const data = h.counts.map((count, i) => ({ x: Number((h.min + (i + 0.5) * width).toFixed(4)), count }));
  const lo = Math.min(h.min, h.observed) - width;
  const hi = Math.max(h.max, h.observed) + width;
  const ticks = niceTicks(lo, hi);
  const total = h.counts.reduce((a, b) => a + b, 0);
  const summary =
    `Histogram of the test statistic over ${formatInt(total)} re-partitions of ${result.labels.X} ∪ ${result.labels.Y} ` +
    `(from ${h.min.toFixed(3)} to ${h.max.toFixed(3)}). The observed statistic S = ${h.observed.toFixed(3)} is marked; ` +
    `p = ${formatP(result.pValue)} (${pMethodText(result)}).`;
  const font = large ? 20 : 11;
  return (
    <div className="chart-with-table">
      <ChartFrame title={`Permutation null distribution: ${result.title}`} summary={summary} fileStem={`${fileStem}_null`} large={large}>
        <ResponsiveContainer width="100%" height={large ? 360 : 220}>
          <BarChart data={data} margin={{ top: 16, right: 24, bottom: 24, left: 8 }} barCategoryGap={0}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={NEUTRAL} strokeOpacity={0.3} />
            <XAxis type="number" dataKey="x" domain={[lo, hi]} ticks={ticks} tickFormatter={(v: number) => v.toFixed(2)} tick={{ fontSize: font }} label={{ value: 'test statistic S under re-partition', position: 'insideBottom', offset: -12, fontSize: font }} />
            <YAxis tick={{ fontSize: font }} width={48} />
            <Tooltip formatter={(v) => formatInt(Number(v))} labelFormatter={(l) => `S ≈ ${Number(l).toFixed(3)}`} />
            <Bar dataKey="count" fill={OKABE_ITO.skyBlue} isAnimationActive={false} barSize={Math.max(2, Math.floor((large ? 900 : 420) / data.length) - 1)} />
            <ReferenceLine x={h.observed} stroke={OKABE_ITO.vermillion} strokeWidth={2} label={{ value: `observed S = ${h.observed.toFixed(3)}`, position: h.observed > (lo + hi) / 2 ? 'insideTopRight' : 'insideTopLeft', fill: OKABE_ITO.vermillion, fontSize: font }} />
          </BarChart>
        </ResponsiveContainer>
      </ChartFrame>
      <ChartDataTable
        table={{
          caption: `Re-partitions per bin of S (observed S = ${h.observed.toFixed(4)})`,
          columns: ['Bin of S', 'Re-partitions'],
          rows: h.counts.map((count, i) => [`[${(h.min + i * width).toFixed(4)}, ${(h.min + (i + 1) * width).toFixed(4)})`, count]),
        }}
      />
    </div>
  );
}
