// Fields and limits every probe family shares (file markers, id, title, citation, word sets). They
// sit apart from the family schemas so that each family folder can build on them and the unions
// (families/index.ts) can be built from the families without an import cycle.
import { z } from 'zod';
import { httpUrlOrNull } from '../core/httpUrl';
import { PROBE_FILE_FORMAT } from '../core/input/probeCollection';
import { MIN_STIMULI_PER_SET, tooFewStimuli } from '../core/input/setSize';
import { stimulusProblem } from '../core/input/stimulusText';

/** Most stimuli one set may hold (an error above it, in the schema and in lint). */
export const MAX_WORDS_PER_SET = 5_000;

/** The marker written into exported probe files (`format`). */
export const PROBE_FORMAT = PROBE_FILE_FORMAT;

/** The placeholder a SEAT template must contain. */
export const TERM_PLACEHOLDER = '{term}';

const stimulus = z
  .string()
  .trim()
  .min(1, 'empty stimulus (a blank word)')
  .superRefine((word, ctx) => {
    const problem = stimulusProblem(word);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const wordSetSchema = z.object({
  label: z.string().trim().min(1, 'every set needs a label'),
  words: z.array(stimulus).min(MIN_STIMULI_PER_SET, { error: (issue) => tooFewStimuli(Array.isArray(issue.input) ? issue.input : []) }),
});

export const citationSchema = z.object({
  text: z.string().min(1),
  url: z
    .string()
    .refine((u) => httpUrlOrNull(u) !== null, 'must be an http(s) address, e.g. https://doi.org/…')
    .optional(),
  doi: z.string().min(1).optional(),
});

/** Fields every probe family shares: file markers, id, title, description, citation. */
export const probeBaseFields = {
  $schema: z.string().optional(),
  format: z.literal(PROBE_FORMAT).optional(),
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case letters, digits and dashes')
    .max(80),
  title: z.string().trim().min(1).max(200),
  description: z.string().max(4000).optional(),
  citation: citationSchema.optional(),
};

export type WordSet = z.infer<typeof wordSetSchema>;
