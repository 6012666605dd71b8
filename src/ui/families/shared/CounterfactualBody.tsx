// The body of a counterfactual card (pairs and templates share it): one dot per pair sorted by Δ,
// the per-category table, and the items. Each family says how its rows become dots (its points.ts).
import { CartesianGrid, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { DeltaSummary } from '../../../core/lmRun/types';
import { formatD, formatP } from '../../../probes/numberFormat';
import { ChartFrame } from '../../charts/ChartFrame';
import { rankByDelta, type DeltaPoint, type RankedPoint } from './deltaPoints';
import { ItemsTable } from './ItemsTable';

function DeltaDotPlot({ points, summary: s, fileStem }: { points: readonly DeltaPoint[]; summary: DeltaSummary; fileStem: string }) {
  const pts = rankByDelta(points);
  const above = pts.filter((p) => p.delta > 0).length;
  const text = `${pts.length} pairs sorted by Δ log-prob (more − less stereotypical); ${above} above zero. Mean Δ ${s.meanDelta.toFixed(3)}${s.ci ? `, ${Math.round(s.ci.level * 100)}% CI [${s.ci.low.toFixed(2)}, ${s.ci.high.toFixed(2)}]` : ''}.`;
  return (
    <ChartFrame title="Per-pair Δ log-prob" summary={text} fileStem={`${fileStem}_delta`}>
      <ResponsiveContainer width="100%" height={Math.min(520, Math.max(200, pts.length * 9 + 60))}>
        <ScatterChart margin={{ top: 8, right: 24, bottom: 24, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" dataKey="delta" name="Δ" tick={{ fontSize: 11 }} label={{ value: 'Δ log-prob (more − less stereotypical)', position: 'insideBottom', offset: -12, fontSize: 11 }} />
          <YAxis type="number" dataKey="rank" name="pair" reversed tick={false} width={16} domain={[0, pts.length + 1]} />
          <ReferenceLine x={0} stroke="#555" />
          {s.ci && <ReferenceLine x={s.meanDelta} stroke="#b5542d" strokeDasharray="4 3" label={{ value: 'mean', fontSize: 10, fill: '#b5542d', position: 'top' }} />}
          <Tooltip
            formatter={(v) => (typeof v === 'number' ? v.toFixed(3) : String(v))}
            labelFormatter={() => ''}
            content={({ payload }) => {
              const p = payload?.[0]?.payload as RankedPoint | undefined;
              return p ? (
                <div className="tooltip">
                  {p.label}
                  <br />Δ = {p.delta.toFixed(3)} ({p.category})
                </div>
              ) : null;
            }}
          />
          <Scatter data={pts} fill="#1f3b5a" isAnimationActive={false} />
        </ScatterChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

function ByCategoryTable({ byCategory }: { byCategory: readonly { category: string; summary: DeltaSummary }[] }) {
  if (byCategory.length <= 1) return null;
  return (
    <div className="table-wide">
      <table className="compact">
        <caption>By category</caption>
        <thead>
          <tr>
            <th scope="col">Category</th>
            <th scope="col">Pairs</th>
            <th scope="col">% stereotypical higher</th>
            <th scope="col">Mean Δ [CI]</th>
            <th scope="col">sign-flip p</th>
          </tr>
        </thead>
        <tbody>
          {byCategory.map((c) => (
            <tr key={c.category}>
              <th scope="row">{c.category}</th>
              <td>{c.summary.n}</td>
              <td>{(c.summary.pctStereotype * 100).toFixed(1)}%</td>
              <td>
                {formatD(c.summary.meanDelta)} {c.summary.ci ? `[${formatD(c.summary.ci.low, 2)}, ${formatD(c.summary.ci.high, 2)}]` : ''}
              </td>
              <td>{formatP(c.summary.signFlip.pValue)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export interface CounterfactualLike {
  title: string;
  summary: DeltaSummary;
  byCategory: readonly { category: string; summary: DeltaSummary }[];
  items: readonly object[];
}

export function CounterfactualBody({ result, points, fileStem }: { result: CounterfactualLike; points: readonly DeltaPoint[]; fileStem: string }) {
  return (
    <>
      <DeltaDotPlot points={points} summary={result.summary} fileStem={fileStem} />
      <ByCategoryTable byCategory={result.byCategory} />
      <ItemsTable items={result.items} title={result.title} />
    </>
  );
}

export function CounterfactualSlideChart({ result, points, fileStem }: { result: CounterfactualLike; points: readonly DeltaPoint[]; fileStem: string }) {
  return <DeltaDotPlot points={points} summary={result.summary} fileStem={fileStem} />;
}
