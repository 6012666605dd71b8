// The per-item numbers of a result, for comparing runs item by item: read from the family's own
// per-item CSV rows (the one place each family already says what its items are), so compare needs
// nothing more from a family. An item's key is what the family names (itemKeyColumns: set, label and
// word of a word row), else its `item_id` where the family writes one (the language-model families'
// long form), otherwise its text cells. A measure is a column whose cells are all numbers; the one offered first is the last such
// column holding a non-integer (a score such as s(w,A,B), Δ or logit, not a count or an index).
import type { RunResult } from '../../core/runRecord';
import type { KeyedValue } from '../../core/compare';
import { familyOf } from '../families';
import type { CsvRow } from '../families/types';

/** Columns that say who ran, not which item: the same item has different values in two runs. */
const RUN_COLUMNS = new Set(['run_id', 'probe_id', 'title', 'kind', 'model_id', 'seed', 'model_dtype', 'precision']);
const ITEM_ID = 'item_id';

export interface ItemMeasures {
  /** Numeric item columns, in the family's column order. */
  columns: string[];
  /** The column compared first; null when the items have no numbers. */
  preferred: string | null;
  /** Each item's key and its value in a column (items with an empty cell are left out). */
  values(column: string): KeyedValue[];
}

function keyOf(row: CsvRow, keyColumns: readonly string[]): string {
  return keyColumns.map((c) => String(row[c] ?? '')).join(' · ');
}

/** The per-item measures of a result (its family's per-item CSV columns that hold numbers). */
export function itemMeasures(result: RunResult): ItemMeasures {
  const csv = familyOf(result.kind).csv;
  const rows = csv.itemRows(result as never, { runId: '', modelId: '', seed: 0 });
  const itemColumns = csv.itemColumns.filter((c) => !RUN_COLUMNS.has(c));
  const numeric = (c: string) => rows.some((r) => typeof r[c] === 'number') && rows.every((r) => r[c] === null || r[c] === undefined || typeof r[c] === 'number');
  const columns = itemColumns.filter((c) => c !== ITEM_ID && numeric(c));
  const keyColumns = csv.itemKeyColumns ?? (itemColumns.includes(ITEM_ID) ? [ITEM_ID] : itemColumns.filter((c) => !columns.includes(c)));
  const fractional = columns.filter((c) => rows.some((r) => typeof r[c] === 'number' && !Number.isInteger(r[c])));
  return {
    columns,
    preferred: fractional.at(-1) ?? columns[0] ?? null,
    values: (column) => rows.filter((r) => typeof r[column] === 'number').map((r) => ({ key: keyOf(r, keyColumns), value: r[column] as number })),
  };
}
