// The prompt-based LLM IAT's screens: the mean D with its interval against 0 (no bias) — the chart
// of the headline, which carries how many answers could be read — then the model's answers, one row
// per iteration. The slide is the headline and the same chart in large type.
import type { LlmIatPromptResult } from '../../../core/lmRun/types';
import { HeadlineIntervalChart } from '../shared/HeadlineIntervalChart';
import { HeadlineNumbers } from '../shared/HeadlineSlide';
import { ItemsTable } from '../shared/ItemsTable';
import type { FamilyBodyProps, FamilySlideProps } from '../types';

/** D lies in [−1, 1]; the axis shows the whole range so a small D looks small. */
const D_RANGE = [-1, 1] as const;

export function Body({ result, summary, fileStem }: FamilyBodyProps<LlmIatPromptResult>) {
  return (
    <>
      <HeadlineIntervalChart name={`Mean D over ${result.used} iterations`} summary={summary} nullValue={0} include={D_RANGE} fileStem={fileStem} />
      <ItemsTable items={result.items} title={result.title} />
    </>
  );
}

export function Slide({ result, summary, fileStem }: FamilySlideProps<LlmIatPromptResult>) {
  return (
    <>
      <HeadlineNumbers headline={summary.headline} />
      <HeadlineIntervalChart name={`Mean D over ${result.used} iterations`} summary={summary} nullValue={0} include={D_RANGE} fileStem={fileStem} large />
    </>
  );
}
