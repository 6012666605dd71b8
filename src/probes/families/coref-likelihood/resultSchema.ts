// What a stored pronoun-resolution result must hold to be re-opened: loose (fields added later
// survive), with what the summary, card and CSV read checked. JSON writes NaN as null.
import { z } from 'zod';

const nullableNumber = z.number().nullable();
const accuracy = z.looseObject({ n: z.number(), correct: z.number(), accuracy: nullableNumber });
const gap = z.looseObject({ first: accuracy, second: accuracy, gap: nullableNumber, pairs: z.number(), firstOnly: z.number(), secondOnly: z.number(), p: nullableNumber });

export const corefLikelihoodResultSchema = z.looseObject({
  kind: z.literal('coref-likelihood'),
  probeId: z.string().min(1),
  title: z.string(),
  dataset: z.enum(['winobias', 'winogender']),
  overall: accuracy,
  gap,
  compared: z.tuple([z.string(), z.string()]),
  items: z.array(z.looseObject({ id: z.string(), scores: z.tuple([nullableNumber, nullableNumber]), correct: z.boolean() })),
});
