// The screens of the human IAT beside a language model: the participant part (src/ui/iat) above the
// likelihood IAT's own body on the same words (per-word chart and rows); the class-mode slide puts
// the participant's D and the language model's d on their own axes.
import { useMemo } from 'react';
import { lmSide, participantSideOf, type HumanIatLmResult } from '../../../probes/families/human-iat-lm/result';
import { IatComparisonSlide } from '../../iat/IatComparisonSlide';
import { TakeIatSection } from '../../iat/TakeIatSection';
import { Body as LmIatBody } from '../lm-iat/views';
import type { FamilyBodyProps, FamilySlideProps } from '../types';

export function Body({ result, summary, fileStem, chartsOpen }: FamilyBodyProps<HumanIatLmResult>) {
  // One object per result: the participant screen plans the session from it and must not re-plan on a re-render.
  const run = useMemo(() => participantSideOf(result), [result]);
  return (
    <>
      <TakeIatSection run={run} modelNumber="the language model’s likelihood IAT on the same words" />
      <LmIatBody result={lmSide(result)} summary={summary} fileStem={fileStem} chartsOpen={chartsOpen} />
    </>
  );
}

export function Slide({ result }: FamilySlideProps<HumanIatLmResult>) {
  return <IatComparisonSlide run={participantSideOf(result)} />;
}
