// SEAT (May et al. 2019): each stimulus is put into every template of its set and the sentences are
// embedded. Templates can differ per set: May et al. put names into name templates ("This is
// {term}.", "{term} is a person.") and nouns into noun templates ("This is the {term}."), so a single
// template list cannot express Caliskan's tests. `templates` is the default for every set;
// `setTemplates.X` (or Y, A, B) replaces it for that set (templatesForSet).
import { z } from 'zod';
import { TERM_PLACEHOLDER } from '../../probeFields';
import { associationBaseFields, checkSetLimits, probeSet, type ProbeSetKey } from '../shared/associationFields';

const templateSchema = z
  .string()
  .trim()
  .min(1, 'empty template')
  .includes(TERM_PLACEHOLDER, { message: 'every template must contain {term}' });

const templateListSchema = z.array(templateSchema).min(1, 'SEAT needs at least one template');

/** Per-set template overrides (names vs nouns vs adjectives need different frames). */
export const setTemplatesSchema = z.object({
  X: templateListSchema.optional(),
  Y: templateListSchema.optional(),
  A: templateListSchema.optional(),
  B: templateListSchema.optional(),
});

export const seatProbeSchema = z
  .object({
    family: z.literal('seat'),
    ...associationBaseFields,
    templates: templateListSchema,
    setTemplates: setTemplatesSchema.optional(),
  })
  .superRefine(checkSetLimits);

export type SeatProbe = z.infer<typeof seatProbeSchema>;

/** The templates SEAT uses for one set: the per-set override, else the default list. */
export const templatesForSet = (probe: SeatProbe, key: ProbeSetKey): string[] => probe.setTemplates?.[key] ?? probe.templates;

/**
 * The sentences SEAT embeds for one set: every stimulus in every template of that set, stimulus
 * order outer, template order inner (so sentences for one word are adjacent). Each `{term}` in a
 * template is replaced by the stimulus as written.
 */
export const seatSentencesForSet = (probe: SeatProbe, key: ProbeSetKey): { word: string; sentence: string }[] => {
  const templates = templatesForSet(probe, key);
  return probeSet(probe, key).words.flatMap((word) => templates.map((t) => ({ word, sentence: t.split(TERM_PLACEHOLDER).join(word) })));
};
