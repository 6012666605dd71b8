// Which run options a probe uses, by the modality its family declares (the registry's `modality`),
// so the options panel shows only those that change a number. The SD convention divides the WEAT/SEAT
// effect size d (core/association); no language-model family reads it. Permutations, bootstrap
// resamples, confidence level and seed are read by both kinds (the LM families' sign-flip tests and
// bootstrap intervals use them too).
import type { AssociationOptions } from '../core/association/types';
import type { Modality } from '../probes/families/types';

const ONLY_FOR: Partial<Record<keyof AssociationOptions, Modality>> = { sd: 'vectors' };

/** True when a probe of `modality` reads `option`. */
export const optionApplies = (option: keyof AssociationOptions, modality: Modality): boolean => (ONLY_FOR[option] ?? modality) === modality;
