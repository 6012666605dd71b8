// What a stored RIPA result must hold to be re-opened: a loose object (fields added later survive a
// save/re-open), with every field the summary, chart and CSV read checked.
import { z } from 'zod';

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const pValue = z.number().min(0).max(1);
const perTarget = <T extends z.ZodType>(t: T) => z.object({ X: t, Y: t });
const droppedPair = z.object({ first: z.string(), second: z.string(), reason: z.string() });

export const ripaResultSchema = z.looseObject({
  probeId: z.string().min(1),
  title: z.string(),
  kind: z.literal('ripa'),
  labels: z.object({ X: z.string(), Y: z.string(), first: z.string(), second: z.string() }),
  words: perTarget(z.array(z.string())),
  oov: perTarget(z.array(z.string())),
  duplicates: perTarget(z.array(z.string())),
  sizes: perTarget(z.number().int().min(0)),
  pairs: z.array(z.object({ first: z.string(), second: z.string(), difference: finite })).min(1),
  droppedPairs: z.array(droppedPair),
  setMeans: perTarget(finite),
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
  robustCi: z
    .looseObject({ level: z.number().gt(0).lt(1), low: finite, high: finite, method: z.string(), resamples: z.number().int().min(0), resampled: z.string() })
    .nullable(),
  pHolm: pValue.nullable(),
  pBH: pValue.nullable(),
  items: z.array(z.object({ word: z.string(), set: z.enum(['X', 'Y']), ripa: finite, spread: finite })),
});
