// The prompt-based LLM IAT's views, loaded when such a result is first shown.
import { lazyFamilyView } from '../types';

export const llmIatPromptView = lazyFamilyView<'llm-iat-prompt'>(
  () => import('./views'),
  (p) => `${p.iterations} iterations`,
);
