// What a human IAT on a language model returns: the likelihood IAT's result on the probe's four
// word sets (every field of an lm-iat result) plus the participant design and the full word sets,
// as the word-vector human IAT's result carries them, so the same participant screen starts from it.
import { z } from 'zod';
import type { AssociationResult } from '../../../core/association/types';
import { iatDesignSchema, type IatDesign } from '../human-iat/schema';
import type { IatRunSide, IatStimuli } from '../human-iat/result';
import { associationResultSchema } from '../shared/associationResultSchema';

export type HumanIatLmResult = Omit<AssociationResult, 'kind'> & {
  kind: 'human-iat-lm';
  design: IatDesign;
  stimuli: IatStimuli;
};

const stimulusSet = z.object({ label: z.string(), words: z.array(z.string()).min(1) });

export const humanIatLmResultSchema = associationResultSchema('lm-iat').extend({
  kind: z.literal('human-iat-lm'),
  design: iatDesignSchema,
  stimuli: z.object({ X: stimulusSet, Y: stimulusSet, A: stimulusSet, B: stimulusSet }),
});

/** The result read as the likelihood IAT result it contains (that family's summary and CSV take it). */
export const lmSide = (r: HumanIatLmResult): AssociationResult => ({ ...r, kind: 'lm-iat' });

/** What the participant screen needs: the words, the design and the likelihood IAT's d. */
export const participantSideOf = (r: HumanIatLmResult): IatRunSide => ({ ...r, measure: 'lm-iat' });
