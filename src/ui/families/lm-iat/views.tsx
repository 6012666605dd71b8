// The likelihood IAT's screens: its headline (d, intervals, p) is on the card already, so the body
// is the per-word association chart — each target word's mean log-probability of the A attributes
// minus the B attributes, the quantity d summarises — and the per-word rows; the slide is the
// headline and the same chart in large type.
import type { AssociationResult } from '../../../core/association/types';
import { HeadlineNumbers } from '../shared/HeadlineSlide';
import { ItemsTable } from '../shared/ItemsTable';
import { WordAssociationChart } from '../shared/WordAssociationChart';
import type { FamilyBodyProps, FamilySlideProps } from '../types';

/** The likelihood IAT's s(w, A, B): log-probabilities of the attribute words, not cosines. */
const logProbabilityMeasure = (r: AssociationResult): string => `mean log-probability of the ${r.labels.A} words minus that of the ${r.labels.B} words`;

export function Body({ result, summary, fileStem, chartsOpen }: FamilyBodyProps<AssociationResult>) {
  return (
    <>
      <details className="charts" open={chartsOpen}>
        <summary>Chart for {result.title.split(':')[0]}</summary>
        <WordAssociationChart result={result} groups={summary.groups ?? []} fileStem={fileStem} measure={logProbabilityMeasure} />
      </details>
      <ItemsTable items={result.items} title={result.title} />
    </>
  );
}

export function Slide({ result, summary, fileStem }: FamilySlideProps<AssociationResult>) {
  return (
    <>
      <HeadlineNumbers headline={summary.headline} />
      <WordAssociationChart result={result} groups={summary.groups ?? []} fileStem={fileStem} measure={logProbabilityMeasure} large />
    </>
  );
}
