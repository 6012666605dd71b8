// Which run options a probe uses, by the modality its family declares (the registry's `modality`),
// so the options panel shows only those that change a number. The SD convention divides the WEAT/SEAT
// effect size d (core/association); no language-model family reads it. Permutations, bootstrap
// resamples and the confidence level are read by both model kinds (the LM families' sign-flip tests
// and bootstrap intervals use them too) but by none of the model-free class-lab families, which read
// the seed alone (it seeds their data and training).
import type { AssociationOptions } from '../core/association/types';
import type { Modality } from '../probes/families/types';

const EVERY_MODALITY: readonly Modality[] = ['vectors', 'lm', 'none'];
const READ_BY: Partial<Record<keyof AssociationOptions, readonly Modality[]>> = {
  sd: ['vectors'],
  permutations: ['vectors', 'lm'],
  bootstrap: ['vectors', 'lm'],
  confidenceLevel: ['vectors', 'lm'],
};

/** True when a probe of `modality` reads `option`. */
export const optionApplies = (option: keyof AssociationOptions, modality: Modality): boolean => (READ_BY[option] ?? EVERY_MODALITY).includes(modality);

/** The device choice matters only where a model runs. */
export const deviceApplies = (modality: Modality): boolean => modality !== 'none';
