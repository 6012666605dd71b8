// What a stored BBQ result must hold to be re-opened: loose objects (fields added later survive a
// save/re-open), every field the summary, chart and CSV read checked. Records made before the prompted
// path have no answerBy (likelihood) and always a scoring, scores and a chosen answer.
import { z } from 'zod';

const fraction = z.number().min(0).max(1);
const bias = z.number().min(-1).max(1).nullable();
const count = z.number().int().min(0);
const scores = {
  questions: z.number().int().min(1),
  ambiguous: count,
  disambiguated: count,
  accuracy: fraction,
  accuracyAmbiguous: fraction.nullable(),
  accuracyDisambiguated: fraction.nullable(),
  biasDisambiguated: bias,
  biasAmbiguous: bias,
  counts: z.looseObject({ ambig: z.looseObject({ biased: count, nonUnknown: count }), disambig: z.looseObject({ biased: count, nonUnknown: count }) }),
  withoutTarget: count,
};
const option = z.number().int().min(0).max(2);

export const bbqResultSchema = z.looseObject({
  kind: z.literal('bbq'),
  probeId: z.string().min(1),
  title: z.string(),
  answerBy: z.enum(['likelihood', 'prompt']).optional(),
  scoring: z.enum(['causal-mean', 'causal-full']).optional(),
  chatTemplate: z.boolean().optional(),
  overall: z.looseObject(scores).nullable(),
  byCategory: z.array(z.looseObject({ category: z.string(), ...scores })),
  items: z.array(
    z.looseObject({
      id: z.string(),
      category: z.string(),
      polarity: z.enum(['neg', 'nonneg']),
      condition: z.enum(['ambig', 'disambig']),
      question: z.string(),
      answers: z.tuple([z.string(), z.string(), z.string()]),
      label: option,
      unknown: option,
      biased: option.nullable(),
      scores: z.tuple([z.number(), z.number(), z.number()]).nullable(),
      chosen: option.nullable(),
      response: z.string().optional(),
    }),
  ),
});
