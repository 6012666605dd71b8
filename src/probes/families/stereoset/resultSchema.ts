// What a stored StereoSet result must hold to be re-opened: loose objects (fields added later
// survive a save/re-open), every field the summary, chart and CSV read checked.
import { z } from 'zod';

const score = z.number().min(0).max(100);
const scores = { items: z.number().int().min(1), terms: z.number().int().min(1), ss: score, lms: score, icat: score };

export const stereoSetResultSchema = z.looseObject({
  kind: z.literal('stereoset'),
  probeId: z.string().min(1),
  title: z.string(),
  scoring: z.enum(['causal-mean', 'causal-full', 'masked-pll']),
  overall: z.looseObject(scores),
  byType: z.array(z.looseObject({ biasType: z.string(), ...scores })),
  items: z.array(
    z.looseObject({
      id: z.string(),
      target: z.string(),
      biasType: z.string(),
      stereotype: z.string(),
      antiStereotype: z.string(),
      unrelated: z.string(),
      scoreStereotype: z.number(),
      scoreAntiStereotype: z.number(),
      scoreUnrelated: z.number(),
    }),
  ),
});
