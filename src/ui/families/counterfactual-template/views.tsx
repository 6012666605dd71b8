// Counterfactual templates' screens: the Δ dot plot, per-group table and items; the slide is the
// headline and the dot plot.
import type { CounterfactualTemplateResult } from '../../../core/lmRun/types';
import { CounterfactualBody, CounterfactualSlideChart } from '../shared/CounterfactualBody';
import { HeadlineNumbers } from '../shared/HeadlineSlide';
import type { FamilyBodyProps, FamilySlideProps } from '../types';
import { templatePoints } from './points';

export function Body({ result, fileStem }: FamilyBodyProps<CounterfactualTemplateResult>) {
  return <CounterfactualBody result={result} points={templatePoints(result)} fileStem={fileStem} />;
}

export function Slide({ result, summary, fileStem }: FamilySlideProps<CounterfactualTemplateResult>) {
  return (
    <>
      <HeadlineNumbers headline={summary.headline} />
      <CounterfactualSlideChart result={result} points={templatePoints(result)} fileStem={fileStem} />
    </>
  );
}
