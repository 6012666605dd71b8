// A human IAT whose model side is a language model: the likelihood IAT's fields (the four word
// sets and the frames its attributes are scored in) and the participant design of the seven blocks,
// the same design object as the word-vector human IAT, so a class moves between the two freely.
import { z } from 'zod';
import { DEFAULT_BLOCK_LENGTHS, iatDesignSchema } from '../human-iat/schema';
import { checkLmIatFields, lmIatFields } from '../lm-iat/schema';

export const humanIatLmProbeSchema = z
  .object({
    family: z.literal('human-iat-lm'),
    ...lmIatFields,
    design: iatDesignSchema.default({ blockLengths: [...DEFAULT_BLOCK_LENGTHS], firstPairing: 'counterbalanced', seed: 1 }),
  })
  .superRefine(checkLmIatFields);

export type HumanIatLmProbe = z.infer<typeof humanIatLmProbeSchema>;
