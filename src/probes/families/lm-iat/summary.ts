// The likelihood IAT is summarised as WEAT is (d, CI, permutation p, Holm-adjusted across the
// batch), with a reading about what the model finds likely.
import type { AssociationResult } from '../../../core/association/types';
import { associationGroups, associationHeadline, associationSignificance } from '../shared/associationSummary';
import type { FamilySummary } from '../types';

export function summarizeLmIat(r: AssociationResult): FamilySummary {
  const headline = associationHeadline(r);
  const significance = associationSignificance(r);
  const [hi, lo] = r.effectSize >= 0 ? [r.labels.X, r.labels.Y] : [r.labels.Y, r.labels.X];
  return {
    headline,
    reading: `The model finds ${r.labels.A.toLowerCase()} attributes more likely after ${hi} than after ${lo}${significance?.significant ? '' : ', but the difference is not statistically significant'}; ${headline.text}.`,
    significance,
    groups: associationGroups(r),
  };
}
