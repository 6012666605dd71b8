// Forest plot of the headline numbers of a batch that share one scale (e.g. d of ten WEATs) with
// their CIs. The marker says what the one significance rule (core/significance.ts) decided for each
// test — filled: significant, hollow: not — so the plot and the cards never disagree; the UI holds
// no α of its own.
import { Bar, CartesianGrid, ComposedChart, ReferenceLine, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import { formatP } from '../../probes/numberFormat';
import { ChartFrame } from './ChartFrame';
import type { ForestRow } from './forestRows';
import { niceTicks } from './ticks';

const shortName = (title: string) => title.split(':')[0]!;

/** How the batch's verdicts were reached, for the chart's text summary. */
function ruleText(rows: readonly ForestRow[]): string {
  const verdicts = rows.map((r) => r.summary.significance).filter((s) => s !== null);
  if (!verdicts.length) return 'No test of these has a p-value.';
  const significant = verdicts.filter((s) => s.significant).length;
  const basis = verdicts.every((s) => s.basis === 'holm') ? ' after Holm adjustment across the batch' : verdicts.every((s) => s.basis === 'raw') ? ', each by its own p' : ' (Holm-adjusted where the batch was adjusted)';
  return `${significant} of ${verdicts.length} significant at α = ${verdicts[0]!.alpha}${basis}.`;
}

export default function ForestPlot({ rows, fileStem, large }: { rows: readonly ForestRow[]; fileStem: string; large?: boolean }) {
  const label = rows[0]?.summary.headline.label ?? '';
  const data = rows.map((r, i) => {
    const h = r.summary.headline;
    return { name: shortName(r.title), y: i, value: h.value, ci: h.ci ? [h.ci.low, h.ci.high] : [h.value, h.value], significant: r.summary.significance?.significant ?? false };
  });
  const lo = Math.min(0, ...data.map((x) => x.ci[0]!));
  const hi = Math.max(0, ...data.map((x) => x.ci[1]!));
  const ticks = niceTicks(lo, hi, 8);
  const firstCi = rows[0]?.summary.headline.ci;
  const summary =
    `${label} with ${firstCi ? `${Math.round(firstCi.level * 100)}%` : 'no'} confidence intervals for ${rows.length} tests: ` +
    rows
      .map((r) => {
        const s = r.summary.significance;
        return `${shortName(r.title)} ${r.summary.headline.shown}${s ? ` (${s.basis === 'holm' ? 'Holm-adjusted p' : 'p'} = ${formatP(s.p)})` : ''}`;
      })
      .join('; ') +
    `. ${ruleText(rows)}`;
  const Marker = (props: { cx?: number; cy?: number; payload?: { significant: boolean } }) => {
    const { cx = 0, cy = 0, payload } = props;
    return <circle cx={cx} cy={cy} r={large ? 7 : 5} stroke="#1f3b5a" strokeWidth={2} fill={payload?.significant ? '#1f3b5a' : '#fff'} />;
  };
  return (
    <ChartFrame title="Forest plot of effect sizes" summary={summary} fileStem={`${fileStem}_forest`} large={large}>
      <ResponsiveContainer width="100%" height={Math.max(180, rows.length * (large ? 44 : 30) + 60)}>
        <ComposedChart data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 24, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" domain={[ticks[0]! > lo ? lo : ticks[0]!, ticks[ticks.length - 1]! < hi ? hi : ticks[ticks.length - 1]!]} ticks={ticks} tick={{ fontSize: large ? 14 : 11 }} label={{ value: `${label} with CI`, position: 'insideBottom', offset: -12, fontSize: large ? 14 : 11 }} />
          <YAxis type="category" dataKey="name" width={large ? 140 : 100} tick={{ fontSize: large ? 14 : 11 }} />
          <ReferenceLine x={0} stroke="#555" />
          <Tooltip formatter={(v) => (Array.isArray(v) ? `[${Number(v[0]).toFixed(3)}, ${Number(v[1]).toFixed(3)}]` : typeof v === 'number' ? v.toFixed(3) : String(v))} />
          <Bar dataKey="ci" name="CI" barSize={large ? 5 : 3} fill="#1f3b5a" isAnimationActive={false} />
          <Scatter dataKey="value" name={label} shape={Marker} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
      <p className="legend-text">● significant · ○ not significant (the rule each card states)</p>
    </ChartFrame>
  );
}
