// StereoSet's screens: how the sentences were scored, the counts, the SS/LMS/ICAT chart with its
// table; the slide is the headline and the chart.
import { HeadlineNumbers } from '../shared/HeadlineSlide';
import type { FamilyBodyProps, FamilySlideProps } from '../types';
import type { StereoSetResult } from '../../../core/benchmarks/stereoSetResult';
import { StereoSetChart } from './StereoSetChart';

const SCORING: Record<StereoSetResult['scoring'], string> = {
  'causal-mean': 'mean token log-probability of each whole sentence (the paper’s GPT-2 scoring)',
  'causal-full': 'summed token log-probability of each whole sentence',
  'masked-pll': 'mean pseudo-log-likelihood of the filled blank’s tokens',
};

export function Body({ result: r, fileStem, chartsOpen }: FamilyBodyProps<StereoSetResult>) {
  const o = r.overall;
  return (
    <>
      <dl className="stats">
        <div>
          <dt>Scoring</dt>
          <dd>{SCORING[r.scoring]}</dd>
        </div>
        <div>
          <dt>Items</dt>
          <dd>
            {o.items.toLocaleString('en-US')} intrasentence items, {o.terms.toLocaleString('en-US')} target terms (SS and LMS are means over the terms, as the authors’ scorer computes them)
          </dd>
        </div>
        <div>
          <dt>Overall</dt>
          <dd>
            SS {o.ss.toFixed(1)} · LMS {o.lms.toFixed(1)} · ICAT {o.icat.toFixed(1)}
          </dd>
        </div>
      </dl>
      <details className="charts" open={chartsOpen}>
        <summary>Charts for {r.title}</summary>
        <div className="chart-grid">
          <StereoSetChart result={r} fileStem={fileStem} />
        </div>
      </details>
    </>
  );
}

export function Slide({ result, summary, fileStem }: FamilySlideProps<StereoSetResult>) {
  return (
    <>
      <HeadlineNumbers headline={summary.headline} />
      <StereoSetChart result={result} fileStem={fileStem} large />
    </>
  );
}
