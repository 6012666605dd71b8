// The body of a counterfactual card (pairs and templates share it): one dot per pair sorted by Δ,
// the mean Δ of all pairs and of each category with their intervals, and the items. Each family
// says how its rows become dots (its points.ts). Both charts have a table view. The overall row's
// marker is the summary's verdict; a category's is the one rule applied to its own sign-flip p
// (core/significance.ts, not adjusted across categories — the chart says so). Every row draws the
// interval of its own sign-flip test beside that p and the pair bootstrap only as the named robust
// interval, both as the family's headline carries them (deltaHeadline), so a row never pairs one
// test's marker with another procedure's interval.
import { CartesianGrid, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { DeltaSummary } from '../../../core/lmRun/types';
import { significanceOf } from '../../../core/significance';
import { deltaHeadline } from '../../../probes/families/shared/deltaSummary';
import type { FamilySummary } from '../../../probes/families/types';
import { formatP } from '../../../probes/numberFormat';
import { ChartDataTable } from '../../charts/ChartDataTable';
import { ChartFrame } from '../../charts/ChartFrame';
import { forestIntervalRow } from '../../charts/forestRows';
import { intervalTable, verdictOf, type IntervalRow } from '../../charts/intervalRows';
import { IntervalPlot } from '../../charts/IntervalPlot';
import { NEUTRAL, OKABE_ITO } from '../../charts/palette';
import { rankByDelta, type DeltaPoint, type RankedPoint } from './deltaPoints';
import { ItemsTable } from './ItemsTable';

function DeltaDotPlot({ points, summary: s, fileStem, large }: { points: readonly DeltaPoint[]; summary: DeltaSummary; fileStem: string; large?: boolean }) {
  const pts = rankByDelta(points);
  const above = pts.filter((p) => p.delta > 0).length;
  const font = large ? 20 : 11;
  const text = `${pts.length} pairs sorted by Δ log-prob (more − less stereotypical); ${above} above zero. Mean Δ ${s.meanDelta.toFixed(3)} (dashed line).`;
  return (
    <div className="chart-with-table">
      <ChartFrame title="Per-pair Δ log-prob" summary={text} fileStem={`${fileStem}_delta`} large={large}>
        <ResponsiveContainer width="100%" height={Math.min(large ? 440 : 520, Math.max(200, pts.length * 9 + 60))}>
          <ScatterChart margin={{ top: 16, right: 24, bottom: 28, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke={NEUTRAL} strokeOpacity={0.3} />
            <XAxis type="number" dataKey="delta" name="Δ" tick={{ fontSize: font }} label={{ value: 'Δ log-prob (more − less stereotypical)', position: 'insideBottom', offset: -14, fontSize: font }} />
            <YAxis type="number" dataKey="rank" name="pair" reversed tick={false} width={16} domain={[0, pts.length + 1]} />
            <ReferenceLine x={0} stroke={NEUTRAL} />
            <ReferenceLine x={s.meanDelta} stroke={OKABE_ITO.vermillion} strokeDasharray="4 3" label={{ value: 'mean', fontSize: font, fill: OKABE_ITO.vermillion, position: 'top' }} />
            <Tooltip
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
            <Scatter data={pts} fill={OKABE_ITO.blue} isAnimationActive={false} />
          </ScatterChart>
        </ResponsiveContainer>
      </ChartFrame>
      <ChartDataTable
        table={{
          caption: 'Δ log-prob of every pair, most negative first',
          columns: ['Pair', 'Category', 'Δ log-prob'],
          rows: pts.map((p) => [p.label, p.category, p.delta.toFixed(4)]),
        }}
      />
    </div>
  );
}

export const categoryRow = (category: string, s: DeltaSummary): IntervalRow => {
  const h = deltaHeadline({ summary: s });
  return {
    name: `${category} (${s.n})`,
    value: s.meanDelta,
    ci: h.ci ? { low: h.ci.low, high: h.ci.high } : null,
    robust: h.robustCi ? { low: h.robustCi.low, high: h.robustCi.high } : null,
    verdict: verdictOf(significanceOf(s.signFlip.pValue)),
  };
};

function CategoryIntervals({ result, summary, fileStem, large }: { result: CounterfactualLike; summary: FamilySummary; fileStem: string; large?: boolean }) {
  const rows = [forestIntervalRow({ title: `All pairs (${result.summary.n})`, summary }), ...(result.byCategory.length > 1 ? result.byCategory.map((c) => categoryRow(c.category, c.summary)) : [])];
  const label = 'Mean Δ log-prob';
  const text =
    `Mean Δ log-prob of all pairs${rows.length > 1 ? ' and of each category' : ''}, with intervals. ` +
    result.byCategory
      .filter(() => rows.length > 1)
      .map((c) => `${c.category}: ${c.summary.meanDelta.toFixed(3)}, ${Math.round(c.summary.pctStereotype * 100)}% stereotypical higher, sign-flip p = ${formatP(c.summary.signFlip.pValue)}`)
      .join('; ') +
    (rows.length > 1 ? '. Category markers compare each category’s own p with α, without adjustment across categories.' : '');
  return (
    <div className="chart-with-table">
      <ChartFrame title={rows.length > 1 ? 'Mean Δ by category' : 'Mean Δ with its intervals'} summary={text} fileStem={`${fileStem}_categories`} large={large}>
        <IntervalPlot rows={rows} axisLabel={label} large={large} />
      </ChartFrame>
      <ChartDataTable
        table={intervalTable('Mean Δ log-prob by category', label, rows, {
          columns: ['% stereotypical higher', 'sign-flip p'],
          cells: [result.summary, ...(rows.length > 1 ? result.byCategory.map((c) => c.summary) : [])].map((s) => [`${(s.pctStereotype * 100).toFixed(1)}%`, formatP(s.signFlip.pValue)]),
        })}
      />
    </div>
  );
}

export interface CounterfactualLike {
  title: string;
  summary: DeltaSummary;
  byCategory: readonly { category: string; summary: DeltaSummary }[];
  items: readonly object[];
}

interface CounterfactualViewProps {
  result: CounterfactualLike;
  summary: FamilySummary;
  points: readonly DeltaPoint[];
  fileStem: string;
}

export function CounterfactualBody({ result, summary, points, fileStem }: CounterfactualViewProps) {
  return (
    <>
      <CategoryIntervals result={result} summary={summary} fileStem={fileStem} />
      <DeltaDotPlot points={points} summary={result.summary} fileStem={fileStem} />
      <ItemsTable items={result.items} title={result.title} />
    </>
  );
}

export function CounterfactualSlideChart({ result, summary, fileStem }: Omit<CounterfactualViewProps, 'points'>) {
  return <CategoryIntervals result={result} summary={summary} fileStem={fileStem} large />;
}
