// SEAT's views, loaded with their charts when a SEAT result is first shown.
import { lazyFamilyView } from '../types';

export const seatView = lazyFamilyView<'seat'>(
  () => import('./views'),
  (p) => `${p.targets.X.words.length} + ${p.targets.Y.words.length} target terms, ${p.attributes.A.words.length} + ${p.attributes.B.words.length} attribute terms, ${p.templates.length} templates`,
);
