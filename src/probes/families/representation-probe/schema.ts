// A representation probe (docs/methods/representation-probe.md): two target concepts whose words
// are scored, and two reference concepts whose words train the linear probe that finds the
// direction they are scored along. Four word sets in WEAT's shape, so Caliskan's lists drop in.
// One schema for both modalities (word vectors, an LM's hidden states): the registry keys a family
// by its id and gives each one modality, so the LM family is this schema under its own id.
import { z } from 'zod';
import { MAX_WORDS_PER_SET, probeBaseFields, wordSetSchema } from '../../probeFields';

/** The representation probe's schema under family id `family`. */
export const representationProbeSchemaOf = <const F extends string>(family: F) =>
  z
    .object({
      family: z.literal(family),
      ...probeBaseFields,
      targets: z.object({ X: wordSetSchema, Y: wordSetSchema }),
      /** A is the positive side of the direction: a positive difference means X lies further towards A than Y does. */
      attributes: z.object({ A: wordSetSchema, B: wordSetSchema }),
    })
    .superRefine((probe, ctx) => {
      const sets = [['targets', 'X', probe.targets.X], ['targets', 'Y', probe.targets.Y], ['attributes', 'A', probe.attributes.A], ['attributes', 'B', probe.attributes.B]] as const;
      for (const [group, key, set] of sets) {
        if (set.words.length > MAX_WORDS_PER_SET) ctx.addIssue({ code: 'custom', path: [group, key, 'words'], message: `set ${key} has ${set.words.length} words; the limit is ${MAX_WORDS_PER_SET}` });
      }
    });

export const representationProbeSchema = representationProbeSchemaOf('representation-probe');

export type RepresentationProbe = z.infer<typeof representationProbeSchema>;
/** What every representation probe holds, whichever family id it carries. */
export type RepresentationProbeSets = Pick<RepresentationProbe, 'id' | 'title' | 'targets' | 'attributes'>;
