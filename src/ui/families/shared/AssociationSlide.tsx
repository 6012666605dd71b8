// The class-mode slide of an association test on word vectors (WEAT, SEAT): d to two decimals with
// its CI and p in large type, then the word chart.
import type { AssociationResult } from '../../../core/association/types';
import { ciText, formatD, formatP, pMethodText } from '../../../probes/numberFormat';
import type { FamilySlideProps } from '../types';
import { WordAssociationChart } from './WordAssociationChart';

export function AssociationSlide({ result: r, summary, fileStem }: FamilySlideProps<AssociationResult>) {
  return (
    <>
      <p className="class-numbers">
        <span>
          d = <output aria-label="Effect size d">{formatD(r.effectSize, 2)}</output>
        </span>
        <span>{ciText(r)}</span>
        <span>
          p = {formatP(r.pValue)} <small>({pMethodText(r)})</small>
        </span>
      </p>
      <WordAssociationChart result={r} groups={summary.groups ?? []} fileStem={fileStem} large />
    </>
  );
}
