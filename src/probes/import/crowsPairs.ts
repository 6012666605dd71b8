// Import of the CrowS-Pairs CSV format (Nangia et al. 2020; nyu-mll/crows-pairs
// data/crows_pairs_anonymized.csv): a header with at least `sent_more`, `sent_less`,
// `stereo_antistereo` and `bias_type` (the file also has an unnamed index column, `annotations`,
// `anon_writer`, `anon_annotators`, which are ignored; the index becomes the pair id when present).
//
// Direction: in CrowS-Pairs `sent_more` is always the more stereotypical sentence — for "stereo"
// rows it states a stereotype about the disadvantaged group, for "antistereo" rows `sent_less` is
// the disadvantaged group violating the stereotype. metric.py swaps the two into (sent1, sent2) for
// antistereo rows and then counts sent2 > sent1, i.e. again score(sent_more) > score(sent_less). So
// `more` = sent_more and `less` = sent_less for every row, and the direction is kept per pair for
// the by-direction breakdown. (The CrowS-Pairs data is CC BY-SA 4.0; nothing of it ships here.)
//
// Bad rows do not abort the import: each becomes a ParseError naming its line (physical line in the
// file, 1-based, so quoted fields spanning lines are counted correctly) and the reason; every good
// row is imported. A file that is unusable as a whole (no header with these columns, no good row)
// throws a ParseError.
import Papa from 'papaparse';
import { ParseError } from '../../core/errors';
import type { CounterfactualPairsProbe } from '../lmSchema';
import { parseAnyProbe } from '../validate';
import { NANGIA_CITATION } from '../builtin/lm/counterfactual';
import { lineCounter } from './lineCounter';

export const CROWS_REQUIRED_COLUMNS = ['sent_more', 'sent_less', 'stereo_antistereo', 'bias_type'] as const;

/** A rejected row: a ParseError carrying the physical line where the row starts. */
export class CrowsRowError extends ParseError {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`CSV line ${line}: ${reason}`);
    this.name = 'ParseError';
  }
}

export interface CrowsImport {
  probe: CounterfactualPairsProbe;
  /** Rows read into pairs. */
  imported: number;
  /** Rows that were skipped, each with its line and reason (also ParseError instances). */
  errors: CrowsRowError[];
}

export interface CrowsImportMeta {
  id: string;
  title?: string;
  scoring?: CounterfactualPairsProbe['scoring'];
  description?: string;
  /** Called every few hundred rows with the characters read so far and the text's length. */
  onProgress?: (done: number, total: number) => void;
  /** Keep only the first this many good pairs (rows after them are not checked); stated in the probe's source. */
  limit?: number;
}

/** Rows between two progress calls (a call per row would cost more than the row). */
const PROGRESS_ROWS = 500;

const QUOTE_HELP: Record<string, string> = {
  MissingQuotes: 'a quoted field is never closed (a " without its closing "); the rest of the file could not be read',
  InvalidQuotes: 'a quote is misplaced inside a field (write "" for a literal quote inside quotes)',
};

const DIRECTIONS = new Set(['stereo', 'antistereo']);

/**
 * Parse a CrowS-Pairs CSV into a counterfactual-pairs probe (see the header for the rules).
 * @throws {ParseError} when the header lacks a required column or no row could be imported
 */
export function importCrowsPairsCsv(input: string, meta: CrowsImportMeta): CrowsImport {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const rows: { cells: string[]; line: number; error?: string }[] = [];
  let start = 0;
  const lineAt = lineCounter(text);
  Papa.parse<string[]>(text, {
    delimiter: ',',
    step: (r) => {
      const line = lineAt(start);
      const quoteError = r.errors.find((e) => e.code in QUOTE_HELP);
      rows.push({ cells: r.data, line, ...(quoteError ? { error: QUOTE_HELP[quoteError.code]! } : {}) });
      start = r.meta.cursor;
      if (meta.onProgress && rows.length % PROGRESS_ROWS === 0) meta.onProgress(start, text.length);
    },
  });
  meta.onProgress?.(text.length, text.length);
  const nonEmpty = rows.filter((r) => r.cells.some((c) => c.trim().length > 0));
  if (nonEmpty.length === 0) throw new ParseError('The CrowS-Pairs file is empty.');
  const header = nonEmpty[0]!.cells.map((c) => c.trim().toLowerCase());
  const missing = CROWS_REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw new ParseError(
      `CSV line ${nonEmpty[0]!.line}: the header has no column${missing.length === 1 ? '' : 's'} ${missing.join(', ')}; a CrowS-Pairs file needs ${CROWS_REQUIRED_COLUMNS.join(', ')}.`,
    );
  }
  const col = Object.fromEntries(CROWS_REQUIRED_COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<(typeof CROWS_REQUIRED_COLUMNS)[number], number>;
  const indexCol = header[0] === '' ? 0 : -1;

  const errors: CrowsRowError[] = [];
  const pairs: CounterfactualPairsProbe['pairs'] = [];
  const seenIds = new Set<string>();
  for (const row of nonEmpty.slice(1)) {
    if (meta.limit !== undefined && pairs.length >= meta.limit) break;
    const fail = (reason: string) => errors.push(new CrowsRowError(row.line, reason));
    if (row.error) {
      fail(row.error);
      continue;
    }
    if (row.cells.length !== header.length) {
      fail(`the row has ${row.cells.length} field${row.cells.length === 1 ? '' : 's'}, the header ${header.length}`);
      continue;
    }
    const more = row.cells[col.sent_more]!.trim();
    const less = row.cells[col.sent_less]!.trim();
    const direction = row.cells[col.stereo_antistereo]!.trim().toLowerCase();
    const biasType = row.cells[col.bias_type]!.trim();
    if (!more) {
      fail('sent_more is empty');
      continue;
    }
    if (!less) {
      fail('sent_less is empty');
      continue;
    }
    if (more === less) {
      fail('sent_more and sent_less are identical');
      continue;
    }
    if (!DIRECTIONS.has(direction)) {
      fail(`stereo_antistereo is ${direction ? `"${row.cells[col.stereo_antistereo]!.trim()}"` : 'empty'}; expected "stereo" or "antistereo"`);
      continue;
    }
    const rawIndex = indexCol >= 0 ? row.cells[indexCol]!.trim() : '';
    let id = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/.test(rawIndex) ? `crows-${rawIndex}` : `line-${row.line}`;
    if (seenIds.has(id)) id = `line-${row.line}`;
    seenIds.add(id);
    pairs.push({ id, more, less, ...(biasType ? { category: biasType } : {}), direction: direction as 'stereo' | 'antistereo' });
  }
  if (pairs.length === 0) {
    const first = errors.slice(0, 3).map((e) => e.message).join(' ');
    throw new ParseError(`No pair could be imported from the CrowS-Pairs file.${first ? ` ${first}` : ''}`);
  }
  const probe = parseAnyProbe({
    family: 'counterfactual-pairs',
    id: meta.id,
    title: meta.title ?? 'Imported CrowS-Pairs-format pairs',
    ...(meta.description ? { description: meta.description } : {}),
    citation: NANGIA_CITATION,
    source: `Imported from a CrowS-Pairs-format CSV (${meta.limit !== undefined ? `the first ${pairs.length} pair${pairs.length === 1 ? '' : 's'}, limit ${meta.limit}` : `${pairs.length} pair${pairs.length === 1 ? '' : 's'}`}${errors.length ? `, ${errors.length} row${errors.length === 1 ? '' : 's'} skipped` : ''}).`,
    scoring: meta.scoring ?? 'causal-full',
    pairs,
  }) as CounterfactualPairsProbe;
  return { probe, imported: pairs.length, errors };
}
