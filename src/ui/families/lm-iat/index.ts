// The likelihood IAT's views, loaded when such a result is first shown.
import { lazyFamilyView } from '../types';

export const lmIatView = lazyFamilyView<'lm-iat'>(
  () => import('./views'),
  (p) => `${p.targets.X.words.length} + ${p.targets.Y.words.length} target words × ${p.templates.length} templates`,
);
