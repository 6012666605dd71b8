// Prompt-based decision bias's views, loaded when such a result is first shown.
import { lazyFamilyView } from '../types';

export const llmDecisionPromptView = lazyFamilyView<'llm-decision-prompt'>(
  () => import('./views'),
  (p) => `${p.scenarios.length} scenarios × ${p.iterations} iterations`,
);
