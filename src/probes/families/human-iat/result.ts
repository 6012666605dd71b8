// What a human IAT probe's run returns: the model's side of the comparison — WEAT on the probe's four
// word sets and the current word vectors, every field of a WEAT result — plus the participant
// screen's design and the full word sets (out-of-vocabulary words too: a participant sorts every
// word, the model only those it has vectors for), so the screen can start from the result alone.
import { z } from 'zod';
import type { AssociationResult } from '../../../core/association/types';
import { associationResultSchema } from '../shared/associationResultSchema';
import { iatDesignSchema, type IatDesign } from './schema';
import type { IatModelMeasure } from './modelMeasure';
import type { IatCategoryKey } from './sessionPlan';

export type IatStimuli = Record<IatCategoryKey, { label: string; words: string[] }>;

export type HumanIatResult = Omit<AssociationResult, 'kind'> & {
  kind: 'human-iat';
  design: IatDesign;
  stimuli: IatStimuli;
};

const stimulusSet = z.object({ label: z.string(), words: z.array(z.string()).min(1) });

export const humanIatResultSchema = associationResultSchema('weat').extend({
  kind: z.literal('human-iat'),
  design: iatDesignSchema,
  stimuli: z.object({ X: stimulusSet, Y: stimulusSet, A: stimulusSet, B: stimulusSet }),
});

/** The result read as the WEAT result it contains (the shared association summary and CSV take that). */
export const modelSide = (r: HumanIatResult): AssociationResult => ({ ...r, kind: 'weat' });

/**
 * What the participant screen takes from a run of either human IAT family (word vectors or a
 * language model): the words and design, and the model's number with the measure it is.
 */
export interface IatRunSide {
  probeId: string;
  title: string;
  design: IatDesign;
  stimuli: IatStimuli;
  effectSize: number;
  pValue: number;
  measure: IatModelMeasure;
}

/** What the participant screen needs: the words, the design and the word vectors' WEAT d. */
export const participantSideOf = (r: HumanIatResult): IatRunSide => ({ ...r, measure: 'weat' });
