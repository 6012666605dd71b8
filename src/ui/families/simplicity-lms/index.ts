// The LMS-k lab's views, loaded with their charts when such a result is first shown.
import { lazyFamilyView } from '../types';

export const simplicityLmsView = lazyFamilyView<'simplicity-lms'>(
  () => import('./views'),
  (p) => `LMS-${p.data.k} data, ${p.data.trainSize} training examples, network width ${p.network.width} × depth ${p.network.depth}, ${p.training.epochs} epochs (no model needed)`,
);
