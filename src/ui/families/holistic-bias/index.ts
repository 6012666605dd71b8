// HolisticBias's views, loaded when a HolisticBias result is first shown.
import { lazyFamilyView } from '../types';
import { datasetAxes } from '../../../probes/families/holistic-bias/sample';

export const holisticBiasView = lazyFamilyView<'holistic-bias'>(
  () => import('./views'),
  (p) => `${(p.axes ?? datasetAxes(p.dataset)).length} axes, ${p.sample.templates} template${p.sample.templates === 1 ? '' : 's'} × up to ${p.sample.perCell} sentences per descriptor, seed ${p.sample.seed}`,
);
