// Forest plot of d with its bootstrap CI for every test of a batch; the marker shows
// significance after multiple-comparison adjustment (Holm: filled; Benjamini–Hochberg only:
// half-tone; neither: hollow). Adjusted p-values come from the core (pHolm, pBH).
import { Bar, CartesianGrid, ComposedChart, ReferenceLine, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import type { AssociationResult } from '../../core/association/types';
import { formatD, formatP } from '../../state/format';
import { ChartFrame } from './ChartFrame';
import { niceTicks } from './ticks';

const ALPHA = 0.05;

export default function ForestPlot({ results, fileStem, large }: { results: AssociationResult[]; fileStem: string; large?: boolean }) {
  const data = results.map((r, i) => {
    const holm = r.pHolm !== null && r.pHolm < ALPHA;
    const bh = r.pBH !== null && r.pBH < ALPHA;
    const d = r.effectSize as number;
    return {
      name: `${r.title.split(':')[0]}${holm ? ' **' : bh ? ' *' : ''}`,
      y: i,
      d,
      ci: r.ci ? [r.ci.low, r.ci.high] : [d, d],
      sig: holm ? 'holm' : bh ? 'bh' : 'none',
    };
  });
  const lo = Math.min(0, ...data.map((x) => x.ci[0]!));
  const hi = Math.max(0, ...data.map((x) => x.ci[1]!));
  const ticks = niceTicks(lo, hi, 8);
  const holmCount = data.filter((d) => d.sig === 'holm').length;
  const bhCount = data.filter((d) => d.sig !== 'none').length;
  const summary =
    `Effect sizes d with ${results[0]?.ci ? `${Math.round(results[0].ci.level * 100)}% bootstrap` : 'no'} confidence intervals for ${results.length} tests: ` +
    results.map((r) => `${r.title.split(':')[0]} d = ${formatD(r.effectSize, 2)} (Holm p = ${formatP(r.pHolm)})`).join('; ') +
    `. ${holmCount} of ${results.length} significant at α = ${ALPHA} after Holm (**), ${bhCount} after Benjamini–Hochberg (* or **).`;
  const Marker = (props: { cx?: number; cy?: number; payload?: { sig: string } }) => {
    const { cx = 0, cy = 0, payload } = props;
    const sig = payload?.sig;
    return <circle cx={cx} cy={cy} r={large ? 7 : 5} stroke="#1f3b5a" strokeWidth={2} fill={sig === 'holm' ? '#1f3b5a' : sig === 'bh' ? '#8aa4c2' : '#fff'} />;
  };
  return (
    <ChartFrame title="Forest plot of effect sizes" summary={summary} fileStem={`${fileStem}_forest`} large={large}>
      <ResponsiveContainer width="100%" height={Math.max(180, results.length * (large ? 44 : 30) + 60)}>
        <ComposedChart data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 24, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" domain={[ticks[0]! > lo ? lo : ticks[0]!, ticks[ticks.length - 1]! < hi ? hi : ticks[ticks.length - 1]!]} ticks={ticks} tick={{ fontSize: large ? 14 : 11 }} label={{ value: 'effect size d with CI', position: 'insideBottom', offset: -12, fontSize: large ? 14 : 11 }} />
          <YAxis type="category" dataKey="name" width={large ? 140 : 100} tick={{ fontSize: large ? 14 : 11 }} />
          <ReferenceLine x={0} stroke="#555" />
          <Tooltip formatter={(v) => (Array.isArray(v) ? `[${Number(v[0]).toFixed(3)}, ${Number(v[1]).toFixed(3)}]` : typeof v === 'number' ? v.toFixed(3) : String(v))} />
          <Bar dataKey="ci" name="CI" barSize={large ? 5 : 3} fill="#1f3b5a" isAnimationActive={false} />
          <Scatter dataKey="d" name="d" shape={Marker} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
      <p className="legend-text">● significant after Holm (**) · ◐ after Benjamini–Hochberg only (*) · ○ not significant (α = 0.05)</p>
    </ChartFrame>
  );
}
