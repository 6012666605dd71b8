// Counterfactual templates' views, loaded with the chart library when such a result is first shown.
import { lazyFamilyView } from '../types';

export const counterfactualTemplateView = lazyFamilyView<'counterfactual-template'>(
  () => import('./views'),
  (p) => `${Object.keys(p.slots).length} slots, scoring ${p.scoring}`,
);
