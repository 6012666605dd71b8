// The class-mode slide of an association test on word vectors (WEAT, SEAT): d to two decimals in
// large type, then the word chart; with the technical detail open, how p was computed.
import type { AssociationResult } from '../../../core/association/types';
import { formatD, pMethodText } from '../../../probes/numberFormat';
import type { FamilySlideProps } from '../types';
import { WordAssociationChart } from './WordAssociationChart';

export function AssociationSlide({ result: r, summary, fileStem, technical }: FamilySlideProps<AssociationResult>) {
  return (
    <>
      <p className="class-numbers">
        <span>
          d = <output aria-label="Effect size d">{formatD(r.effectSize, 2)}</output>
        </span>
        {technical && <small>p: one-sided, {pMethodText(r)}</small>}
      </p>
      <WordAssociationChart result={r} groups={summary.groups ?? []} fileStem={fileStem} large />
    </>
  );
}
