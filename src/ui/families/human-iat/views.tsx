// The human IAT's screens. The card: the participant part (src/ui/iat/TakeIatSection) above the
// model's WEAT on the IAT's words (the shared word-vector body). The class-mode slide: the
// participant's D and the model's d, large, each on its own axis.
import { useMemo } from 'react';
import { modelSide, participantSideOf, type HumanIatResult } from '../../../probes/families/human-iat/result';
import { IatComparisonSlide } from '../../iat/IatComparisonSlide';
import { TakeIatSection } from '../../iat/TakeIatSection';
import { WordVectorBody } from '../shared/WordVectorBody';
import type { FamilyBodyProps, FamilySlideProps } from '../types';

export function Body({ result, summary, fileStem, chartsOpen }: FamilyBodyProps<HumanIatResult>) {
  // One object per result: the participant screen plans the session from it and must not re-plan on a re-render.
  const run = useMemo(() => participantSideOf(result), [result]);
  return (
    <>
      <TakeIatSection run={run} modelNumber="the word vectors’ WEAT on the same words" />
      <WordVectorBody result={modelSide(result)} summary={summary} fileStem={fileStem} chartsOpen={chartsOpen} />
    </>
  );
}

export function Slide({ result }: FamilySlideProps<HumanIatResult>) {
  return <IatComparisonSlide run={participantSideOf(result)} />;
}
