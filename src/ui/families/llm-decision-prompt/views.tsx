// Prompt-based decision bias's screens: the share of stereotype-consistent choices with its interval
// against ½ (no bias) on the whole 0–1 scale — the chart of the headline, which carries how many
// answers could be read — then the model's answers, one row per iteration. The slide is the
// headline and the same chart in large type.
import type { LlmDecisionPromptResult } from '../../../core/lmRun/types';
import { HeadlineIntervalChart } from '../shared/HeadlineIntervalChart';
import { HeadlineNumbers } from '../shared/HeadlineSlide';
import { ItemsTable } from '../shared/ItemsTable';
import type { FamilyBodyProps, FamilySlideProps } from '../types';

const SHARE_RANGE = [0, 1] as const;
const nameOf = (r: LlmDecisionPromptResult) => `Stereotype-consistent share of ${r.summary.parsed} readable choices`;

export function Body({ result, summary, fileStem }: FamilyBodyProps<LlmDecisionPromptResult>) {
  return (
    <>
      <HeadlineIntervalChart name={nameOf(result)} summary={summary} nullValue={0.5} include={SHARE_RANGE} fileStem={fileStem} />
      <ItemsTable items={result.items} title={result.title} />
    </>
  );
}

export function Slide({ result, summary, fileStem }: FamilySlideProps<LlmDecisionPromptResult>) {
  return (
    <>
      <HeadlineNumbers headline={summary.headline} />
      <HeadlineIntervalChart name={nameOf(result)} summary={summary} nullValue={0.5} include={SHARE_RANGE} fileStem={fileStem} large />
    </>
  );
}
