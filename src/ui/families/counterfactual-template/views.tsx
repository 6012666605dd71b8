// Counterfactual templates' screens: the mean Δ by group with intervals, the Δ dot plot and items; the slide is the
// headline and the mean Δ of all terms and of each group.
import type { CounterfactualTemplateResult } from '../../../core/lmRun/types';
import { CounterfactualBody, CounterfactualSlideChart } from '../shared/CounterfactualBody';
import { HeadlineNumbers } from '../shared/HeadlineSlide';
import type { FamilyBodyProps, FamilySlideProps } from '../types';
import { templatePoints } from './points';

export function Body({ result, summary, fileStem }: FamilyBodyProps<CounterfactualTemplateResult>) {
  return <CounterfactualBody result={result} summary={summary} points={templatePoints(result)} fileStem={fileStem} />;
}

export function Slide({ result, summary, fileStem }: FamilySlideProps<CounterfactualTemplateResult>) {
  return (
    <>
      <HeadlineNumbers headline={summary.headline} />
      <CounterfactualSlideChart result={result} summary={summary} fileStem={fileStem} />
    </>
  );
}
