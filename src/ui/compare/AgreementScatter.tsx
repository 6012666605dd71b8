// One probe's items in two runs: each dot an item at (its value in the reference run, its value in
// the other run), with the y = x line where the two would agree exactly; ρ, r and n in the summary.
import { CartesianGrid, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { ItemAgreement } from '../../core/compare';
import { formatAdaptive } from '../../probes/numberFormat';
import { ChartFrame } from '../charts/ChartFrame';

/** Axis ticks with three significant digits: 0.06, -0.00917. */
const tick = (v: number) => String(Number(v.toPrecision(3)));

const correlation = (x: number | null) => (x === null ? 'not defined' : x.toFixed(3));

export function agreementText(g: ItemAgreement): string {
  return `Spearman ρ = ${correlation(g.spearman)}, Pearson r = ${correlation(g.pearson)}, n = ${g.n}`;
}

export function AgreementScatter(props: { title: string; measure: string; xRun: string; yRun: string; agreement: ItemAgreement; caption: string; fileStem: string }) {
  const { agreement: g } = props;
  const values = g.pairs.flatMap((p) => [p.a, p.b]);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const summary =
    `Scatter of ${props.measure} per item: ${props.xRun} across, ${props.yRun} up, ${g.n} items. ${agreementText(g)}.` +
    (g.onlyA || g.onlyB ? ` Not matched: ${g.onlyA} item(s) only in ${props.xRun}, ${g.onlyB} only in ${props.yRun}.` : '');
  return (
    <ChartFrame title={`Per-item agreement: ${props.title} (${props.measure})`} summary={summary} fileStem={`${props.fileStem}_agreement`} caption={props.caption}>
      <div className="legend" aria-hidden="true">
        <span>
          <i style={{ background: '#1f5fa8' }} /> one item ({props.measure})
        </span>
        <span className="muted">dashed line: the same value in both runs</span>
      </div>
      <ResponsiveContainer width="100%" height={300}>
        <ScatterChart margin={{ top: 8, right: 16, bottom: 28, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" dataKey="a" name={props.xRun} domain={[lo, hi]} tickFormatter={tick} tick={{ fontSize: 11 }} label={{ value: props.xRun, position: 'insideBottom', offset: -16, fontSize: 11 }} />
          <YAxis type="number" dataKey="b" name={props.yRun} domain={[lo, hi]} tickFormatter={tick} tick={{ fontSize: 11 }} width={56} label={{ value: props.yRun, angle: -90, position: 'insideLeft', fontSize: 11 }} />
          {Number.isFinite(lo) && hi > lo && <ReferenceLine segment={[{ x: lo, y: lo }, { x: hi, y: hi }]} stroke="#555" strokeDasharray="4 3" />}
          <Tooltip formatter={(v) => formatAdaptive(Number(v), 4)} labelFormatter={() => ''} />
          <Scatter data={g.pairs} fill="#1f5fa8" isAnimationActive={false} />
        </ScatterChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
