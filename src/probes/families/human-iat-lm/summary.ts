// Summary of a human IAT on a language model: the likelihood IAT's own summary of the same words
// (headline d, intervals, p, verdict under the one rule), with the reading saying this is the
// language model's number, not a person's. The participant's D stays on the participant screen.
import { associationHeadline } from '../shared/associationSummary';
import { summarizeLmIat } from '../lm-iat/summary';
import type { FamilySummary, Headline } from '../types';
import { lmSide, type HumanIatLmResult } from './result';

export const humanIatLmHeadline = (r: HumanIatLmResult): Headline => associationHeadline(lmSide(r));

export function summarizeHumanIatLm(r: HumanIatLmResult): FamilySummary {
  const lm = summarizeLmIat(lmSide(r));
  return { ...lm, reading: `The language model (likelihood IAT on the words of this IAT): ${lm.reading}` };
}
