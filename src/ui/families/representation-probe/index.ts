// The representation probe's views, loaded with their charts when such a result is first shown.
import { lazyFamilyView } from '../types';

export const representationProbeView = lazyFamilyView<'representation-probe'>(
  () => import('./views'),
  (p) => `${p.targets.X.words.length} + ${p.targets.Y.words.length} target words, ${p.attributes.A.words.length} + ${p.attributes.B.words.length} words training the probe`,
);
