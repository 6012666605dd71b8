// What a stored association result (WEAT, SEAT, likelihood IAT) must hold to be re-opened: a loose
// object, so fields the statistics core adds later survive a save/re-open cycle, with every field the
// summaries, charts and exports read checked. NaN (d undefined when the pooled SD is 0) is written as
// null by JSON and reads back as NaN.
import { z } from 'zod';

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
/** A number that may be NaN in memory, which JSON writes as null: null reads back as NaN. */
const numberOrNaN = z.union([z.number(), z.null()]).transform((v) => v ?? Number.NaN);
const pValue = z.number().min(0).max(1);
const setKeyed = <T extends z.ZodType>(t: T) => z.object({ X: t, Y: t, A: t, B: t });

/** The schema of one association kind's stored results. */
export const associationResultSchema = <K extends 'weat' | 'seat' | 'lm-iat'>(kind: K) =>
  z.looseObject({
  probeId: z.string().min(1),
  title: z.string(),
  kind: z.literal(kind),
  labels: setKeyed(z.string()),
  words: setKeyed(z.array(z.string())),
  oov: setKeyed(z.array(z.string())),
  sizes: setKeyed(z.number().int().min(0)),
  statistic: finite,
  /** NaN (null in JSON) when the pooled SD is 0 and d is undefined. */
  effectSize: numberOrNaN,
  sd: z.enum(['sample', 'population']),
  pValue,
  pMethod: z.enum(['exact', 'monte-carlo']),
  permutations: z.number().int().min(1),
  /** The inverted permutation test's interval of d (method version 2; absent before). */
  testCi: z
    .looseObject({
      level: z.number().gt(0).lt(1),
      low: finite.nullable(),
      high: finite.nullable(),
      sides: z.enum(['two-sided', 'lower', 'upper']),
      method: z.string(),
      nullValue: finite,
    })
    .nullable()
    .optional(),
  /** The bootstrap CI of d: the stimulus-robust interval (it resamples X, Y, A and B). */
  ci: z
    .object({
      level: z.number().gt(0).lt(1),
      low: finite,
      high: finite,
      method: z.enum(['percentile', 'bca']),
      resamples: z.number().int().min(0),
      skipped: z.number().int().min(0).optional(),
      acceleration: finite.optional(),
    })
    .nullable(),
  pHolm: pValue.nullable(),
  pBH: pValue.nullable(),
  items: z.array(z.object({ word: z.string(), set: z.enum(['X', 'Y']), association: finite })),
  attributeItems: z.array(z.object({ word: z.string(), set: z.enum(['A', 'B']), association: finite })).optional(),
  nullHistogram: z
    .object({ min: finite, max: finite, counts: z.array(z.number().int().min(0)), observed: finite })
    .nullable(),
  duplicates: setKeyed(z.array(z.string())).optional(),
  wefe: z
    .looseObject({
      rnd: z.object({ A: numberOrNaN, B: numberOrNaN }),
      rnsb: numberOrNaN,
      mac: z.object({ X: numberOrNaN, Y: numberOrNaN }),
      ect: z.object({ A: numberOrNaN, B: numberOrNaN }),
    })
    .optional(),
});
