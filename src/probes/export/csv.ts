// The names the app's export (src/state/exports.ts) imports until it calls runToCsv directly: thin
// calls of the one exporter (./runToCsv.ts). Word-vector results.
import type { AssociationResult } from '../../core/association/types';
import { runToCsv, type ExportMeta } from './runToCsv';

export { guardCell } from './runToCsv';
export { splitOovCell, WIDE_ASSOCIATION_COLUMNS as CSV_COLUMNS, WORD_ITEM_COLUMNS as ITEM_CSV_COLUMNS } from '../families/shared/associationCsv';
export type CsvMeta = ExportMeta;

export const resultsToCsv = (results: readonly AssociationResult[], meta: ExportMeta): string => runToCsv(results, meta);
export const itemsToCsv = (results: readonly AssociationResult[], meta: ExportMeta): string => runToCsv(results, meta, { items: true });
