// The run record the app stores and exports is the core's RunRecord (src/core/runRecord.ts):
// probes, model id + asset hash, backend, seed, options, app version, timestamps, results. The
// history keeps a few display fields beside it (which probe or suite was run, its title, and
// which run a re-run reproduces); exports strip them (toRunRecord).
import { version } from '../../package.json';
import type { Backend } from '../core/backends';
import { createRunRecord, makeRunId, type RunRecord, type RunResult } from '../core/runRecord';
import { lmRunModel } from '../core/lmRunModel';
import type { LmRunOptions } from '../core/lmRun';
import type { AnyProbe, LmProbe } from '../probes/lmSchema';
import type { LmInfo } from '../worker/client';
import type { AssociationOptions, AssociationResult } from '../core/association/types';
import type { AssociationProbe } from '../probes/schema';
import type { LoadedModelInfo } from '../worker/client';

export const APP = { name: 'bias-probe-workbench', version } as const;

/** A run record opened from a file: the id it came with (it may be stored under another) and when. */
export interface ImportedFrom {
  runId: string;
  at: string;
}

export interface StoredRun extends RunRecord<AssociationProbe> {
  /** The probe or suite id the user ran (e.g. "caliskan-weat" for the suite). */
  probeId: string;
  title: string;
  /** The run this one re-ran from the same seed, if any. */
  rerunOf?: string;
  /** Set when the record was opened from a file rather than computed in this browser. */
  importedFrom?: ImportedFrom;
}

export function buildStoredRun(args: {
  probeId: string;
  title: string;
  probes: AssociationProbe[];
  model: LoadedModelInfo;
  options: AssociationOptions;
  startedAt: Date;
  finishedAt: Date;
  results: AssociationResult[];
  rerunOf?: string;
}): StoredRun {
  const m = args.model;
  const record = createRunRecord<AssociationProbe>({
    runId: makeRunId(args.finishedAt, Math.random),
    app: { ...APP },
    probes: args.probes,
    model: {
      id: m.id,
      title: m.title,
      assetSha256: m.assetSha256 || null,
      dtype: m.dtype,
      backend: m.backend as Backend,
      ...(m.fallbackReason ? { fallbackReason: m.fallbackReason } : {}),
    },
    options: args.options,
    startedAt: args.startedAt,
    finishedAt: args.finishedAt,
    results: args.results,
  });
  return { ...record, probeId: args.probeId, title: args.title, ...(args.rerunOf ? { rerunOf: args.rerunOf } : {}) };
}

/** The exportable record (the core format), without the history's display fields. */
export function toRunRecord(s: StoredRun): RunRecord<AssociationProbe> {
  const { probeId: _p, title: _t, rerunOf: _r, importedFrom: _i, ...record } = s;
  return record;
}

/** A run of LM probes: results are the union discriminated by `kind` (LmProbeResult | lm-iat). */
export interface StoredLmRun extends RunRecord<AnyProbe, RunResult> {
  probeId: string;
  title: string;
  rerunOf?: string;
  importedFrom?: ImportedFrom;
  modality: 'lm';
}

export type AnyStoredRun = StoredRun | StoredLmRun;
export const isLmRun = (r: AnyStoredRun): r is StoredLmRun => (r as StoredLmRun).modality === 'lm';

export function buildStoredLmRun(args: {
  probeId: string;
  title: string;
  probes: LmProbe[];
  info: LmInfo;
  options: LmRunOptions;
  startedAt: Date;
  finishedAt: Date;
  results: RunResult[];
  rerunOf?: string;
  /** The Hub host the model came from, when it is not the Hugging Face Hub. */
  otherHubHost?: string;
}): StoredLmRun {
  const record = createRunRecord<AnyProbe, RunResult>({
    runId: makeRunId(args.finishedAt, Math.random),
    app: { ...APP },
    probes: args.probes,
    model: lmRunModel(args.info, args.otherHubHost),
    options: args.options,
    startedAt: args.startedAt,
    finishedAt: args.finishedAt,
    results: args.results,
  });
  return { ...record, probeId: args.probeId, title: args.title, modality: 'lm', ...(args.rerunOf ? { rerunOf: args.rerunOf } : {}) };
}

/** The exportable record of any run (the core format), without the history's display fields. */
export function toAnyRunRecord(s: AnyStoredRun): RunRecord<AnyProbe, RunResult> {
  if (!isLmRun(s)) return toRunRecord(s) as RunRecord<AnyProbe, RunResult>;
  const { probeId: _p, title: _t, rerunOf: _r, importedFrom: _i, modality: _m, ...record } = s;
  return record;
}
