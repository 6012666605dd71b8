// Files the user takes away from any run: the tidy CSV (one row per test or metric), the per-item
// CSV (one row per word, pair, prompt…) — both from the one exporter (src/probes/export: each
// family's columns, the columns every file shares, and the spreadsheet formula-injection guard) —
// and the JSON run record.
import { runToCsv } from '../probes/export';
import { toRunRecord, type StoredRun } from './runRecord';

export const resultsCsv = (r: StoredRun): string => runToCsv(r);
export const itemsCsv = (r: StoredRun): string => runToCsv(r, { items: true });
export const runRecordJson = (r: StoredRun): string => JSON.stringify(toRunRecord(r), null, 2) + '\n';

/**
 * A file name stem such as "caliskan-weat-1_glove-6b-100d_int8_seed1": probe, model, dtype and seed,
 * so exports of one probe on two dtypes of a model (fp32 and q8) never overwrite each other.
 */
export const fileStem = (r: Pick<StoredRun, 'probeId' | 'seed'> & { model: Pick<StoredRun['model'], 'id' | 'dtype'> }) =>
  `${r.probeId}_${r.model.id}_${r.model.dtype}_seed${r.seed}`.replace(/[^a-zA-Z0-9._-]+/g, '-');
