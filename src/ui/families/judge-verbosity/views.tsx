// Judge verbosity's screens: the 2×2 of the two orders' verdicts (padded won with the padded answer
// first × padded won with it second: the diagonal is length, the off-diagonal is position), stacked
// bars of the same classes over all items and per category (Okabe–Ito colours in a fixed order, named
// in the legend and one toggle away as a table), and the items; the slide is the headline and bars.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { JudgeVerbosityResult } from '../../../core/lmRun/judgeVerbosity';
import { ChartDataTable } from '../../charts/ChartDataTable';
import { ChartFrame } from '../../charts/ChartFrame';
import { NEUTRAL, OKABE_ITO } from '../../charts/palette';
import { HeadlineNumbers } from '../shared/HeadlineSlide';
import { ItemsTable } from '../shared/ItemsTable';
import type { FamilyBodyProps, FamilySlideProps } from '../types';
import { verbosityBars } from './verbosityBars';

const SERIES = [
  { key: 'padded', name: 'padded both orders (length)', fill: OKABE_ITO.orange },
  { key: 'short', name: 'short both orders (length)', fill: OKABE_ITO.blue },
  { key: 'first', name: 'first shown both orders (order)', fill: OKABE_ITO.vermillion },
  { key: 'second', name: 'second shown both orders (order)', fill: OKABE_ITO.skyBlue },
  { key: 'tie', name: 'tie', fill: NEUTRAL },
] as const;

function VerbosityBars({ result, fileStem, large }: { result: JudgeVerbosityResult; fileStem: string; large?: boolean }) {
  const data = verbosityBars(result);
  const s = result.summary;
  const summary = `Of ${s.items} answers judged against their padded form in both orders: length decided ${s.padded + s.short} (padded ${s.padded}, short ${s.short}), order decided ${s.first + s.second} (first ${s.first}, second ${s.second}), ${s.tie} tied.`;
  const font = large ? 20 : 11;
  return (
    <div className="chart-with-table">
      <ChartFrame title="What decided each verdict pair" summary={summary} fileStem={`${fileStem}_verbosity`} large={large}>
        <ResponsiveContainer width="100%" height={Math.max(160, data.length * (large ? 48 : 34) + (large ? 130 : 90))}>
          <BarChart data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" allowDecimals={false} tick={{ fontSize: font }} />
            <YAxis type="category" dataKey="name" width={large ? 170 : 110} tick={{ fontSize: font }} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: font }} />
            {SERIES.map((series) => (
              <Bar key={series.key} dataKey={series.key} name={series.name} stackId="a" fill={series.fill} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </ChartFrame>
      <ChartDataTable
        table={{
          caption: 'Answers by what decided the two verdicts, all items and per category',
          columns: ['Items', ...SERIES.map((series) => series.name)],
          rows: data.map((r) => [r.name, r.padded, r.short, r.first, r.second, r.tie]),
        }}
      />
    </div>
  );
}

/** The paired 2×2 (ties aside): rows the verdict with the padded answer shown first, columns with it shown second. */
function PairedTable({ result }: { result: JudgeVerbosityResult }) {
  const s = result.summary;
  return (
    <table className="compact">
      <caption>Which answer won in each order ({s.tie} tied item{s.tie === 1 ? '' : 's'} left out)</caption>
      <thead>
        <tr>
          <th scope="col">Padded shown first ↓ · padded shown second →</th>
          <th scope="col">padded won</th>
          <th scope="col">short won</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">padded won</th>
          <td>{s.padded} (length)</td>
          <td>{s.first} (first position)</td>
        </tr>
        <tr>
          <th scope="row">short won</th>
          <td>{s.second} (second position)</td>
          <td>{s.short} (length)</td>
        </tr>
      </tbody>
    </table>
  );
}

export function Body({ result, fileStem }: FamilyBodyProps<JudgeVerbosityResult>) {
  return (
    <>
      <VerbosityBars result={result} fileStem={fileStem} />
      <PairedTable result={result} />
      <p className="muted small-text">
        Padding rule: “{result.paddingTemplate}” (items may give their own padded answer). Length is tested on the diagonal, order on the other two cells (McNemar).
      </p>
      <ItemsTable items={result.items} title={result.title} />
    </>
  );
}

export function Slide({ result, summary, fileStem }: FamilySlideProps<JudgeVerbosityResult>) {
  return (
    <>
      <HeadlineNumbers headline={summary.headline} />
      <VerbosityBars result={result} fileStem={fileStem} large />
    </>
  );
}
