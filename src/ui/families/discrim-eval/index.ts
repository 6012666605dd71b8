// discrim-eval's views, loaded when such a result is first shown.
import { lazyFamilyView } from '../types';

export const discrimEvalView = lazyFamilyView<'discrim-eval'>(
  () => import('./views'),
  (p) => `${p.items.length.toLocaleString('en-US')} filled questions of ${new Set(p.items.map((i) => i.questionId)).size.toLocaleString('en-US')} decision scenarios`,
);
