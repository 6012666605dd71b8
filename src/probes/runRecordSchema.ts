// zod validator for run records (src/core/runRecord.ts holds the types; zod lives here so src/core
// stays dependency-free). Used when a record is re-opened from history or imported from a file:
// a record that does not validate is a ProbeValidationError naming every problem with its path.
import { z } from 'zod';
import type { AssociationResult } from '../core/association/types';
import { ProbeValidationError } from '../core/errors';
import { LM_RESULT_KINDS } from '../core/lmRun/types';
import { BACKENDS } from '../core/backends';
import { RUN_RECORD_FORMAT, type RunRecord, type RunResult } from '../core/runRecord';
import { anyProbeSchema, type AnyProbe } from './lmSchema';
import { probeSchema, type Probe } from './schema';

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
/** A number that may be NaN in memory, which JSON writes as null: null reads back as NaN. */
const numberOrNaN = z.union([z.number(), z.null()]).transform((v) => v ?? Number.NaN);
const pValue = z.number().min(0).max(1);
const setKeyed = <T extends z.ZodType>(t: T) => z.object({ X: t, Y: t, A: t, B: t });
const iso = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 date-time');

export const associationOptionsSchema = z.object({
  permutations: z.number().int().min(1),
  bootstrap: z.number().int().min(0),
  confidenceLevel: z.number().gt(0).lt(1),
  sd: z.enum(['sample', 'population']),
  ciMethod: z.enum(['percentile', 'bca']),
  seed: z.number().int(),
  exactLimit: z.number().int().min(0),
  nullHistogramBins: z.number().int().min(0),
  /** LM runs (src/core/lmRun LmRunOptions); absent in word-vector runs. */
  batchSize: z.number().int().min(1).optional(),
  signFlipExactLimit: z.number().int().min(0).max(30).optional(),
});

// Results are loose objects: fields the statistics core adds later survive a save/re-open cycle.
export const associationResultSchema = z.looseObject({
  probeId: z.string().min(1),
  title: z.string(),
  kind: z.enum(['weat', 'seat', 'lm-iat']),
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

const recordSchema = <P extends z.ZodType, R extends z.ZodType>(probes: P, results: R) =>
  z
    .object({
      format: z.literal(RUN_RECORD_FORMAT),
      runId: z.string().min(1),
      app: z.object({ name: z.string().min(1), version: z.string().min(1) }),
      probes: z.array(probes),
      model: z.object({
        id: z.string().min(1),
        title: z.string(),
        assetSha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits').nullable(),
        dtype: z.string().min(1),
        backend: z.enum(BACKENDS),
        fallbackReason: z.string().optional(),
        revision: z.string().regex(/^[0-9a-f]{40}$/, 'must be a 40-hex-digit commit sha').optional(),
        passes: z.literal('one-sequence-per-pass').optional(),
        fileSha256: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits')).optional(),
      }),
      seed: z.number().int(),
      options: associationOptionsSchema,
      startedAt: iso,
      finishedAt: iso,
      results: z.array(results),
    })
    .superRefine((r, ctx) => {
      if (r.seed !== r.options.seed) {
        ctx.addIssue({ code: 'custom', path: ['seed'], message: `seed ${r.seed} differs from options.seed ${r.options.seed}` });
      }
      if (Date.parse(r.finishedAt) < Date.parse(r.startedAt)) {
        ctx.addIssue({ code: 'custom', path: ['finishedAt'], message: 'finishedAt is before startedAt' });
      }
      const ids = new Set((r.probes as { id: string }[]).map((p) => p.id));
      (r.results as { probeId: string }[]).forEach((res, i) => {
        if (!ids.has(res.probeId)) {
          ctx.addIssue({ code: 'custom', path: ['results', i, 'probeId'], message: `no probe "${res.probeId}" in probes` });
        }
      });
    });

export const runRecordSchema = recordSchema(probeSchema, associationResultSchema);

/**
 * LM probe results: loose objects (the per-family fields are many and evolve with the statistics
 * core); what every consumer relies on is checked — kind, probe id, title and the item rows. NaN
 * numbers are written as null by JSON and stay null here.
 */
export const lmProbeResultSchema = z.looseObject({
  kind: z.enum(LM_RESULT_KINDS as [string, ...string[]]),
  probeId: z.string().min(1),
  title: z.string(),
  items: z.array(z.looseObject({})),
});

/** A record of any run: probes of every family, association and LM results. */
export const anyRunRecordSchema = recordSchema(anyProbeSchema, z.union([associationResultSchema, lmProbeResultSchema]));

const recordError = (error: z.ZodError): ProbeValidationError => {
  const lines = error.issues.map((i) => `- ${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`);
  return new ProbeValidationError(`The run record is not valid (${lines.length} problem${lines.length === 1 ? '' : 's'}):\n${lines.join('\n')}`);
};

/** Validate an untrusted run record of any family (LM runs included). Throws ProbeValidationError. */
export const parseAnyRunRecord = (json: unknown): RunRecord<AnyProbe, RunResult> => {
  const r = anyRunRecordSchema.safeParse(json);
  if (!r.success) throw recordError(r.error);
  return r.data as unknown as RunRecord<AnyProbe, RunResult>;
};

/** Validate an untrusted run record (e.g. re-opened from a file). Throws ProbeValidationError. */
export const parseRunRecord = (json: unknown): RunRecord<Probe> => {
  const r = runRecordSchema.safeParse(json);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `- ${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`);
    throw new ProbeValidationError(`The run record is not valid (${lines.length} problem${lines.length === 1 ? '' : 's'}):\n${lines.join('\n')}`);
  }
  // zod output has plain numbers; the brands (PValue, EffectSize) were checked by the ranges above.
  return r.data as unknown as RunRecord<Probe> & { results: AssociationResult[] };
};
