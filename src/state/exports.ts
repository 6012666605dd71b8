// Files the user takes away from any run: the tidy CSV (one row per test or metric), the per-item
// CSV (one row per word, pair, prompt…) — both from the one exporter (src/probes/export: each
// family's columns, and the spreadsheet formula-injection guard) — and the JSON run record.
import { runToCsv } from '../probes/export';
import { toRunRecord, type StoredRun } from './runRecord';

export const resultsCsv = (r: StoredRun): string => runToCsv(r);
export const itemsCsv = (r: StoredRun): string => runToCsv(r, { items: true });
export const runRecordJson = (r: StoredRun): string => JSON.stringify(toRunRecord(r), null, 2) + '\n';

/** A file name stem such as "caliskan-weat-1_glove-6b-100d_seed1". */
export const fileStem = (r: Pick<StoredRun, 'probeId' | 'model' | 'seed'>) =>
  `${r.probeId}_${r.model.id}_seed${r.seed}`.replace(/[^a-zA-Z0-9._-]+/g, '-');
