// The likelihood IAT is summarised as WEAT is (d with the inverted permutation test's interval beside
// its p, the stimulus-robust bootstrap, Holm-adjusted across the batch, Cohen's size class), with a
// direction sentence about what the model finds likely.
import type { AssociationResult } from '../../../core/association/types';
import { effectSizeClass } from '../../../core/effectSizeClass';
import { associationGroups, associationHeadline, associationNumbers, associationPlain, associationSignificance } from '../shared/associationSummary';
import type { FamilySummary } from '../types';

/** "The model finds pleasant attributes more likely after Flowers than after Insects" (the larger mean first). */
function lmIatDirection(r: AssociationResult): string {
  if (Number.isNaN(r.effectSize)) return 'No direction: every target gives the same association, so d is undefined';
  const [hi, lo] = r.effectSize >= 0 ? [r.labels.X, r.labels.Y] : [r.labels.Y, r.labels.X];
  return `The model finds ${r.labels.A.toLowerCase()} attributes more likely after ${hi} than after ${lo}`;
}

export function summarizeLmIat(r: AssociationResult): FamilySummary {
  const significance = associationSignificance(r);
  const direction = lmIatDirection(r);
  const size = effectSizeClass(r.effectSize);
  const claim = size === null ? direction : `${direction}, a ${size} effect`;
  return {
    headline: associationHeadline(r),
    reading: `${claim}${significance?.significant ? '' : ', but the difference is not statistically significant'}; ${associationNumbers(r)}.`,
    plain: associationPlain(r, significance, `${direction}.`),
    significance,
    groups: associationGroups(r),
  };
}
