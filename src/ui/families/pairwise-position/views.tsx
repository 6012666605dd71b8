// Pairwise judge swaps' screens: stacked consistency bars (all pairs and per category), preference
// fairness and accuracy from core, and the items; the slide is the headline and the bars.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { PairwisePositionResult } from '../../../core/lmRun/types';
import { ChartFrame } from '../../charts/ChartFrame';
import { HeadlineNumbers } from '../shared/HeadlineSlide';
import { ItemsTable } from '../shared/ItemsTable';
import type { FamilyBodyProps, FamilySlideProps } from '../types';
import { consistencyBars } from './consistencyBars';

function ConsistencyBars({ result, fileStem }: { result: PairwisePositionResult; fileStem: string }) {
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
      <ConsistencyBars result={result} fileStem={fileStem} />
    </>
  );
}
