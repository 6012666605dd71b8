// Counterfactual pairs' screens: the Δ dot plot, per-category table and items; the slide is the
// headline and the dot plot.
import type { CounterfactualPairsResult } from '../../../core/lmRun/types';
import { CounterfactualBody, CounterfactualSlideChart } from '../shared/CounterfactualBody';
import { HeadlineNumbers } from '../shared/HeadlineSlide';
import type { FamilyBodyProps, FamilySlideProps } from '../types';
import { pairPoints } from './points';

export function Body({ result, fileStem }: FamilyBodyProps<CounterfactualPairsResult>) {
  return <CounterfactualBody result={result} points={pairPoints(result)} fileStem={fileStem} />;
}

export function Slide({ result, summary, fileStem }: FamilySlideProps<CounterfactualPairsResult>) {
  return (
    <>
      <HeadlineNumbers headline={summary.headline} />
      <CounterfactualSlideChart result={result} points={pairPoints(result)} fileStem={fileStem} />
    </>
  );
}
