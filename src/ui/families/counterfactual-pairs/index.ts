// Counterfactual pairs' views, loaded with the chart library when such a result is first shown.
import { lazyFamilyView } from '../types';

export const counterfactualPairsView = lazyFamilyView<'counterfactual-pairs'>(
  () => import('./views'),
  (p) => `${p.pairs.length.toLocaleString('en-US')} sentence pairs, scoring ${p.scoring}`,
);
