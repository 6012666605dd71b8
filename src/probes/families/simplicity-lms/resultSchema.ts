// What a stored LMS-k result must hold to be re-opened: a loose object (fields added later survive a
// save/re-open), with every field the summary, chart and CSV read checked.
import { z } from 'zod';

const accuracy = z.number().min(0).max(1);
const finite = z.number().refine(Number.isFinite, 'must be a finite number');

export const simplicityLmsResultSchema = z.looseObject({
  probeId: z.string().min(1),
  title: z.string(),
  kind: z.literal('simplicity-lms'),
  seed: z.number().int(),
  settings: z.looseObject({ k: z.number().int(), slabCoordinates: z.number().int(), trainSize: z.number().int(), testSize: z.number().int(), width: z.number().int(), depth: z.number().int(), epochs: z.number().int() }),
  inputs: z.number().int().min(1),
  cleanAccuracy: accuracy,
  linearRandomisedAccuracy: accuracy,
  slabsRandomisedAccuracy: accuracy,
  trainAccuracy: accuracy,
  lossCurve: z.array(z.object({ epoch: z.number().int().min(1), trainLoss: finite })),
});
