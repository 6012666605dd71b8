// The LMS-k lab's screens: the settings that made the result, the three accuracies as exact counts
// (a class can check them against the CLI's JSON), the accuracy chart and the loss curve; the slide
// is the headline, the accuracies and the plain reading's numbers in large type.
import type { SimplicityLmsResult } from '../../../probes/families/simplicity-lms/run';
import { HeadlineNumbers } from '../shared/HeadlineSlide';
import type { FamilyBodyProps, FamilySlideProps } from '../types';
import { AccuracyChart, LossCurveChart, accuracyCount } from './LmsCharts';

function Accuracies({ result: r }: { result: SimplicityLmsResult }) {
  const n = r.settings.testSize;
  return (
    <dl className="stats lms-accuracies">
      <div>
        <dt>Clean test accuracy</dt>
        <dd data-testid="lms-clean">{accuracyCount(r.cleanAccuracy, n)}</dd>
      </div>
      <div>
        <dt>Linear coordinate randomised</dt>
        <dd data-testid="lms-linear">{accuracyCount(r.linearRandomisedAccuracy, n)}</dd>
      </div>
      <div>
        <dt>Slab coordinates randomised</dt>
        <dd data-testid="lms-slabs">{accuracyCount(r.slabsRandomisedAccuracy, n)}</dd>
      </div>
    </dl>
  );
}

const settingsText = (r: SimplicityLmsResult): string => {
  const s = r.settings;
  return `k = ${s.k} slabs on ${s.slabCoordinates} coordinate${s.slabCoordinates === 1 ? '' : 's'}, ${s.noiseCoordinates} noise, margin ${s.margin}, ${s.rotate ? 'rotated' : 'not rotated'}; ${s.trainSize.toLocaleString('en-US')} training / ${s.testSize.toLocaleString('en-US')} test examples; ReLU network width ${s.width}, depth ${s.depth}; ${s.optimizer.toUpperCase()} step ${s.learningRate}, weight decay ${s.weightDecay}, ${s.epochs} epochs, batch ${s.batchSize}; seed ${r.seed}`;
};

export function Body({ result, fileStem, chartsOpen }: FamilyBodyProps<SimplicityLmsResult>) {
  return (
    <>
      <dl className="stats">
        <div>
          <dt>Set-up</dt>
          <dd>{settingsText(result)}</dd>
        </div>
        <div>
          <dt>Model</dt>
          <dd>none loaded: the lab trains its own network in this browser</dd>
        </div>
      </dl>
      <Accuracies result={result} />
      <details className="charts" open={chartsOpen}>
        <summary>Charts for {result.title}</summary>
        <div className="chart-grid">
          <AccuracyChart result={result} fileStem={fileStem} />
          <LossCurveChart points={result.lossCurve} epochs={result.settings.epochs} title={`Training loss: ${result.title}`} fileStem={`${fileStem}_loss`} />
        </div>
      </details>
    </>
  );
}

export function Slide({ result, summary, fileStem, technical }: FamilySlideProps<SimplicityLmsResult>) {
  return (
    <>
      <HeadlineNumbers headline={summary.headline} />
      <Accuracies result={result} />
      {technical && <p className="muted">{settingsText(result)}</p>}
      <AccuracyChart result={result} fileStem={fileStem} large />
    </>
  );
}
