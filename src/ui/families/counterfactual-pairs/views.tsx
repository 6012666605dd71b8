// Counterfactual pairs' screens: the mean Δ by category with intervals, the Δ dot plot and items; the slide is the
// headline and the mean Δ of all pairs and of each category.
import type { CounterfactualPairsResult } from '../../../core/lmRun/types';
import { CounterfactualBody, CounterfactualSlideChart } from '../shared/CounterfactualBody';
import { HeadlineNumbers } from '../shared/HeadlineSlide';
import type { FamilyBodyProps, FamilySlideProps } from '../types';
import { pairPoints } from './points';

export function Body({ result, summary, fileStem }: FamilyBodyProps<CounterfactualPairsResult>) {
  return <CounterfactualBody result={result} summary={summary} points={pairPoints(result)} fileStem={fileStem} />;
}

export function Slide({ result, summary, fileStem }: FamilySlideProps<CounterfactualPairsResult>) {
  return (
    <>
      <HeadlineNumbers headline={summary.headline} />
      <CounterfactualSlideChart result={result} summary={summary} fileStem={fileStem} />
    </>
  );
}
