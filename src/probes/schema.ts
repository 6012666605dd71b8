// The probe schema: a probe is data, validated here, so the same JSON runs in the browser, in the
// CLI and from a share URL. Families form a discriminated union on `family`; the LM families
// (counterfactual pairs, position swaps, …) join this union in their own issue.
import { z } from 'zod';

const stimulus = z.string().trim().min(1, 'empty stimulus');

export const wordSetSchema = z.object({
  label: z.string().trim().min(1, 'every set needs a label'),
  words: z.array(stimulus).min(2, 'a set needs at least two stimuli'),
});

export const citationSchema = z.object({
  text: z.string().min(1),
  url: z.string().url().optional(),
});

const associationBase = {
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case letters, digits and dashes')
    .max(80),
  title: z.string().trim().min(1).max(200),
  description: z.string().max(4000).optional(),
  citation: citationSchema.optional(),
  targets: z.object({ X: wordSetSchema, Y: wordSetSchema }),
  attributes: z.object({ A: wordSetSchema, B: wordSetSchema }),
};

/** WEAT: stimuli are single words looked up in a word-embedding table. */
export const weatProbeSchema = z.object({ family: z.literal('weat'), ...associationBase });

/** SEAT: each stimulus is put into every template and the sentences are embedded. */
export const seatProbeSchema = z.object({
  family: z.literal('seat'),
  ...associationBase,
  templates: z
    .array(z.string().includes('{term}', { message: 'every template must contain {term}' }))
    .min(1, 'SEAT needs at least one template'),
});

export const associationProbeSchema = z.discriminatedUnion('family', [weatProbeSchema, seatProbeSchema]);
export const probeSchema = associationProbeSchema;

export type WeatProbe = z.infer<typeof weatProbeSchema>;
export type SeatProbe = z.infer<typeof seatProbeSchema>;
export type AssociationProbe = z.infer<typeof associationProbeSchema>;
export type Probe = z.infer<typeof probeSchema>;
export type ProbeFamily = Probe['family'];
