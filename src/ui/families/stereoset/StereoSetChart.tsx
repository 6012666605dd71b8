// SS per bias type and overall on one axis with 50 (no preference) marked, LMS and ICAT in the table
// beside it: the three numbers the paper tabulates, drawn from the result alone. No intervals (the
// paper gives none) and no verdict marker (the numbers are descriptive).
import { ChartDataTable } from '../../charts/ChartDataTable';
import { ChartFrame } from '../../charts/ChartFrame';
import { IntervalPlot } from '../../charts/IntervalPlot';
import type { IntervalRow } from '../../charts/intervalRows';
import type { StereoSetResult } from '../../../core/benchmarks/stereoSetResult';

export function StereoSetChart({ result: r, fileStem, large }: { result: StereoSetResult; fileStem: string; large?: boolean }) {
  const scopes = [...r.byType.map((t) => ({ name: t.biasType, s: t })), { name: 'All bias types', s: r.overall }];
  const rows: IntervalRow[] = scopes.map(({ name, s }) => ({ name, value: s.ss, ci: null, robust: null, verdict: 'none' }));
  const summary = `Stereotype score SS per bias type (50 = no preference, dashed): ${scopes.map(({ name, s }) => `${name} ${s.ss.toFixed(1)}`).join(', ')}. LMS and ICAT are in the table.`;
  return (
    <div className="chart-with-table">
      <ChartFrame title={`Stereotype score by bias type: ${r.title}`} summary={summary} fileStem={`${fileStem}_stereoset`} large={large}>
        <IntervalPlot rows={rows} axisLabel="SS (0–100)" nullValue={50} include={[0, 100]} large={large} />
      </ChartFrame>
      <ChartDataTable
        table={{
          caption: `SS, LMS and ICAT of ${r.title} by bias type (Nadeem et al. 2021)`,
          columns: ['Bias type', 'Items', 'Target terms', 'SS', 'LMS', 'ICAT'],
          rows: scopes.map(({ name, s }) => [name, s.items, s.terms, s.ss.toFixed(1), s.lms.toFixed(1), s.icat.toFixed(1)]),
        }}
      />
    </div>
  );
}
