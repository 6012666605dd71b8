// The Likelihood Bias of each axis (percent of its comparisons with p < 0.05) on one axis from 0 to
// 100 with 5% — what chance gives — marked, and a table beside it with the counts and each axis's
// highest and lowest median descriptors. No intervals and no verdict marker: the numbers count tests.
import { ChartDataTable } from '../../charts/ChartDataTable';
import { ChartFrame } from '../../charts/ChartFrame';
import { IntervalPlot } from '../../charts/IntervalPlot';
import type { IntervalRow } from '../../charts/intervalRows';
import type { HolisticBiasResult } from '../../../probes/families/holistic-bias/result';
import { extremesText } from '../../../probes/families/holistic-bias/summary';

const pct = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(1)}%`);

export function HolisticBiasChart({ result: r, fileStem, large }: { result: HolisticBiasResult; fileStem: string; large?: boolean }) {
  const rows: IntervalRow[] = r.axes.flatMap((a) => (a.likelihoodBias === null ? [] : [{ name: a.axis, value: 100 * a.likelihoodBias, ci: null, robust: null, verdict: 'none' as const }]));
  const summary = `Likelihood Bias by axis, the percentage of (template, descriptor pair) comparisons with p < 0.05 (the dashed line, 5%, is what chance gives): ${r.axes.map((a) => `${a.axis} ${pct(a.likelihoodBias)}`).join(', ')}.`;
  return (
    <div className="chart-with-table">
      {rows.length > 0 && (
        <ChartFrame title={`Likelihood Bias by axis: ${r.title}`} summary={summary} fileStem={`${fileStem}_holistic-bias`} large={large}>
          <IntervalPlot rows={rows} axisLabel="% of pairs with p < 0.05" nullValue={5} include={[0, 100]} large={large} />
        </ChartFrame>
      )}
      <ChartDataTable
        table={{
          caption: `Likelihood Bias of ${r.title} by axis (Smith et al. 2022), with the descriptors of highest and lowest median log-probability per token`,
          columns: ['Axis', 'Descriptors', 'Sentences', 'Comparisons', 'p < 0.05', 'Likelihood Bias', 'Highest and lowest medians'],
          rows: r.axes.map((a) => [a.axis, a.descriptors, a.sentences, a.comparisons, a.significant, pct(a.likelihoodBias), extremesText(a)]),
        }}
      />
    </div>
  );
}
