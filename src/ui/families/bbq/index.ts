// BBQ's views, loaded when a BBQ result is first shown.
import { lazyFamilyView } from '../types';

export const bbqView = lazyFamilyView<'bbq'>(
  () => import('./views'),
  (p) => `${p.items.length.toLocaleString('en-US')} questions × 3 answers, ${p.answerBy === 'prompt' ? 'asked as multiple choice (a)/(b)/(c)' : `scoring ${p.scoring}`}`,
);
