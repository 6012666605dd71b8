// A RIPA probe (docs/methods/ripa.md): two target sets whose words are scored, and the attribute pairs
// that define the relation they are scored along, written as pairs because RIPA pairs its words by
// position (he/she, man/woman…): a pair list cannot be misaligned the way two parallel lists can.
import { z } from 'zod';
import { stimulusProblem } from '../../../core/input/stimulusText';
import { MAX_WORDS_PER_SET, probeBaseFields, wordSetSchema } from '../../probeFields';

const pairWord = z
  .string()
  .trim()
  .min(1, 'empty word in a pair')
  .superRefine((word, ctx) => {
    const problem = stimulusProblem(word);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const ripaProbeSchema = z.object({
  family: z.literal('ripa'),
  ...probeBaseFields,
  targets: z.object({ X: wordSetSchema, Y: wordSetSchema }),
  attributePairs: z.object({
    /** What the first word of every pair stands for ("Male terms"): b ∝ first − second, so a positive RIPA leans towards the first words. */
    firstLabel: z.string().trim().min(1, 'the pairs need a label for their first words'),
    secondLabel: z.string().trim().min(1, 'the pairs need a label for their second words'),
    pairs: z.array(z.tuple([pairWord, pairWord])).min(1, 'RIPA needs at least one attribute pair').max(MAX_WORDS_PER_SET),
  }),
}).superRefine((probe, ctx) => {
  for (const key of ['X', 'Y'] as const) {
    const n = probe.targets[key].words.length;
    if (n > MAX_WORDS_PER_SET) ctx.addIssue({ code: 'custom', path: ['targets', key, 'words'], message: `set ${key} has ${n} words; the limit is ${MAX_WORDS_PER_SET}` });
  }
});

export type RipaProbe = z.infer<typeof ripaProbeSchema>;
