// The representation probe on an LM's hidden states shows the word-vector probe's screens (its
// result is the same but for `kind`), loaded with their charts when such a result is first shown.
import { lazyFamilyView } from '../types';

export const representationProbeLmView = lazyFamilyView<'representation-probe-lm'>(
  () => import('../representation-probe/views'),
  (p) => `${p.targets.X.words.length} + ${p.targets.Y.words.length} target words, ${p.attributes.A.words.length} + ${p.attributes.B.words.length} words training the probe on the model's hidden states`,
);
