// Charts of LM results (a lazy chunk with recharts): per-pair Δ dot plot (counterfactual), the
// position × option heatmap (MCQ position swaps), consistency bars (pairwise judge). Each sits in
// the shared ChartFrame: caption, text summary for screen readers, PNG/SVG download.
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { CounterfactualPairsResult, CounterfactualTemplateResult, McqPositionResult, PairwisePositionResult } from '../../core/lmRun/types';
import { consistencyBars, deltaPoints, positionOptionMatrix } from '../../state/lmCharts';
import { ChartFrame } from '../charts/ChartFrame';

export function DeltaDotPlot({ result, fileStem }: { result: CounterfactualPairsResult | CounterfactualTemplateResult; fileStem: string }) {
  const pts = deltaPoints(result);
  const s = result.summary;
  const above = pts.filter((p) => p.delta > 0).length;
  const summary = `${pts.length} pairs sorted by Δ log-prob (more − less stereotypical); ${above} above zero. Mean Δ ${s.meanDelta.toFixed(3)}${s.ci ? `, ${Math.round(s.ci.level * 100)}% CI [${s.ci.low.toFixed(2)}, ${s.ci.high.toFixed(2)}]` : ''}.`;
  return (
    <ChartFrame title="Per-pair Δ log-prob" summary={summary} fileStem={`${fileStem}_delta`}>
      <ResponsiveContainer width="100%" height={Math.min(520, Math.max(200, pts.length * 9 + 60))}>
        <ScatterChart margin={{ top: 8, right: 24, bottom: 24, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" dataKey="delta" name="Δ" tick={{ fontSize: 11 }} label={{ value: 'Δ log-prob (more − less stereotypical)', position: 'insideBottom', offset: -12, fontSize: 11 }} />
          <YAxis type="number" dataKey="rank" name="pair" reversed tick={false} width={16} domain={[0, pts.length + 1]} />
          <ReferenceLine x={0} stroke="#555" />
          {s.ci && <ReferenceLine x={s.meanDelta} stroke="#b5542d" strokeDasharray="4 3" label={{ value: 'mean', fontSize: 10, fill: '#b5542d', position: 'top' }} />}
          <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(3) : String(v))} labelFormatter={() => ''} content={({ payload }) => {
            const p = payload?.[0]?.payload as (typeof pts)[number] | undefined;
            return p ? <div className="tooltip">{p.label}<br />Δ = {p.delta.toFixed(3)} ({p.category})</div> : null;
          }} />
          <Scatter data={pts} fill="#1f3b5a" isAnimationActive={false} />
        </ScatterChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

export function PositionHeatmap({ result, fileStem }: { result: McqPositionResult; fileStem: string }) {
  const { chosen, shown } = positionOptionMatrix(result);
  const k = result.options;
  const summary = `How often each option (by its canonical letter) was chosen when shown at each position, over ${result.presentations} presentations of ${result.questions} questions. Choice rate by position: ${result.choiceRate.map((x, i) => `${result.labels[i]} ${(x * 100).toFixed(1)}%`).join(', ')}.`;
  return (
    <ChartFrame title="Position × option heatmap" summary={summary} fileStem={`${fileStem}_heatmap`}>
      <table className="heatmap">
        <thead>
          <tr>
            <th scope="col">shown at ↓ / option →</th>
            {Array.from({ length: k }, (_, o) => (
              <th key={o} scope="col">option {o + 1}</th>
            ))}
            <th scope="col">choice rate</th>
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: k }, (_, p) => (
            <tr key={p}>
              <th scope="row">position {result.labels[p]}</th>
              {Array.from({ length: k }, (_, o) => {
                const rate = shown[p]![o]! ? chosen[p]![o]! / shown[p]![o]! : 0;
                return (
                  <td key={o} style={{ background: `rgba(31, 59, 90, ${rate.toFixed(3)})`, color: rate > 0.5 ? '#fff' : '#111' }}>
                    {(rate * 100).toFixed(0)}%
                  </td>
                );
              })}
              <td>{((result.choiceRate[p] ?? 0) * 100).toFixed(1)}%</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ChartFrame>
  );
}

export function ConsistencyBars({ result, fileStem }: { result: PairwisePositionResult; fileStem: string }) {
  const data = consistencyBars(result);
  const s = result.summary;
  const summary = `Of ${s.pairs} pairs judged in both orders: ${s.consistent} consistent, ${s.primacy} preferred the first position both times, ${s.recency} the second, ${s.invalid} invalid.`;
  return (
    <ChartFrame title="Positional consistency" summary={summary} fileStem={`${fileStem}_consistency`}>
      <ResponsiveContainer width="100%" height={Math.max(160, data.length * 34 + 70)}>
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11 }} />
          <YAxis type="category" dataKey="name" width={110} tick={{ fontSize: 11 }} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          <Bar dataKey="consistent" stackId="a" fill="#2e7d4f" isAnimationActive={false} />
          <Bar dataKey="primacy" stackId="a" fill="#b5542d" isAnimationActive={false} />
          <Bar dataKey="recency" stackId="a" fill="#d9a441" isAnimationActive={false} />
          <Bar dataKey="invalid" stackId="a" fill="#999" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
