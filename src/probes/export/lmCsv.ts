// The names the app's export (src/state/exports.ts) imports until it calls runToCsv directly: thin
// calls of the one exporter (./runToCsv.ts). Language-model results.
import type { RunResult } from '../../core/runRecord';
import { runToCsv, type ExportMeta } from './runToCsv';

export const lmResultsToCsv = (results: readonly RunResult[], meta: ExportMeta): string => runToCsv(results, meta);
export const lmItemsToCsv = (results: readonly RunResult[], meta: ExportMeta): string => runToCsv(results, meta, { items: true });
