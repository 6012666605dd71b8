// Decision templates' screens: the per-attribute table of Δ logit against the reference group (CI,
// p and the batch's Holm p from core) and the items; the slide is the headline.
import type { DecisionTemplateResult } from '../../../core/lmRun/types';
import { formatD, formatP } from '../../../probes/numberFormat';
import { HeadlineNumbers } from '../shared/HeadlineSlide';
import { ItemsTable } from '../shared/ItemsTable';
import type { FamilyBodyProps, FamilySlideProps } from '../types';

function ComparisonsTable({ result }: { result: DecisionTemplateResult }) {
  return (
    <div className="table-wide">
      <table className="compact">
        <caption>Mean logit of “yes” against the reference group</caption>
        <thead>
          <tr>
            <th scope="col">Attribute</th>
            <th scope="col">Value vs reference</th>
            <th scope="col">Δ logit [CI]</th>
            <th scope="col">p (Holm)</th>
          </tr>
        </thead>
        <tbody>
          {result.comparisons.map((c) => (
            <tr key={`${c.attribute}-${c.value}`}>
              <th scope="row">{c.attribute}</th>
              <td>
                {c.value} vs {c.reference}
              </td>
              <td>
                {formatD(c.difference)} {c.ci ? `[${formatD(c.ci.low, 2)}, ${formatD(c.ci.high, 2)}]` : ''}
              </td>
              <td>
                {formatP(c.pValue)} ({formatP(c.pHolm)})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Body({ result }: FamilyBodyProps<DecisionTemplateResult>) {
  return (
    <>
      <ComparisonsTable result={result} />
      <ItemsTable items={result.items} title={result.title} />
    </>
  );
}

export function Slide({ result, summary }: FamilySlideProps<DecisionTemplateResult>) {
  return (
    <>
      <HeadlineNumbers headline={summary.headline} />
      <ComparisonsTable result={result} />
    </>
  );
}
