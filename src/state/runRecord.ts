// The run record the app stores and exports is the core's RunRecord (src/core/runRecord.ts):
// probes, model, backend, seed, options, app version, timestamps, results — one format for every
// family. The history keeps a few display fields beside it (which probe or suite was run, its title,
// which run a re-run reproduces, where an opened file came from); exports strip them (toRunRecord).
// Whether a run needs word vectors or a language model is read from its probes' families, not
// stored: runs the previous version kept carry a `modality: 'lm'` mark, which is ignored.
import { version } from '../../package.json';
import type { Backend } from '../core/backends';
import { createRunRecord, makeRunId, type RunModelInfo, type RunRecord, type RunResult } from '../core/runRecord';
import type { AssociationOptions } from '../core/association/types';
import type { LmRunOptions } from '../core/lmRun';
import { familyOf, type AnyProbe } from '../probes/families';
import { migrateRunRecord } from '../probes/runRecordSchema';
import type { Modality } from '../probes/families/types';
import type { LoadedModelInfo } from '../worker/client';

export const APP = { name: 'bias-probe-workbench', version } as const;

/** A run record opened from a file: the id it came with (it may be stored under another) and when. */
export interface ImportedFrom {
  runId: string;
  at: string;
}

export interface StoredRun extends RunRecord<AnyProbe, RunResult> {
  /** The probe or suite id the user ran (e.g. "caliskan-weat" for the suite). */
  probeId: string;
  title: string;
  /** The run this one re-ran from the same seed, if any. */
  rerunOf?: string;
  /** Set when the record was opened from a file rather than computed in this browser. */
  importedFrom?: ImportedFrom;
  /** Written by the previous version on LM runs; not read (runModality asks the families). */
  modality?: 'lm';
}

/** Which kind of model a stored run ran on, from its probes' families ('none': every probe is a class-lab experiment). */
export const runModality = (r: Pick<StoredRun, 'probes'>): Modality => {
  const modalities = new Set(r.probes.map((p) => familyOf(p.family).modality));
  return modalities.has('lm') ? 'lm' : modalities.has('none') && modalities.size === 1 ? 'none' : 'vectors';
};

/** The record's model part for a word-vector table as the model worker loaded it. */
export const vectorRunModel = (m: LoadedModelInfo): RunModelInfo => ({
  id: m.id,
  title: m.title,
  assetSha256: m.assetSha256 || null,
  dtype: m.dtype,
  ...(m.precision ? { precision: m.precision } : {}),
  backend: m.backend as Backend,
  ...(m.fallbackReason ? { fallbackReason: m.fallbackReason } : {}),
});

export function buildStoredRun(args: {
  probeId: string;
  title: string;
  probes: AnyProbe[];
  model: RunModelInfo;
  options: AssociationOptions | LmRunOptions;
  startedAt: Date;
  finishedAt: Date;
  results: RunResult[];
  rerunOf?: string;
}): StoredRun {
  const record = createRunRecord<AnyProbe, RunResult>({
    runId: makeRunId(args.finishedAt, Math.random),
    app: { ...APP },
    probes: args.probes,
    model: args.model,
    options: args.options,
    startedAt: args.startedAt,
    finishedAt: args.finishedAt,
    results: args.results,
  });
  return { ...record, probeId: args.probeId, title: args.title, ...(args.rerunOf ? { rerunOf: args.rerunOf } : {}) };
}

/**
 * The exportable record (the current format), without the history's display fields. A run the
 * previous version stored is exported in the current format (migrateRunRecord), as it would be
 * read back.
 */
export function toRunRecord(s: StoredRun): RunRecord<AnyProbe, RunResult> {
  const { probeId: _p, title: _t, rerunOf: _r, importedFrom: _i, modality: _m, ...record } = s;
  return migrateRunRecord(record) as RunRecord<AnyProbe, RunResult>;
}
