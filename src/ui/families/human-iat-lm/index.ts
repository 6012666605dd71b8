// The human IAT beside a language model: its views, loaded when such a result is first shown.
import { lazyFamilyView } from '../types';

export const humanIatLmView = lazyFamilyView<'human-iat-lm'>(
  () => import('./views'),
  (p) =>
    `${p.targets.X.words.length} + ${p.targets.Y.words.length} target words × ${p.templates.length} frames, ${p.attributes.A.words.length} + ${p.attributes.B.words.length} attribute words, blocks ${p.design.blockLengths.join('/')}`,
);
