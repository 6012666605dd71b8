// Files the user takes away: tidy CSV (one row per test, one row per word; src/probes/export,
// with its spreadsheet formula-injection guard) and the JSON run record (core format).
import { itemsToCsv, resultsToCsv } from '../probes/export/csv';
import { lmItemsToCsv, lmResultsToCsv } from '../probes/export/lmCsv';
import { toAnyRunRecord, toRunRecord, type AnyStoredRun, type StoredLmRun, type StoredRun } from './runRecord';

const meta = (r: StoredRun) => ({ runId: r.runId, modelId: r.model.id, seed: r.seed });

export const resultsCsv = (r: StoredRun): string => resultsToCsv(r.results, meta(r));
export const itemsCsv = (r: StoredRun): string => itemsToCsv(r.results, meta(r));
export const runRecordJson = (r: StoredRun): string => JSON.stringify(toRunRecord(r), null, 2) + '\n';

/** A file name stem such as "caliskan-weat-1_glove-6b-100d_seed1". */
/** LM runs: tidy CSV per probe (long form) and per item, from the probes exporters. */
export const lmResultsCsv = (r: StoredLmRun): string => lmResultsToCsv(r.results, meta(r as unknown as StoredRun));
export const lmItemsCsv = (r: StoredLmRun): string => lmItemsToCsv(r.results, meta(r as unknown as StoredRun));
export const anyRunRecordJson = (r: AnyStoredRun): string => JSON.stringify(toAnyRunRecord(r), null, 2) + '\n';

export const fileStem = (r: Pick<StoredRun, 'probeId' | 'model' | 'seed'>) =>
  `${r.probeId}_${r.model.id}_seed${r.seed}`.replace(/[^a-zA-Z0-9._-]+/g, '-');
