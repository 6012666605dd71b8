// What a stored representation-probe result must hold to be re-opened: a loose object (fields added
// later survive a save/re-open), with every field the summary, chart and CSV read checked. One
// schema under each family id that runs the probe (word vectors, an LM's hidden states).
import { z } from 'zod';

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const pValue = z.number().min(0).max(1);
const perConcept = <T extends z.ZodType>(t: T) => z.object({ X: t, Y: t, A: t, B: t });

/** The stored result of the representation probe family `kind`. */
export const representationProbeResultSchemaOf = <const K extends string>(kind: K) =>
  z.looseObject({
    probeId: z.string().min(1),
    title: z.string(),
    kind: z.literal(kind),
    labels: perConcept(z.string()),
    words: perConcept(z.array(z.string())),
    oov: perConcept(z.array(z.string())),
    duplicates: perConcept(z.array(z.string())),
    sizes: perConcept(z.number().int().min(0)),
    probe: z.looseObject({ trainingAccuracy: z.number().min(0).max(1), iterations: z.number().int().min(0), converged: z.boolean(), C: z.number().positive() }),
    setMeans: z.object({ X: finite, Y: finite }),
    difference: finite,
    pValue,
    pMethod: z.enum(['exact', 'monte-carlo']),
    permutations: z.number().int().min(1),
    testCi: z.looseObject({
      level: z.number().gt(0).lt(1),
      low: finite.nullable(),
      high: finite.nullable(),
      sides: z.enum(['two-sided', 'lower', 'upper']),
      method: z.string(),
      nullValue: finite,
    }),
    pHolm: pValue.nullable(),
    pBH: pValue.nullable(),
    items: z.array(z.object({ word: z.string(), set: z.enum(['X', 'Y']), alignment: finite })),
  });

export const representationProbeResultSchema = representationProbeResultSchemaOf('representation-probe');
