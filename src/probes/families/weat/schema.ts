// WEAT (Caliskan et al. 2017): stimuli are single words looked up in a word-embedding table.
import { z } from 'zod';
import { associationBaseFields, checkSetLimits } from '../shared/associationFields';

export const weatProbeSchema = z.object({ family: z.literal('weat'), ...associationBaseFields }).superRefine(checkSetLimits);

export type WeatProbe = z.infer<typeof weatProbeSchema>;
