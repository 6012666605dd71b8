// Decision templates' views, loaded when such a result is first shown.
import { lazyFamilyView } from '../types';

export const decisionTemplateView = lazyFamilyView<'decision-template'>(
  () => import('./views'),
  (p) => `${p.questions.length.toLocaleString('en-US')} question templates`,
);
