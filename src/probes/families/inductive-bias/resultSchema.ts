// What a stored inductive-bias result must hold to be re-opened: a loose object (fields added later
// survive a save/re-open), with every field the summary, chart and CSV read checked.
import { z } from 'zod';

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const level = z.number().gt(0).lt(1);

const estimate = z.looseObject({
  target: finite,
  samples: z.number().int().min(1),
  model: z.enum(['normal', 'scaled-noncentral-chi-squared']),
  parameters: z.record(z.string(), finite),
  bits: z.number(),
  fitInterval: z.looseObject({ level, low: finite, high: finite, standardError: finite }).nullable(),
  empirical: z.looseObject({
    reaching: z.number().int().min(0),
    bits: finite.nullable(),
    interval: z.looseObject({ level, low: finite, high: finite.nullable() }),
    modelAgrees: z.boolean().nullable(),
  }),
});

export const inductiveBiasResultSchema = z.looseObject({
  probeId: z.string().min(1),
  title: z.string(),
  kind: z.literal('inductive-bias'),
  seed: z.number().int(),
  task: z.looseObject({ inputs: z.number().int(), trainSize: z.number().int(), testSize: z.number().int() }),
  hypotheses: z.number().int().min(1),
  target: finite,
  lossModel: z.enum(['normal', 'scaled-noncentral-chi-squared']),
  level,
  classes: z.array(z.looseObject({ label: z.string(), hypothesisClass: z.looseObject({ kind: z.enum(['random-mlp', 'random-features']) }), losses: z.array(finite), estimate })).min(1),
});
