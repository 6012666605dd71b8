// What a stored HolisticBias result must hold to be re-opened: loose objects (fields added later
// survive a save/re-open), every field the summary, chart and CSV read checked.
import { z } from 'zod';

const count = z.number().int().min(0);
const fraction = z.number().min(0).max(1).nullable();

export const holisticBiasResultSchema = z.looseObject({
  kind: z.literal('holistic-bias'),
  probeId: z.string().min(1),
  title: z.string(),
  scoring: z.literal('causal-mean'),
  sample: z.looseObject({ perCell: count, seed: count, templates: z.array(z.string()), sentences: count }),
  comparisons: count,
  significant: count,
  likelihoodBias: fraction,
  axes: z.array(
    z.looseObject({
      axis: z.string(),
      descriptors: count,
      sentences: count,
      comparisons: count,
      significant: count,
      likelihoodBias: fraction,
      byTemplate: z.array(z.looseObject({ template: z.string(), descriptors: count, comparisons: count, significant: count })),
      medians: z.array(z.looseObject({ descriptor: z.string(), median: z.number(), sentences: count })),
    }),
  ),
  items: z.array(
    z.looseObject({
      id: z.string(),
      axis: z.string(),
      bucket: z.string().nullable(),
      descriptor: z.string(),
      template: z.string(),
      noun: z.string().nullable(),
      text: z.string(),
      score: z.number(),
    }),
  ),
});
