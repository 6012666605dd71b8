// Multiple-choice position swaps' views, loaded when such a result is first shown.
import { lazyFamilyView } from '../types';

export const mcqPositionView = lazyFamilyView<'mcq-position'>(
  () => import('./views'),
  (p) => `${p.questions.length.toLocaleString('en-US')} questions × ${p.labels.length} options`,
);
