// The inductive-bias lab's views, loaded with their chart when such a result is first shown.
import { lazyFamilyView } from '../types';

export const inductiveBiasView = lazyFamilyView<'inductive-bias'>(
  () => import('./views'),
  (p) => `${p.classes.length} model class${p.classes.length === 1 ? '' : 'es'}, ${p.hypotheses} random hypotheses each, target test error ${p.target} (no model needed)`,
);
