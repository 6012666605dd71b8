// A stored result of either human IAT family read as the participant screen's run side (words,
// design, the model's d and its measure), or null for any other result. Where a screen holds results
// of every family (the class view looks through the run history for the model's number on the
// class's test), this is the one place that knows which kinds carry that side.
import { participantSideOf as lmParticipantSideOf, type HumanIatLmResult } from '../human-iat-lm/result';
import { participantSideOf, type HumanIatResult, type IatRunSide } from './result';

export function iatRunSideOfResult(result: { kind: string }): IatRunSide | null {
  if (result.kind === 'human-iat') return participantSideOf(result as HumanIatResult);
  if (result.kind === 'human-iat-lm') return lmParticipantSideOf(result as HumanIatLmResult);
  return null;
}
