// The zod validator of run records (src/core/runRecord.ts holds the types; zod lives here so
// src/core stays dependency-free). One schema for every family: the probes by the registry's probe
// schema, each result by its family's result schema (discriminated on `kind`). Used when a record is
// re-opened from history or imported from a file; records of the previous format (@1) are migrated
// first (migrateRunRecord). A record that does not validate is a ProbeValidationError naming every
// problem with its path.
import { z } from 'zod';
import { ProbeValidationError } from '../core/errors';
import { BACKENDS } from '../core/backends';
import { PREVIOUS_RUN_RECORD_FORMATS, RUN_RECORD_FORMAT, type RunRecord, type RunResult } from '../core/runRecord';
import { anyProbeSchema, anyResultSchema, type AnyProbe } from './families';

const iso = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 date-time');
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits');

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

export const runRecordSchema = z
  .object({
    format: z.literal(RUN_RECORD_FORMAT),
    runId: z.string().min(1),
    app: z.object({ name: z.string().min(1), version: z.string().min(1) }),
    methodVersion: z.number().int().min(1).optional(),
    samplerVersion: z.number().int().min(1).optional(),
    probes: z.array(anyProbeSchema),
    model: z.object({
      id: z.string().min(1),
      title: z.string(),
      assetSha256: sha256.nullable(),
      dtype: z.string().min(1),
      precision: z.string().min(1).optional(),
      backend: z.enum(BACKENDS),
      fallbackReason: z.string().optional(),
      revision: z.string().regex(/^[0-9a-f]{40}$/, 'must be a 40-hex-digit commit sha').optional(),
      passes: z.literal('one-sequence-per-pass').optional(),
      fileSha256: z.record(z.string(), sha256).optional(),
    }),
    seed: z.number().int(),
    options: associationOptionsSchema,
    startedAt: iso,
    finishedAt: iso,
    results: z.array(anyResultSchema),
  })
  .superRefine((r, ctx) => {
    if (r.seed !== r.options.seed) ctx.addIssue({ code: 'custom', path: ['seed'], message: `seed ${r.seed} differs from options.seed ${r.options.seed}` });
    if (Date.parse(r.finishedAt) < Date.parse(r.startedAt)) ctx.addIssue({ code: 'custom', path: ['finishedAt'], message: 'finishedAt is before startedAt' });
    const ids = new Set(r.probes.map((p) => p.id));
    (r.results as { probeId: string }[]).forEach((res, i) => {
      if (!ids.has(res.probeId)) ctx.addIssue({ code: 'custom', path: ['results', i, 'probeId'], message: `no probe "${res.probeId}" in probes` });
    });
  });

/** The part of a record's format marker before its version. */
const FORMAT_NAME = RUN_RECORD_FORMAT.slice(0, RUN_RECORD_FORMAT.indexOf('@') + 1);

/**
 * A record of the previous format read as the current one. @1 → @2 changes only the marker: the
 * word-vector and LM records of @1 already had the @2 shape (which validator read them was decided
 * by their results). Anything else is returned as it is, for the validator to judge.
 */
export function migrateRunRecord(json: unknown): unknown {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return json;
  const format = (json as { format?: unknown }).format;
  if ((PREVIOUS_RUN_RECORD_FORMATS as readonly unknown[]).includes(format)) return { ...json, format: RUN_RECORD_FORMAT };
  return json;
}

/**
 * Validate an untrusted run record of any family, of this format or a previous one (migrated).
 * @throws {ProbeValidationError} naming every problem with its path
 */
export const parseRunRecord = (json: unknown): RunRecord<AnyProbe, RunResult> => {
  const format = json !== null && typeof json === 'object' ? (json as { format?: unknown }).format : undefined;
  const readable = [...PREVIOUS_RUN_RECORD_FORMATS, RUN_RECORD_FORMAT];
  // A record of a later version, or a file that is no run record at all, is named as such rather
  // than listed field by field against a shape it never had.
  if (typeof format === 'string' && format.startsWith(FORMAT_NAME) && !(readable as string[]).includes(format))
    throw new ProbeValidationError(`This run record has the format ${format.slice(0, 40)}, written by a newer version of the workbench; this version reads ${readable.join(' and ')}. Open it in a newer version.`);
  if (typeof format !== 'string' || !format.startsWith(FORMAT_NAME))
    throw new ProbeValidationError(`This file is not a run record of the workbench (its "format" is ${format === undefined ? 'missing' : JSON.stringify(format).slice(0, 60)}; a run record has "format": "${RUN_RECORD_FORMAT}").`);
  const r = runRecordSchema.safeParse(migrateRunRecord(json));
  if (!r.success) {
    const lines = r.error.issues.map((i) => `- ${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`);
    throw new ProbeValidationError(`The run record is not valid (${lines.length} problem${lines.length === 1 ? '' : 's'}):\n${lines.join('\n')}`);
  }
  // zod output has plain numbers; the brands (PValue, EffectSize) were checked by the ranges of the result schemas.
  return r.data as unknown as RunRecord<AnyProbe, RunResult>;
};

