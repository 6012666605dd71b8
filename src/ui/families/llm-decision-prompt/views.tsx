// Prompt-based decision bias's screens: the headline (with how many answers could be read) is on the card, so the body
// is the model's answers, one row per iteration, and the slide is the headline in large type.
import type { LlmDecisionPromptResult } from '../../../core/lmRun/types';
import { HeadlineNumbers } from '../shared/HeadlineSlide';
import { ItemsTable } from '../shared/ItemsTable';
import type { FamilyBodyProps, FamilySlideProps } from '../types';

export function Body({ result }: FamilyBodyProps<LlmDecisionPromptResult>) {
  return <ItemsTable items={result.items} title={result.title} />;
}

export function Slide({ summary }: FamilySlideProps<LlmDecisionPromptResult>) {
  return <HeadlineNumbers headline={summary.headline} />;
}
