// Summary of a human IAT probe's run, which is the model's side of the comparison: the WEAT summary
// of the same four word sets (headline d, interval, p, verdict under the one rule), with the reading
// saying that this is the word vectors' number, not a person's. The participant's D is summarised on
// the participant screen (./participantResult.ts), never mixed into this headline: the two are on
// different scales.
import { associationHeadline, summarizeWordVectorTest } from '../shared/associationSummary';
import type { Headline, FamilySummary } from '../types';
import { modelSide, type HumanIatResult } from './result';

export function humanIatHeadline(r: HumanIatResult): Headline {
  return associationHeadline(modelSide(r));
}

export function summarizeHumanIat(r: HumanIatResult): FamilySummary {
  const weat = summarizeWordVectorTest(modelSide(r));
  return { ...weat, reading: `The word vectors (WEAT on the words of this IAT): ${weat.reading}` };
}
