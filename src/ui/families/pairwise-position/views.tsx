// Pairwise judge swaps' screens: stacked consistency bars (all pairs and per category; Okabe–Ito
// colours in a fixed order, named in the legend and one toggle away as a table), preference
// fairness and accuracy from core, and the items; the slide is the headline and the bars.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { PairwisePositionResult } from '../../../core/lmRun/types';
import { ChartDataTable } from '../../charts/ChartDataTable';
import { ChartFrame } from '../../charts/ChartFrame';
import { NEUTRAL, OKABE_ITO } from '../../charts/palette';
import { HeadlineNumbers } from '../shared/HeadlineSlide';
import { ItemsTable } from '../shared/ItemsTable';
import type { FamilyBodyProps, FamilySlideProps } from '../types';
import { consistencyBars } from './consistencyBars';

function ConsistencyBars({ result, fileStem, large }: { result: PairwisePositionResult; fileStem: string; large?: boolean }) {
  const data = consistencyBars(result);
  const s = result.summary;
  const summary = `Of ${s.pairs} pairs judged in both orders: ${s.consistent} consistent, ${s.primacy} preferred the first position both times, ${s.recency} the second, ${s.invalid} invalid.`;
  const font = large ? 20 : 11;
  return (
    <div className="chart-with-table">
      <ChartFrame title="Positional consistency" summary={summary} fileStem={`${fileStem}_consistency`} large={large}>
        <ResponsiveContainer width="100%" height={Math.max(160, data.length * (large ? 48 : 34) + (large ? 110 : 70))}>
          <BarChart data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" allowDecimals={false} tick={{ fontSize: font }} />
            <YAxis type="category" dataKey="name" width={large ? 170 : 110} tick={{ fontSize: font }} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: font }} />
            <Bar dataKey="consistent" stackId="a" fill={OKABE_ITO.bluishGreen} isAnimationActive={false} />
            <Bar dataKey="primacy" stackId="a" fill={OKABE_ITO.vermillion} isAnimationActive={false} />
            <Bar dataKey="recency" stackId="a" fill={OKABE_ITO.skyBlue} isAnimationActive={false} />
            <Bar dataKey="invalid" stackId="a" fill={NEUTRAL} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </ChartFrame>
      <ChartDataTable
        table={{
          caption: 'Pairs by consistency class, all pairs and per category',
          columns: ['Pairs', 'consistent', 'primacy', 'recency', 'invalid'],
          rows: data.map((r) => [r.name, r.consistent, r.primacy, r.recency, r.invalid]),
        }}
      />
    </div>
  );
}

export function Body({ result, fileStem }: FamilyBodyProps<PairwisePositionResult>) {
  return (
    <>
      <ConsistencyBars result={result} fileStem={fileStem} />
      <p className="muted small-text">
        Preference fairness {result.summary.preferenceFairness.toFixed(3)} (−1 = always the first position, +1 = always the second) · accuracy {result.accuracy === null ? '—' : `${(result.accuracy * 100).toFixed(1)}%`}.
      </p>
      <ItemsTable items={result.items} title={result.title} />
    </>
  );
}

export function Slide({ result, summary, fileStem }: FamilySlideProps<PairwisePositionResult>) {
  return (
    <>
      <HeadlineNumbers headline={summary.headline} />
      <ConsistencyBars result={result} fileStem={fileStem} large />
    </>
  );
}
