// A family whose result is one estimate (a prompt family's mean D, a share of stereotype-consistent
// choices) charts that estimate with its intervals against the value its test's null names: the
// chart of the headline, drawn from the family summary alone (verdict included).
import type { FamilySummary } from '../../../probes/families/types';
import { ChartDataTable } from '../../charts/ChartDataTable';
import { ChartFrame } from '../../charts/ChartFrame';
import { forestIntervalRow } from '../../charts/forestRows';
import { intervalTable } from '../../charts/intervalRows';
import { IntervalPlot } from '../../charts/IntervalPlot';

export function HeadlineIntervalChart({ name, summary, nullValue, include, fileStem, large }: { name: string; summary: FamilySummary; nullValue: number; include?: readonly number[]; fileStem: string; large?: boolean }) {
  const h = summary.headline;
  if (h.noResult !== undefined || !Number.isFinite(h.value)) return null;
  const row = forestIntervalRow({ title: name, summary });
  return (
    <div className="chart-with-table">
      <ChartFrame title={`${h.label} with its intervals`} summary={`${h.text}. The dashed line marks ${nullValue}, the value of no bias.`} fileStem={`${fileStem}_estimate`} large={large}>
        <IntervalPlot rows={[row]} axisLabel={h.label} nullValue={nullValue} include={include} large={large} />
      </ChartFrame>
      <ChartDataTable table={intervalTable(`${h.label} of ${name}`, h.label, [row])} />
    </div>
  );
}
