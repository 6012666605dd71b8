// Pronoun resolution's views, loaded with their charts when such a result is first shown.
import { lazyFamilyView } from '../types';

export const corefLikelihoodView = lazyFamilyView<'coref-likelihood'>(
  () => import('./views'),
  (p) => `${p.items.length} ${p.dataset === 'winobias' ? 'WinoBias' : 'Winogender'} sentence${p.items.length === 1 ? '' : 's'}, each candidate referent scored after "<pronoun>" refers to`,
);
