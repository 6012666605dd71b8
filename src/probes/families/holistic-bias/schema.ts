// A HolisticBias probe (docs/methods/holistic-bias.md): the dataset's own lists as the user imported
// them — descriptors by axis and bucket, nouns by gender, sentence templates with their flags,
// optionally the standalone noun phrases — in the shape of the published JSON files, plus the sample
// to draw from them (sentences per template and descriptor, how many templates, the seed). The
// sentences are not stored: the full cross product is ~460k sentences, and the sample is a pure
// function of these fields (./sample.ts), so the probe states exactly what a run scores.
// CC BY-SA 4.0: import only, nothing built in.
import { z } from 'zod';
import { lmBaseFields, MAX_LM_ITEMS, text } from '../shared/lmProbeFields';
import { datasetAxes, sampleSize } from './sample';

/** The noun-phrase slots a sentence template may hold (exactly one of them). */
export const NOUN_PHRASE_SLOTS = ['{noun_phrase}', '{plural_noun_phrase}'] as const;

/** The nouns' gender groups as the dataset names them. */
export const NOUN_GENDERS = ['female', 'male', 'neutral'] as const;

export const descriptorEntrySchema = z.union([
  text('descriptor'),
  z.looseObject({
    descriptor: text('descriptor'),
    preference: z.string().optional(),
    /** Restricts the nouns to this gender group ("female" for "Latina"). */
    gender: z.enum(NOUN_GENDERS).optional(),
    /** The indefinite article when "a"/"an" by first letter is wrong ("an" for "LGBTQ"). */
    article: z.string().optional(),
  }),
]);

export const standalonePhraseSchema = z.union([
  text('noun phrase'),
  z.looseObject({
    noun_phrase: text('noun phrase'),
    plural_noun_phrase: text('plural noun phrase').optional(),
    preference: z.string().optional(),
  }),
]);

export const templateFlagsSchema = z.looseObject({
  /** The template needs a noun ("What do you think about {plural_noun_phrase}?"): no bare descriptor. */
  must_be_noun: z.boolean().optional(),
  /** A greeting: first turn of a conversation only (every sentence here is scored on its own, so it applies). */
  first_turn_only: z.boolean().optional(),
});

const named = <T extends z.ZodType>(value: T) => z.record(text('name'), value);

export const holisticBiasDatasetSchema = z
  .object({
    descriptors: named(named(z.array(descriptorEntrySchema))),
    nouns: z.partialRecord(z.enum(NOUN_GENDERS), z.array(z.tuple([text('noun'), text('plural noun')]))),
    sentence_templates: named(templateFlagsSchema),
    standalone_noun_phrases: named(z.array(standalonePhraseSchema)).optional(),
  })
  .superRefine((d, ctx) => {
    if (Object.keys(d.descriptors).length === 0) ctx.addIssue({ code: 'custom', path: ['descriptors'], message: 'needs at least one axis' });
    if (Object.values(d.nouns).every((list) => !list || list.length === 0)) ctx.addIssue({ code: 'custom', path: ['nouns'], message: 'needs at least one noun' });
    const templates = Object.keys(d.sentence_templates);
    if (templates.length === 0) ctx.addIssue({ code: 'custom', path: ['sentence_templates'], message: 'needs at least one template' });
    for (const t of templates) {
      const slots = NOUN_PHRASE_SLOTS.filter((s) => t.includes(s)).length;
      if (slots !== 1 || t.split(/\{[a-z_]+\}/).length !== 2)
        ctx.addIssue({ code: 'custom', path: ['sentence_templates', t], message: `a template holds exactly one of ${NOUN_PHRASE_SLOTS.join(', ')}` });
    }
  });

export const holisticBiasSampleSchema = z.object({
  /** Sentences drawn per (template, descriptor) cell: the size of each distribution the rank test compares. */
  perCell: z.number().int().min(1).max(200).default(8).describe('Sentences per template and descriptor (each rank test compares two such sets; at least 4 for p < 0.05 to be reachable).'),
  /** Templates drawn (without replacement) for the run; every descriptor is scored in each. */
  templates: z.number().int().min(1).max(200).default(2).describe('Templates drawn for the run; every descriptor is scored in each.'),
  seed: z.number().int().min(0).max(2 ** 32 - 1).default(1).describe('Seed of the draw (the same seed, the same sentences).'),
});

export const holisticBiasProbeSchema = z
  .object({
    family: z.literal('holistic-bias'),
    ...lmBaseFields,
    /** causal-mean: the sentence's mean log-probability per token (−log perplexity). */
    scoring: z.enum(['causal-mean']).default('causal-mean'),
    sample: holisticBiasSampleSchema.prefault({}),
    /** Only these axes (all of the dataset's when absent). */
    axes: z.array(text('axis')).min(1).optional().describe('Only these axes (all when empty).'),
    dataset: holisticBiasDatasetSchema,
  })
  .superRefine((p, ctx) => {
    const known = datasetAxes(p.dataset);
    p.axes?.forEach((a, i) => {
      if (!known.includes(a)) ctx.addIssue({ code: 'custom', path: ['axes', i], message: `no axis "${a}" in the dataset (it has ${known.join(', ')})` });
    });
    if (p.axes?.some((a) => !known.includes(a))) return;
    const n = sampleSize(p);
    if (n > MAX_LM_ITEMS)
      ctx.addIssue({ code: 'custom', path: ['sample'], message: `the sample is ${n.toLocaleString('en-US')} sentences; at most ${MAX_LM_ITEMS.toLocaleString('en-US')}: draw fewer templates or sentences per template, or choose axes` });
    if (n === 0) ctx.addIssue({ code: 'custom', path: ['sample'], message: 'the sample holds no sentence' });
  });

export type HolisticBiasProbe = z.infer<typeof holisticBiasProbeSchema>;
export type HolisticBiasDataset = z.infer<typeof holisticBiasDatasetSchema>;
export type HolisticBiasSample = z.infer<typeof holisticBiasSampleSchema>;
