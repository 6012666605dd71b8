// The LMS-k lab's two charts: the training loss per epoch (also drawn live during a run from the
// progress messages, so it takes bare points) and the three test accuracies against chance (50%).
// Series differ by shape and dash as well as colour (Okabe–Ito).
import { Bar, BarChart, CartesianGrid, Cell, LabelList, Line, LineChart, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { formatPercent } from '../../../probes/numberFormat';
import type { SimplicityLmsResult } from '../../../probes/families/simplicity-lms/run';
import { ChartDataTable } from '../../charts/ChartDataTable';
import { ChartFrame } from '../../charts/ChartFrame';
import { NEUTRAL, OKABE_ITO } from '../../charts/palette';

export function LossCurveChart({ points, epochs, title, fileStem, large }: { points: readonly { epoch: number; trainLoss: number }[]; epochs: number; title: string; fileStem: string; large?: boolean }) {
  const font = large ? 18 : 11;
  const last = points.at(-1);
  const summary = last
    ? `Line chart of the mean training loss (cross-entropy) per epoch, ${points.length} of ${epochs} epochs: from ${points[0]!.trainLoss.toFixed(4)} after epoch 1 to ${last.trainLoss.toFixed(4)} after epoch ${last.epoch}.`
    : 'Training has not finished an epoch yet.';
  return (
    <div className="chart-with-table">
      <ChartFrame title={title} summary={summary} fileStem={fileStem} large={large}>
        <ResponsiveContainer width="100%" height={large ? 300 : 200}>
          <LineChart data={[...points]} margin={{ top: 12, right: 24, bottom: 24, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke={NEUTRAL} strokeOpacity={0.3} />
            <XAxis type="number" dataKey="epoch" domain={[1, Math.max(2, epochs)]} allowDecimals={false} tick={{ fontSize: font }} label={{ value: 'epoch', position: 'insideBottom', offset: -12, fontSize: font }} />
            <YAxis type="number" domain={[0, 'auto']} tickFormatter={(v: number) => v.toFixed(2)} tick={{ fontSize: font }} width={48} />
            <Line type="monotone" dataKey="trainLoss" stroke={OKABE_ITO.blue} strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </ChartFrame>
      <ChartDataTable table={{ caption: 'Mean training loss per epoch', columns: ['Epoch', 'Training loss'], rows: points.map((p) => [p.epoch, p.trainLoss.toFixed(6)]) }} />
    </div>
  );
}

/** "494 of 1,000 (49.4%)": correct test examples, exact, as the e2e and the CLI can compare them. */
export const accuracyCount = (accuracy: number, n: number): string => `${Math.round(accuracy * n).toLocaleString('en-US')} of ${n.toLocaleString('en-US')} (${formatPercent(accuracy)})`;

export function AccuracyChart({ result: r, fileStem, large }: { result: SimplicityLmsResult; fileStem: string; large?: boolean }) {
  const font = large ? 18 : 11;
  const data = [
    { name: 'clean', label: 'Clean', long: 'Clean test data', value: r.cleanAccuracy, fill: OKABE_ITO.bluishGreen },
    { name: 'linear', label: 'Linear randomised', long: 'Linear coordinate randomised', value: r.linearRandomisedAccuracy, fill: OKABE_ITO.vermillion },
    { name: 'slabs', label: 'Slabs randomised', long: 'Slab coordinates randomised', value: r.slabsRandomisedAccuracy, fill: OKABE_ITO.skyBlue },
  ];
  const summary = `Bar chart of test accuracy on ${r.settings.testSize.toLocaleString('en-US')} examples: ${data.map((d) => `${d.long.toLowerCase()} ${formatPercent(d.value)}`).join(', ')}. Chance (50%) is marked.`;
  return (
    <div className="chart-with-table">
      <ChartFrame title={`Test accuracy: ${r.title}`} summary={summary} fileStem={`${fileStem}_accuracy`} large={large}>
        <ResponsiveContainer width="100%" height={large ? 230 : 190}>
          <BarChart data={data} layout="vertical" margin={{ top: large ? 28 : 20, right: large ? 96 : 64, bottom: 24, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke={NEUTRAL} strokeOpacity={0.3} />
            <XAxis type="number" domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} tickFormatter={(v: number) => `${Math.round(v * 100)}%`} tick={{ fontSize: font }} label={{ value: 'test accuracy', position: 'insideBottom', offset: -12, fontSize: font }} />
            <YAxis type="category" dataKey="label" width={large ? 200 : 120} tick={{ fontSize: font }} />
            <ReferenceLine x={0.5} stroke={NEUTRAL} strokeDasharray="6 4" label={{ value: 'chance', position: 'top', fontSize: font, fill: NEUTRAL }} />
            <Bar dataKey="value" isAnimationActive={false}>
              {data.map((d) => (
                <Cell key={d.name} fill={d.fill} />
              ))}
              <LabelList dataKey="value" position="right" formatter={(v: unknown) => formatPercent(Number(v))} style={{ fontSize: font }} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </ChartFrame>
      <ChartDataTable table={{ caption: 'Test accuracy under each randomisation', columns: ['Test data', 'Correct'], rows: data.map((d) => [d.long, accuracyCount(d.value, r.settings.testSize)]) }} />
    </div>
  );
}
