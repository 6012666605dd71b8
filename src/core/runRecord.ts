// The reproducible record of a run: everything needed to re-run it and get the same numbers (the
// full probe definitions, model id and asset hash, backend, seed, options, app version) plus what
// came out. It is the JSON the UI exports, keeps in history and re-opens, and what the CLI can
// write. Pure types and helpers: src/core imports nothing outside src/core, so the probe type is a
// structural minimum here; the zod validator lives in src/probes/runRecordSchema.ts.
import type { AssociationOptions, AssociationResult } from './association/types';
import type { Backend } from './backends';
import type { LmProbeResult } from './lmRun/types';
import type { RipaResult } from './association/ripa';
import type { SimplicityLmsResult } from './simplicity/lmsLabResult';
import type { InductiveBiasResult } from './inductiveBias/inductiveBiasLabResult';
import type { StereoSetResult } from './benchmarks/stereoSetResult';
import type { BbqResult } from './benchmarks/bbqResult';
import type { CorefLikelihoodResult } from './lm/coref/types';
import type { JudgeVerbosityResult } from './lmRun/judgeVerbosity';
import type { RepresentationProbeLmResult, RepresentationProbeResult } from './association/representationProbe';
import { METHOD_VERSION } from './intervals';
import { SAMPLER_VERSION } from './stats/samplerVersion';

/**
 * Any result a run record can hold, discriminated by `kind`: association results ('weat' | 'seat'
 * | 'lm-iat') and the LM probe results (kind = the probe family). Records default to association
 * results only, so existing consumers keep their types; LM runs use RunRecord<P, RunResult>.
 */
export type RunResult = AssociationResult | LmProbeResult | RipaResult | SimplicityLmsResult | InductiveBiasResult | StereoSetResult | BbqResult | CorefLikelihoodResult | JudgeVerbosityResult | RepresentationProbeResult | RepresentationProbeLmResult;

/**
 * The record format. @2: one record shape for every family, each result validated by its family's
 * schema (probes/runRecordSchema.ts). @1 records (the word-vector and the LM shapes of the previous
 * version, identical but for which validator read them) open through migrateRunRecord.
 */
export const RUN_RECORD_FORMAT = 'bias-workbench-run@2';
export const PREVIOUS_RUN_RECORD_FORMATS = ['bias-workbench-run@1'] as const;

export interface RunModelInfo {
  /** Registry id, e.g. "glove-6b-100d", or a user-supplied vectors file's id. */
  id: string;
  title: string;
  /** sha256 (hex) of the model asset that ran; null when unknown (e.g. not yet hashed). */
  assetSha256: string | null;
  /** Numeric type of the weights/table, e.g. "int8", "fp32", "q8". */
  dtype: string;
  /**
   * The numeric precision the numbers were computed from, in words, e.g. "12-bit per-row quantised
   * vectors (d within 0.001 of float32)" or "float32". Absent in older records.
   */
  precision?: string;
  /** Where inference ran, in the one backend vocabulary (core/backends.ts). */
  backend: Backend;
  /** Why a preferred backend was not used (e.g. "WebGPU unavailable: no adapter"). */
  fallbackReason?: string;
  /**
   * 'one-sequence-per-pass': the graph's numbers for a sequence depend on what else is in its pass
   * (dynamically quantised q8), so every sequence ran alone, unpadded, without KV-cache sharing.
   * Absent: sequences were batched (and shared prefixes through the KV cache), which does not move them.
   */
  passes?: 'one-sequence-per-pass';
  /** Hub models: the repository commit the files came from. Absent in older records and for local models. */
  revision?: string;
  /** sha256 (hex) of every model file that was read — config, tokenizer files, weights — by path. Absent in older records. */
  fileSha256?: Record<string, string>;
}

/** The structural minimum of a probe definition (the full definition is stored, not just this). */
export interface RunProbeDefinition {
  id: string;
  family: string;
  title: string;
  [key: string]: unknown;
}

export interface RunRecord<P extends RunProbeDefinition = RunProbeDefinition, R extends RunResult = AssociationResult> {
  format: typeof RUN_RECORD_FORMAT;
  /** Unique id of this run (see makeRunId). */
  runId: string;
  app: { name: string; version: string };
  /** Which methods produced the numbers (core/intervals.ts METHOD_VERSION); absent = 1. */
  methodVersion?: number;
  /** Which Monte Carlo sampler drew permutations and resamples (core/stats/samplerVersion.ts); absent = 1. */
  samplerVersion?: number;
  /** The full definitions that ran, in run order (one per result, same order). */
  probes: P[];
  model: RunModelInfo;
  seed: number;
  options: AssociationOptions;
  /** ISO 8601 timestamps (UTC). */
  startedAt: string;
  finishedAt: string;
  results: R[];
}

/**
 * A run id: UTC timestamp plus 8 base-36 characters from the injected random source, e.g.
 * "run-20261122T215301Z-k3f9x0qa". Sortable by time; randomness injected so tests are exact.
 */
export const makeRunId = (date: Date, random: () => number): string => {
  const stamp = date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  let suffix = '';
  for (let i = 0; i < 8; i++) suffix += Math.floor(random() * 36).toString(36);
  return `run-${stamp}-${suffix}`;
};

export interface CreateRunRecordArgs<P extends RunProbeDefinition, R extends RunResult = AssociationResult> {
  runId: string;
  app: { name: string; version: string };
  probes: P[];
  model: RunModelInfo;
  options: AssociationOptions;
  startedAt: Date | string;
  finishedAt: Date | string;
  results: R[];
}

const iso = (d: Date | string): string => (typeof d === 'string' ? d : d.toISOString());

/** Assemble a record; the seed is taken from the options so the two can never disagree. */
export const createRunRecord = <P extends RunProbeDefinition, R extends RunResult = AssociationResult>(args: CreateRunRecordArgs<P, R>): RunRecord<P, R> => ({
  format: RUN_RECORD_FORMAT,
  runId: args.runId,
  app: { ...args.app },
  methodVersion: METHOD_VERSION,
  samplerVersion: SAMPLER_VERSION,
  probes: args.probes,
  model: { ...args.model },
  seed: args.options.seed,
  options: { ...args.options },
  startedAt: iso(args.startedAt),
  finishedAt: iso(args.finishedAt),
  results: args.results,
});

/** Wall-clock duration of the run in milliseconds (NaN if a timestamp is unreadable). */
export const runDurationMs = (record: Pick<RunRecord<RunProbeDefinition, RunResult>, 'startedAt' | 'finishedAt'>): number =>
  Date.parse(record.finishedAt) - Date.parse(record.startedAt);

/** A file name for exports: "<runId>.<ext>" with only safe characters. */
export const runRecordFileName = (record: Pick<RunRecord<RunProbeDefinition, RunResult>, 'runId'>, ext: string): string =>
  `${record.runId.replace(/[^A-Za-z0-9._-]+/g, '_')}.${ext.replace(/^\./, '')}`;

/** The probe definition that produced a result (matched by id), if the record holds it. */
export const probeForResult = <P extends RunProbeDefinition, R extends RunResult>(record: RunRecord<P, R>, result: Pick<RunResult, 'probeId'>): P | undefined =>
  record.probes.find((p) => p.id === result.probeId);
