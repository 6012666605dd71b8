// RIPA's views, loaded with their charts when a RIPA result is first shown.
import { lazyFamilyView } from '../types';

export const ripaView = lazyFamilyView<'ripa'>(
  () => import('./views'),
  (p) => `${p.targets.X.words.length} + ${p.targets.Y.words.length} target words, ${p.attributePairs.pairs.length} attribute pairs`,
);
