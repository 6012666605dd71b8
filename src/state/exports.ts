// Files the user takes away: tidy CSV (one row per test, one row per word; src/probes/export,
// with its spreadsheet formula-injection guard) and the JSON run record (core format).
import { itemsToCsv, resultsToCsv } from '../probes/export/csv';
import { toRunRecord, type StoredRun } from './runRecord';

const meta = (r: StoredRun) => ({ runId: r.runId, modelId: r.model.id, seed: r.seed });

export const resultsCsv = (r: StoredRun): string => resultsToCsv(r.results, meta(r));
export const itemsCsv = (r: StoredRun): string => itemsToCsv(r.results, meta(r));
export const runRecordJson = (r: StoredRun): string => JSON.stringify(toRunRecord(r), null, 2) + '\n';

/** A file name stem such as "caliskan-weat-1_glove-6b-100d_seed1". */
export const fileStem = (r: Pick<StoredRun, 'probeId' | 'model' | 'seed'>) =>
  `${r.probeId}_${r.model.id}_seed${r.seed}`.replace(/[^a-zA-Z0-9._-]+/g, '-');
