// The numbers of a class-mode slide for a family whose slide is its headline: the number, its CI
// and p in large type (or, when no answer could be read, the sentence that says so).
import { formatD, formatP } from '../../../probes/numberFormat';
import type { Headline } from '../../../probes/families/types';

export function HeadlineNumbers({ headline: h }: { headline: Headline }) {
  if (h.noResult !== undefined) return <p className="class-numbers">{h.noResult}</p>;
  return (
    <p className="class-numbers">
      <span>
        {h.label} = <output aria-label="Headline metric">{h.shown}</output>
      </span>
      {h.ci && <span>{`${Math.round(h.ci.level * 100)}% CI [${formatD(h.ci.low, 2)}, ${formatD(h.ci.high, 2)}]`}</span>}
      {h.p !== null && (
        <span>
          {h.pLabel} = {formatP(h.p)}
        </span>
      )}
      {h.answers !== undefined && <small>{h.answers}</small>}
    </p>
  );
}
