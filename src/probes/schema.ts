// The probe schema: a probe is data, validated here, so the same JSON runs in the browser, in the
// CLI and from a share URL. Families form a discriminated union on `family`; the LM families
// (counterfactual pairs, position swaps, …) join this union in their own issue.
//
// Shape decisions (see also validate.ts, which adds checks the schema cannot express well):
// - A set holds at most MAX_WORDS_PER_SET stimuli. The limit keeps a share URL, an embedding run
//   and the per-item CSV bounded; it is enforced here so that no path (CLI, UI, share URL) can
//   bypass it, with the message "set X has 5,123 words; the limit is 5,000".
// - SEAT templates can differ per set. May et al. (2019) put names into name templates ("This is
//   {term}.", "{term} is a person.") and nouns into noun templates ("This is the {term}."), so a
//   single template list cannot express Caliskan's tests. `templates` is the default for every
//   set; `setTemplates.X` (or Y, A, B) replaces it for that set. Use `templatesForSet()`.
// - A probe file may carry `format: "bias-workbench-probe@1"` and/or a `$schema` string; both are
//   accepted and kept out of the way of the rest of the definition (see import/probeJson.ts).
import { z } from 'zod';

/** Most stimuli one set may hold (an error above it, in the schema and in lintProbe). */
export const MAX_WORDS_PER_SET = 5_000;

/** The marker written into exported probe files (`format`). */
export const PROBE_FORMAT = 'bias-workbench-probe@1';

/** The placeholder a SEAT template must contain. */
export const TERM_PLACEHOLDER = '{term}';

const stimulus = z.string().trim().min(1, 'empty stimulus (a blank word)');

const thousands = (n: number): string => n.toLocaleString('en-US');

export const wordSetSchema = z.object({
  label: z.string().trim().min(1, 'every set needs a label'),
  words: z.array(stimulus).min(2, 'a set needs at least two stimuli'),
});

export const citationSchema = z.object({
  text: z.string().min(1),
  url: z.string().url().optional(),
  doi: z.string().min(1).optional(),
});

const templateSchema = z
  .string()
  .trim()
  .min(1, 'empty template')
  .includes(TERM_PLACEHOLDER, { message: 'every template must contain {term}' });

const templateListSchema = z.array(templateSchema).min(1, 'SEAT needs at least one template');

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

const associationBase = {
  ...probeBaseFields,
  targets: z.object({ X: wordSetSchema, Y: wordSetSchema }),
  attributes: z.object({ A: wordSetSchema, B: wordSetSchema }),
};

interface FourSets {
  targets: { X: { words: string[] }; Y: { words: string[] } };
  attributes: { A: { words: string[] }; B: { words: string[] } };
}

/** The per-set size limit, with a message that names the set and both numbers. */
const checkSetLimits = (probe: FourSets, ctx: z.RefinementCtx): void => {
  const sets = [
    ['targets', 'X', probe.targets.X.words],
    ['targets', 'Y', probe.targets.Y.words],
    ['attributes', 'A', probe.attributes.A.words],
    ['attributes', 'B', probe.attributes.B.words],
  ] as const;
  for (const [group, key, words] of sets) {
    if (words.length > MAX_WORDS_PER_SET) {
      ctx.addIssue({
        code: 'custom',
        path: [group, key, 'words'],
        message: `set ${key} has ${thousands(words.length)} words; the limit is ${thousands(MAX_WORDS_PER_SET)}`,
      });
    }
  }
};

/** WEAT: stimuli are single words looked up in a word-embedding table. */
export const weatProbeSchema = z.object({ family: z.literal('weat'), ...associationBase }).superRefine(checkSetLimits);

/** Per-set template overrides for SEAT (names vs nouns vs adjectives need different frames). */
export const setTemplatesSchema = z.object({
  X: templateListSchema.optional(),
  Y: templateListSchema.optional(),
  A: templateListSchema.optional(),
  B: templateListSchema.optional(),
});

/**
 * SEAT: each stimulus is put into every template of its set and the sentences are embedded.
 * `templates` is the default for all four sets; `setTemplates` overrides it set by set.
 */
export const seatProbeSchema = z
  .object({
    family: z.literal('seat'),
    ...associationBase,
    templates: templateListSchema,
    setTemplates: setTemplatesSchema.optional(),
  })
  .superRefine(checkSetLimits);

export const associationProbeSchema = z.discriminatedUnion('family', [weatProbeSchema, seatProbeSchema]);
export const probeSchema = associationProbeSchema;

export type WeatProbe = z.infer<typeof weatProbeSchema>;
export type SeatProbe = z.infer<typeof seatProbeSchema>;
export type AssociationProbe = z.infer<typeof associationProbeSchema>;
export type Probe = z.infer<typeof probeSchema>;
export type ProbeFamily = Probe['family'];
export type WordSet = z.infer<typeof wordSetSchema>;
export type ProbeSetKey = 'X' | 'Y' | 'A' | 'B';

/** The families this build understands (for messages and pickers). */
export const PROBE_FAMILIES: readonly ProbeFamily[] = ['weat', 'seat'];

/** The word set of a probe by key. */
export const probeSet = (probe: AssociationProbe, key: ProbeSetKey): WordSet =>
  key === 'X' || key === 'Y' ? probe.targets[key] : probe.attributes[key];

/** The templates SEAT uses for one set: the per-set override, else the default list. */
export const templatesForSet = (probe: SeatProbe, key: ProbeSetKey): string[] =>
  probe.setTemplates?.[key] ?? probe.templates;

/**
 * The sentences SEAT embeds for one set: every stimulus in every template of that set, stimulus
 * order outer, template order inner (so sentences for one word are adjacent). Each `{term}` in a
 * template is replaced by the stimulus as written.
 */
export const seatSentencesForSet = (probe: SeatProbe, key: ProbeSetKey): { word: string; sentence: string }[] => {
  const templates = templatesForSet(probe, key);
  return probeSet(probe, key).words.flatMap((word) =>
    templates.map((t) => ({ word, sentence: t.split(TERM_PLACEHOLDER).join(word) })),
  );
};
