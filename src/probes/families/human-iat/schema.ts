// A human IAT probe (docs/methods/iat-d-score.md, "The participant screen"): the four word sets of an
// association probe, which the participant sorts and the model is tested on (WEAT on the current
// word vectors), and the design of the seven blocks. The design lives in the probe, not in the
// screen, so an instructor's choice (block lengths, a fixed first pairing, the seed) travels with
// the probe file and share link to every student's browser.
import { z } from 'zod';
import { associationBaseFields, checkSetLimits } from '../shared/associationFields';

/** Greenwald, Nosek & Banaji (2003) Table 1 with block 5 lengthened to 40 (Nosek, Greenwald & Banaji 2005). */
export const DEFAULT_BLOCK_LENGTHS = [20, 20, 20, 40, 40, 20, 40] as const;
export const MIN_BLOCK_TRIALS = 2;
export const MAX_BLOCK_TRIALS = 200;

const blockLength = z.number().int().min(MIN_BLOCK_TRIALS, `a block needs at least ${MIN_BLOCK_TRIALS} trials`).max(MAX_BLOCK_TRIALS, `a block has at most ${MAX_BLOCK_TRIALS} trials`);

export const iatDesignSchema = z.object({
  /** Trials in blocks 1–7. */
  blockLengths: z.tuple([blockLength, blockLength, blockLength, blockLength, blockLength, blockLength, blockLength]).default([...DEFAULT_BLOCK_LENGTHS]),
  /** Which pairing blocks 3–4 have: drawn per participant ('counterbalanced') or fixed by the instructor. */
  firstPairing: z.enum(['counterbalanced', 'XA', 'XB']).default('counterbalanced'),
  /** Seeds every participant's stream together with their participant id. */
  seed: z.number().int().min(0).max(2 ** 32 - 1).default(1),
});

export type IatDesign = z.infer<typeof iatDesignSchema>;

export const humanIatProbeSchema = z
  .object({ family: z.literal('human-iat'), ...associationBaseFields, design: iatDesignSchema.default({ blockLengths: [...DEFAULT_BLOCK_LENGTHS], firstPairing: 'counterbalanced', seed: 1 }) })
  .superRefine(checkSetLimits);

export type HumanIatProbe = z.infer<typeof humanIatProbeSchema>;
