// BBQ's screens: how the answers were chosen, accuracy and the counts behind each bias score, the
// chart with its table; the slide is the headline and the chart.
import { HeadlineNumbers } from '../shared/HeadlineSlide';
import type { FamilyBodyProps, FamilySlideProps } from '../types';
import type { BbqResult } from '../../../core/benchmarks/bbqResult';
import { BbqChart } from './BbqChart';

const pct = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(1)}%`);

export function Body({ result: r, fileStem, chartsOpen }: FamilyBodyProps<BbqResult>) {
  const o = r.overall;
  return (
    <>
      <dl className="stats">
        <div>
          <dt>Answering</dt>
          <dd>each answer scored by its {r.scoring === 'causal-full' ? 'summed' : 'mean per-token'} log-probability after “context question Answer:”, the highest chosen</dd>
        </div>
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
      </dl>
      <details className="charts" open={chartsOpen}>
        <summary>Charts for {r.title}</summary>
        <div className="chart-grid">
          <BbqChart result={r} fileStem={fileStem} />
        </div>
      </details>
    </>
  );
}

export function Slide({ result, summary, fileStem }: FamilySlideProps<BbqResult>) {
  return (
    <>
      <HeadlineNumbers headline={summary.headline} />
      <BbqChart result={result} fileStem={fileStem} large />
    </>
  );
}
