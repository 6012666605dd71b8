// Decision templates' screens: every contrast of an attribute value against its reference group as
// a point with its interval (Δ logit of "yes"), marked by the one rule on the batch's Holm p — the
// significant contrasts are seen at once, not found in a table — with the table one toggle away,
// then the items. The slide is the headline and the same chart.
import type { DecisionTemplateResult } from '../../../core/lmRun/types';
import { formatP } from '../../../probes/numberFormat';
import { ChartDataTable } from '../../charts/ChartDataTable';
import { ChartFrame } from '../../charts/ChartFrame';
import { intervalTable } from '../../charts/intervalRows';
import { IntervalPlot } from '../../charts/IntervalPlot';
import { HeadlineNumbers } from '../shared/HeadlineSlide';
import { ItemsTable } from '../shared/ItemsTable';
import type { FamilyBodyProps, FamilySlideProps } from '../types';
import { contrastRows } from './contrastRows';

const LABEL = 'Δ logit of “yes” vs the reference group';

function ContrastsChart({ result, fileStem, large }: { result: DecisionTemplateResult; fileStem: string; large?: boolean }) {
  const rows = contrastRows(result);
  const significant = rows.filter((r) => r.verdict === 'significant').length;
  const summary = `${rows.length} contrasts of the mean logit of “yes”, each attribute value against its reference group; ${significant} significant at α = 0.05 (Holm-adjusted across the contrasts). ${result.comparisons
    .map((c) => `${c.attribute} ${c.value} vs ${c.reference}: ${c.difference.toFixed(3)}, p = ${formatP(c.pValue)}, Holm p = ${formatP(c.pHolm)}`)
    .join('; ')}.`;
  return (
    <div className="chart-with-table">
      <ChartFrame title="Contrasts against the reference group" summary={summary} fileStem={`${fileStem}_contrasts`} large={large}>
        <IntervalPlot rows={rows} axisLabel={LABEL} large={large} />
      </ChartFrame>
      <ChartDataTable
        table={intervalTable('Mean logit of “yes” against the reference group', 'Δ logit', rows, {
          columns: ['p', 'Holm p', 'questions'],
          cells: result.comparisons.map((c) => [formatP(c.pValue), formatP(c.pHolm), c.questions]),
        })}
      />
    </div>
  );
}

export function Body({ result, fileStem }: FamilyBodyProps<DecisionTemplateResult>) {
  return (
    <>
      <ContrastsChart result={result} fileStem={fileStem} />
      <ItemsTable items={result.items} title={result.title} />
    </>
  );
}

export function Slide({ result, summary, fileStem }: FamilySlideProps<DecisionTemplateResult>) {
  return (
    <>
      <HeadlineNumbers headline={summary.headline} />
      <ContrastsChart result={result} fileStem={fileStem} large />
    </>
  );
}
