// The number of a class-mode slide: the headline in large type (or, when no answer could be read,
// the sentence that says so). Its interval, p and how they were obtained are technical detail, which
// class mode shows one key away for every family alike (ClassModePage).
import type { Headline } from '../../../probes/families/types';

export function HeadlineNumbers({ headline: h }: { headline: Headline }) {
  if (h.noResult !== undefined) return <p className="class-numbers">{h.noResult}</p>;
  return (
    <p className="class-numbers">
      <span>
        {h.label} = <output aria-label="Headline metric">{h.shown}</output>
      </span>
      {h.answers !== undefined && <small>{h.answers}</small>}
    </p>
  );
}
