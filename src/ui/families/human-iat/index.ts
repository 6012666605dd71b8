// The human IAT's views, loaded when a human IAT result is first shown (the participant screen with them).
import { lazyFamilyView } from '../types';

export const humanIatView = lazyFamilyView<'human-iat'>(
  () => import('./views'),
  (p) => `${p.targets.X.words.length} + ${p.targets.Y.words.length} target words, ${p.attributes.A.words.length} + ${p.attributes.B.words.length} attribute words, blocks ${p.design.blockLengths.join('/')}`,
);
