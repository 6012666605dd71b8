// Pairwise judge swaps' views, loaded with the chart library when such a result is first shown.
import { lazyFamilyView } from '../types';

export const pairwisePositionView = lazyFamilyView<'pairwise-position'>(
  () => import('./views'),
  (p) => `${p.items.length.toLocaleString('en-US')} comparisons`,
);
