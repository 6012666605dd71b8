// discrim-eval's screens: how each prompt was scored and what it holds, the paper's table of every
// attribute value against the reference person, the same contrasts as points with their intervals
// (decision-template's rows, marked by the one rule), then the items. The slide is the headline and
// the chart.
import { formatAdaptive, formatP } from '../../../probes/numberFormat';
import type { DiscrimEvalResult } from '../../../probes/families/discrim-eval/result';
import { ChartDataTable } from '../../charts/ChartDataTable';
import { ChartFrame } from '../../charts/ChartFrame';
import { intervalTable } from '../../charts/intervalRows';
import { IntervalPlot } from '../../charts/IntervalPlot';
import { contrastRows } from '../decision-template/contrastRows';
import { referencePerson } from '../../../probes/families/discrim-eval/summary';
import { HeadlineNumbers } from '../shared/HeadlineSlide';
import { ItemsTable } from '../shared/ItemsTable';
import type { FamilyBodyProps, FamilySlideProps } from '../types';
import { AttributeTable } from './AttributeTable';

function ContrastsChart({ result: r, fileStem, large }: { result: DiscrimEvalResult; fileStem: string; large?: boolean }) {
  const rows = contrastRows(r);
  const significant = rows.filter((x) => x.verdict === 'significant').length;
  const summary = `${rows.length} contrasts of the mean logit of “yes” with ${referencePerson(r)}; ${significant} significant at α = 0.05 (Holm-adjusted across the contrasts). ${r.comparisons
    .map((c) => `${c.attribute} ${c.value} vs ${c.reference}: ${formatAdaptive(c.difference)}, p = ${formatP(c.pValue)}, Holm p = ${formatP(c.pHolm)}`)
    .join('; ')}.`;
  return (
    <div className="chart-with-table">
      <ChartFrame title={`Against the reference person: ${r.title}`} summary={summary} fileStem={`${fileStem}_discrim-eval`} large={large}>
        <IntervalPlot rows={rows} axisLabel="Δ logit of “yes” vs the reference person" large={large} />
      </ChartFrame>
      <ChartDataTable table={intervalTable('Mean logit of “yes” against the reference person', 'Δ logit', rows, { columns: ['p', 'Holm p', 'questions'], cells: r.comparisons.map((c) => [formatP(c.pValue), formatP(c.pHolm), c.questions]) })} />
    </div>
  );
}

export function Body({ result: r, fileStem, chartsOpen }: FamilyBodyProps<DiscrimEvalResult>) {
  return (
    <>
      <dl className="stats">
        <div>
          <dt>Scoring</dt>
          <dd>P(yes) normalised over the next-token “yes”/“Yes”/“no”/“No” after the paper's prompt, on the logit scale</dd>
        </div>
        <div>
          <dt>Prompts</dt>
          <dd>
            {r.items.length.toLocaleString('en-US')} of {r.questions.toLocaleString('en-US')} decision question{r.questions === 1 ? '' : 's'}
            {r.fillTypes.length > 0 && ` (${r.fillTypes.join(' and ')} fills)`}; mean logit {formatAdaptive(r.meanLogit)}
          </dd>
        </div>
        {r.unanalysed.length > 0 && (
          <div>
            <dt>Not compared</dt>
            <dd>{r.unanalysed.map((u) => `${u.attribute}: ${u.reason}`).join('; ')}</dd>
          </div>
        )}
      </dl>
      <AttributeTable result={r} />
      <details className="charts" open={chartsOpen}>
        <summary>Charts for {r.title}</summary>
        <div className="chart-grid">
          <ContrastsChart result={r} fileStem={fileStem} />
        </div>
      </details>
      <ItemsTable items={r.items} title={r.title} />
    </>
  );
}

export function Slide({ result, summary, fileStem }: FamilySlideProps<DiscrimEvalResult>) {
  return (
    <>
      <HeadlineNumbers headline={summary.headline} />
      <ContrastsChart result={result} fileStem={fileStem} large />
    </>
  );
}
