// BBQ's screens: how the answers were chosen (and, on the prompted path, how many could be read, with
// the unreadable ones listed so a reader sees what the model wrote), accuracy and the counts behind
// each bias score, the chart with its table; the slide is the headline and the chart.
import { HeadlineNumbers } from '../shared/HeadlineSlide';
import type { FamilyBodyProps, FamilySlideProps } from '../types';
import type { BbqResult } from '../../../core/benchmarks/bbqResult';
import { bbqAnswering } from '../../../probes/families/bbq/summary';
import { BbqChart } from './BbqChart';

const pct = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(1)}%`);

/** Unreadable answers shown on the card; the CSV has them all. */
const UNREAD_SHOWN = 5;

function UnreadAnswers({ result: r }: { result: BbqResult }) {
  const unread = r.items.filter((i) => i.chosen === null);
  if (unread.length === 0) return null;
  return (
    <details className="bbq-unread">
      <summary>
        {unread.length.toLocaleString('en-US')} answer{unread.length === 1 ? '' : 's'} could not be read
      </summary>
      <ul>
        {unread.slice(0, UNREAD_SHOWN).map((i) => (
          <li key={i.id}>
            <code>{i.id}</code>: “{(i.response ?? '').trim().slice(0, 200) || '(nothing)'}”
          </li>
        ))}
        {unread.length > UNREAD_SHOWN && <li>and {(unread.length - UNREAD_SHOWN).toLocaleString('en-US')} more (in the items CSV)</li>}
      </ul>
    </details>
  );
}

export function Body({ result: r, fileStem, chartsOpen }: FamilyBodyProps<BbqResult>) {
  const o = r.overall;
  return (
    <>
      <dl className="stats">
        <div>
          <dt>Answering</dt>
          <dd>{bbqAnswering(r)}</dd>
        </div>
        {o && (
          <>
            <div>
              <dt>Questions</dt>
              <dd>
                {o.questions.toLocaleString('en-US')} ({o.ambiguous.toLocaleString('en-US')} ambiguous, {o.disambiguated.toLocaleString('en-US')} disambiguated)
                {o.withoutTarget > 0 && `; ${o.withoutTarget.toLocaleString('en-US')} without a bias target (accuracy only)`}
              </dd>
            </div>
            <div>
              <dt>Accuracy</dt>
              <dd>
                {pct(o.accuracy)} · ambiguous {pct(o.accuracyAmbiguous)} · disambiguated {pct(o.accuracyDisambiguated)}
              </dd>
            </div>
            <div>
              <dt>Biased / non-UNKNOWN answers</dt>
              <dd>
                ambiguous {o.counts.ambig.biased} of {o.counts.ambig.nonUnknown} · disambiguated {o.counts.disambig.biased} of {o.counts.disambig.nonUnknown}
              </dd>
            </div>
          </>
        )}
      </dl>
      <UnreadAnswers result={r} />
      {o && (
        <details className="charts" open={chartsOpen}>
          <summary>Charts for {r.title}</summary>
          <div className="chart-grid">
            <BbqChart result={r} fileStem={fileStem} />
          </div>
        </details>
      )}
    </>
  );
}

export function Slide({ result, summary, fileStem }: FamilySlideProps<BbqResult>) {
  return (
    <>
      <HeadlineNumbers headline={summary.headline} />
      {result.overall && <BbqChart result={result} fileStem={fileStem} large />}
    </>
  );
}
