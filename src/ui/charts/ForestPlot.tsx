// Forest plot of the headline numbers of a batch that share one scale (e.g. d of ten WEATs): each
// test's interval (the one that agrees with its p), its stimulus-robust interval where the family
// gives one, and a marker for what the one significance rule (core/significance.ts) decided —
// filled: significant, hollow: not — so the plot and the cards never disagree; the UI holds no α of
// its own. The numbers are also one toggle away as a table.
import { formatP, intervalText } from '../../probes/numberFormat';
import { ChartDataTable } from './ChartDataTable';
import { ChartFrame } from './ChartFrame';
import { forestIntervalRow, type ForestRow } from './forestRows';
import { intervalTable } from './intervalRows';
import { IntervalPlot } from './IntervalPlot';

const shortName = (title: string) => title.split(':')[0]!;
const tests = (n: number) => `${n} ${n === 1 ? 'test' : 'tests'}`;

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
  const points = rows.map(forestIntervalRow);
  const firstCi = rows[0]?.summary.headline.ci;
  const summary =
    `${label} with ${firstCi ? `${Math.round(firstCi.level * 100)}%` : 'no'} intervals for ${tests(rows.length)}: ` +
    rows
      .map((r) => {
        const h = r.summary.headline;
        const s = r.summary.significance;
        return `${shortName(r.title)} ${h.shown}${h.ci ? `, ${intervalText(h.ci)}` : ''}${s ? ` (${s.basis === 'holm' ? 'Holm-adjusted p' : 'p'} = ${formatP(s.p)})` : ''}`;
      })
      .join('; ') +
    `. ${ruleText(rows)}`;
  return (
    <div className="chart-with-table">
      <ChartFrame title="Forest plot of effect sizes" summary={summary} fileStem={`${fileStem}_forest`} large={large}>
        <IntervalPlot rows={points} axisLabel={label} large={large} shortNames />
      </ChartFrame>
      <ChartDataTable table={intervalTable(`${label} of ${tests(rows.length)}`, label, points)} />
    </div>
  );
}
