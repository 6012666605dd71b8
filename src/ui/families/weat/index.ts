// WEAT's views, loaded with their charts when a WEAT result is first shown.
import { lazyFamilyView } from '../types';

export const weatView = lazyFamilyView<'weat'>(
  () => import('./views'),
  (p) => `${p.targets.X.words.length} + ${p.targets.Y.words.length} target words, ${p.attributes.A.words.length} + ${p.attributes.B.words.length} attribute words`,
);
