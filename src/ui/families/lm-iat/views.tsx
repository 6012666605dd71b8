// The likelihood IAT's screens: its headline (d, CI, p) is on the card already, so the body is the
// per-word log-probability rows and the slide is the headline in large type.
import type { AssociationResult } from '../../../core/association/types';
import { HeadlineNumbers } from '../shared/HeadlineSlide';
import { ItemsTable } from '../shared/ItemsTable';
import type { FamilyBodyProps, FamilySlideProps } from '../types';

export function Body({ result }: FamilyBodyProps<AssociationResult>) {
  return <ItemsTable items={result.items} title={result.title} />;
}

export function Slide({ summary }: FamilySlideProps<AssociationResult>) {
  return <HeadlineNumbers headline={summary.headline} />;
}
