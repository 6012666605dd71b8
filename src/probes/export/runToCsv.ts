// The tidy CSV of a run, for the app's "Export CSV" and the CLI's `--format csv`: one exporter for
// every family. Each family declares its columns and rows (families/<id>/export.ts); a file holds the
// union of the columns of the families present, in registry order, so a word-vector run comes out
// wide (one row per test) and a language-model run in long form (one row per probe × metric), and a
// family's cells are empty in another family's rows. `items` switches to one row per item (word,
// pair, prompt, presentation, iteration).
//
// Every file, whatever its families, ends with the columns the exporter adds itself (COMMON_COLUMNS):
// model_dtype (the record's model.dtype) and precision (model.precision, in words), so an fp32 and a
// q8 export of one probe are told apart inside the file too; empty in records that predate them.
//
// Numbers are full precision; absent and non-finite values are empty cells. Spreadsheet formula
// injection: a STRING cell starting with = + - @, tab or CR gets a leading single quote (OWASP "CSV
// injection"). Numeric cells are never touched, so d = -0.53 stays the number -0.53; a word such as
// "-ism" or "@home" is exported as "'-ism" / "'@home".
import Papa from 'papaparse';
import type { RunRecord, RunResult } from '../../core/runRecord';
import { FAMILY_IDS, familyOf } from '../families';
import type { CsvCell, CsvMeta, CsvRow } from '../families/types';

const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralise a string cell against spreadsheet formula injection (numbers pass untouched). */
export const guardCell = (value: CsvCell): CsvCell => (typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value);

export interface CsvExportOptions {
  /** One row per item instead of one row (or one row per metric) per probe. */
  items?: boolean;
}

/** Who ran: the run id (empty when exporting results without a run record), model, its dtype and precision, and seed. */
export type ExportMeta = Omit<CsvMeta, 'runId'> & { runId?: string; modelDtype?: string; precision?: string };

/** Columns the exporter appends to every family's, after them: which numeric form of the model ran. */
export const COMMON_COLUMNS = ['model_dtype', 'precision'] as const;

/** The columns of a file holding these results: the union of their families' columns, in registry order. */
export function csvColumns(results: readonly Pick<RunResult, 'kind'>[], options: CsvExportOptions = {}): string[] {
  const present = new Set<string>(results.map((r) => r.kind));
  const columns: string[] = [];
  for (const id of FAMILY_IDS) {
    if (!present.has(id)) continue;
    const csv = familyOf(id).csv;
    for (const c of options.items ? csv.itemColumns : csv.summaryColumns) if (!columns.includes(c)) columns.push(c);
  }
  return [...columns, ...COMMON_COLUMNS];
}

const unparse = (columns: readonly string[], rows: readonly CsvRow[]): string =>
  Papa.unparse({ fields: [...columns], data: rows.map((r) => columns.map((c) => guardCell(r[c] ?? null))) }, { newline: '\r\n', escapeFormulae: false }) + '\r\n';

type RecordToExport = Pick<RunRecord<never, RunResult>, 'runId' | 'model' | 'seed' | 'results'>;

function resultsToCsvText(results: readonly RunResult[], meta: ExportMeta, options: CsvExportOptions): string {
  const full: CsvMeta = { modelId: meta.modelId, seed: meta.seed, runId: meta.runId ?? '' };
  const common: CsvRow = { model_dtype: meta.modelDtype ?? null, precision: meta.precision ?? null };
  const rows = results.flatMap((r) => {
    const csv = familyOf(r.kind).csv;
    return (options.items ? csv.itemRows(r, full) : csv.summaryRows(r, full)).map((row) => ({ ...row, ...common }));
  });
  return unparse(csvColumns(results, options), rows);
}

/** The CSV of a run record (its run id, model and seed in every row). */
export function runToCsv(record: RecordToExport, options?: CsvExportOptions): string;
/** The CSV of results, with who ran them. */
export function runToCsv(results: readonly RunResult[], meta: ExportMeta, options?: CsvExportOptions): string;
export function runToCsv(source: RecordToExport | readonly RunResult[], metaOrOptions?: ExportMeta | CsvExportOptions, options: CsvExportOptions = {}): string {
  if (Array.isArray(source)) return resultsToCsvText(source as readonly RunResult[], metaOrOptions as ExportMeta, options);
  const record = source as RecordToExport;
  const meta: ExportMeta = { runId: record.runId, modelId: record.model.id, modelDtype: record.model.dtype, precision: record.model.precision, seed: record.seed };
  return resultsToCsvText(record.results, meta, (metaOrOptions as CsvExportOptions | undefined) ?? {});
}
