// HolisticBias's screens: the sample that was scored (sizes, seed, templates), the pooled counts, the
// chart with its table; the slide is the headline and the chart.
import { HeadlineNumbers } from '../shared/HeadlineSlide';
import type { FamilyBodyProps, FamilySlideProps } from '../types';
import type { HolisticBiasResult } from '../../../probes/families/holistic-bias/result';
import { HolisticBiasChart } from './HolisticBiasChart';

export function Body({ result: r, fileStem, chartsOpen }: FamilyBodyProps<HolisticBiasResult>) {
  const s = r.sample;
  return (
    <>
      <dl className="stats">
        <div>
          <dt>Sample</dt>
          <dd>
            {s.sentences.toLocaleString('en-US')} sentences, up to {s.perCell} per template and descriptor, {s.templates.length} template{s.templates.length === 1 ? '' : 's'} drawn with seed {s.seed}
          </dd>
        </div>
        <div>
          <dt>Templates</dt>
          <dd>{s.templates.map((t) => `“${t}”`).join(' · ')}</dd>
        </div>
        <div>
          <dt>Scoring</dt>
          <dd>each sentence by its mean log-probability per token; descriptor pairs compared per template by a two-sided Mann–Whitney U test</dd>
        </div>
        <div>
          <dt>Comparisons with p &lt; 0.05</dt>
          <dd>
            {r.significant.toLocaleString('en-US')} of {r.comparisons.toLocaleString('en-US')}
          </dd>
        </div>
      </dl>
      <details className="charts" open={chartsOpen}>
        <summary>Charts for {r.title}</summary>
        <div className="chart-grid">
          <HolisticBiasChart result={r} fileStem={fileStem} />
        </div>
      </details>
    </>
  );
}

export function Slide({ result, summary, fileStem }: FamilySlideProps<HolisticBiasResult>) {
  return (
    <>
      <HeadlineNumbers headline={summary.headline} />
      <HolisticBiasChart result={result} fileStem={fileStem} large />
    </>
  );
}
