// The representation probe's screens: how the direction was learned (and how well it separates the
// reference concepts), how p was computed, set sizes and dropped words, and the word chart; the
// slide is the headline and the word chart. The same screens show the probe on word vectors and on
// an LM's hidden states (representation-probe-lm), whose results differ only in `kind`.
import type { AnyRepresentationResult } from '../../../probes/families/representation-probe/result';
import { formatP, formatPercent, pMethodText } from '../../../probes/numberFormat';
import { HeadlineNumbers } from '../shared/HeadlineSlide';
import { VocabularyRows } from '../shared/VocabularyRows';
import type { FamilyBodyProps, FamilySlideProps } from '../types';
import { AlignmentWordChart } from './AlignmentWordChart';

const KEYS = ['X', 'Y', 'A', 'B'] as const;

export function Body({ result: r, summary, fileStem, chartsOpen }: FamilyBodyProps<AnyRepresentationResult>) {
  return (
    <>
      <dl className="stats">
        <div>
          <dt>Direction</dt>
          <dd>
            logistic regression (C = {r.probe.C}) on the unit vectors of {r.labels.A} (A, +) against {r.labels.B} (B, −); it classifies {formatPercent(r.probe.trainingAccuracy)} of them right
            {r.probe.converged ? '' : ' (the fit did not converge)'}
          </dd>
        </div>
        <div>
          <dt>p-value method</dt>
          <dd>
            one-sided permutation over the target words, direction held fixed, {pMethodText(r)}
            {r.pHolm !== null && r.pBH !== null && (
              <span className="muted">
                {' '}
                · Holm {formatP(r.pHolm)} · BH {formatP(r.pBH)}
              </span>
            )}
          </dd>
        </div>
        <VocabularyRows keys={KEYS} labels={r.labels} sizes={r.sizes} oov={r.oov} />
      </dl>
      <details className="charts" open={chartsOpen}>
        <summary>Charts for {r.title.split(':')[0]}</summary>
        <div className="chart-grid">
          <AlignmentWordChart result={r} groups={summary.groups ?? []} fileStem={fileStem} />
        </div>
      </details>
    </>
  );
}

export function Slide({ result, summary, fileStem, technical }: FamilySlideProps<AnyRepresentationResult>) {
  return (
    <>
      <HeadlineNumbers headline={summary.headline} />
      {technical && <p className="muted">p: one-sided permutation over the target words, {pMethodText(result)}; probe accuracy {formatPercent(result.probe.trainingAccuracy)}</p>}
      <AlignmentWordChart result={result} groups={summary.groups ?? []} fileStem={fileStem} large />
    </>
  );
}
