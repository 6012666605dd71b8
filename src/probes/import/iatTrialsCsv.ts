// The human IAT's trials file, read and written in one place so the two cannot drift: a tidy CSV, one
// row per trial, with the columns participant,block,trial,category,stimulus,pairing,correct,latency_ms
// (docs/methods/iat-d-score.md says what each means). A file from a procedure without forced error
// correction says so with a ninth column, error_correction = none | built-in; without it every trial
// is taken to have the built-in penalty (the latency is to the correct response).
//
// Reading is strict: a row that cannot be scored would change a D silently if it were skipped, so
// every bad row is reported with its physical line (quoted fields spanning lines counted) and nothing
// is returned. Writing guards text cells against spreadsheet formula injection (a leading quote, as
// the run exporter does); reading removes that quote again, so a file round-trips.
import Papa from 'papaparse';
import { ParseError } from '../../core/errors';
import type { ErrorCorrection, IatBlock, IatPairing, IatTrial } from '../../core/iat/trial';
import { guardCell } from '../export/runToCsv';
import { lineCounter } from './lineCounter';

export const IAT_TRIAL_COLUMNS = ['participant', 'block', 'trial', 'category', 'stimulus', 'pairing', 'correct', 'latency_ms'] as const;
export const ERROR_CORRECTION_COLUMN = 'error_correction';

/** Bad rows listed in the error's message before "and N more". */
const LISTED_ERRORS = 5;

const WHOLE = /^[1-9][0-9]*$/;
const LATENCY = /^(0|[1-9][0-9]*)(\.[0-9]+)?$/;
const GUARDED = /^'[=+\-@\t\r]/;

const unguard = (cell: string): string => (GUARDED.test(cell) ? cell.slice(1) : cell);

/**
 * The trials of a trials CSV, in file order.
 * @throws {ParseError} naming the line and the reason of each bad row (the first few), a missing or
 * unknown column, or an empty file
 */
export function parseIatTrialsCsv(input: string): IatTrial[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const rows: { cells: string[]; line: number; quoteError: boolean }[] = [];
  const lineAt = lineCounter(text);
  let start = 0;
  Papa.parse<string[]>(text, {
    delimiter: ',',
    step: (r) => {
      rows.push({ cells: r.data, line: lineAt(start), quoteError: r.errors.some((e) => e.type === 'Quotes') });
      start = r.meta.cursor;
    },
  });
  const nonEmpty = rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (nonEmpty.length === 0) throw new ParseError('The trials file is empty.');
  const headerRow = nonEmpty[0]!;
  const header = headerRow.cells.map((c) => c.trim().toLowerCase());
  const missing = IAT_TRIAL_COLUMNS.filter((c) => !header.includes(c));
  const unknown = header.filter((c) => !(IAT_TRIAL_COLUMNS as readonly string[]).includes(c) && c !== ERROR_CORRECTION_COLUMN);
  if (missing.length > 0 || unknown.length > 0) {
    const parts = [
      ...(missing.length ? [`no column${missing.length === 1 ? '' : 's'} ${missing.join(', ')}`] : []),
      ...(unknown.length ? [`unknown column${unknown.length === 1 ? '' : 's'} ${unknown.map((c) => `'${c}'`).join(', ')}`] : []),
    ];
    throw new ParseError(`CSV line ${headerRow.line}: the header has ${parts.join(' and ')}; a trials file has ${IAT_TRIAL_COLUMNS.join(',')} (and optionally ${ERROR_CORRECTION_COLUMN}).`);
  }
  const col = (name: string) => header.indexOf(name);
  const correctionCol = col(ERROR_CORRECTION_COLUMN);

  const trials: IatTrial[] = [];
  const errors: string[] = [];
  const seenTrials = new Set<string>();
  const blockPairing = new Map<string, { pairing: IatPairing; line: number }>();
  for (const row of nonEmpty.slice(1)) {
    const fail = (reason: string) => errors.push(`CSV line ${row.line}: ${reason}`);
    if (row.quoteError) {
      fail('a quoted field is not closed or a quote is misplaced (write "" for a quote inside quotes)');
      continue;
    }
    if (row.cells.length !== header.length) {
      fail(`the row has ${row.cells.length} field${row.cells.length === 1 ? '' : 's'}, the header ${header.length}`);
      continue;
    }
    const cell = (name: string) => row.cells[col(name)]!.trim();
    const participant = unguard(cell('participant'));
    const blockText = cell('block');
    const trialText = cell('trial');
    const pairing = cell('pairing').toUpperCase();
    const correctText = cell('correct');
    const latencyText = cell('latency_ms');
    const correctionText = correctionCol >= 0 ? row.cells[correctionCol]!.trim().toLowerCase() : 'built-in';
    const reasons: string[] = [];
    if (participant === '') reasons.push('participant is empty');
    if (!/^[1-7]$/.test(blockText)) reasons.push(`block must be a whole number from 1 to 7, got '${blockText}'`);
    if (!WHOLE.test(trialText)) reasons.push(`trial must be a whole number ≥ 1, got '${trialText}'`);
    if (correctText !== '0' && correctText !== '1') reasons.push(`correct must be 1 or 0, got '${correctText}'`);
    if (!LATENCY.test(latencyText)) reasons.push(`latency_ms must be a number of milliseconds ≥ 0 in plain decimals, got '${latencyText}'`);
    if (correctionText !== 'built-in' && correctionText !== 'none') reasons.push(`${ERROR_CORRECTION_COLUMN} must be built-in or none, got '${correctionText}'`);
    const block = Number(blockText) as IatBlock;
    const combined = block === 3 || block === 4 || block === 6 || block === 7;
    if (/^[1-7]$/.test(blockText)) {
      if (combined && pairing !== 'XA' && pairing !== 'XB') reasons.push(`pairing must be XA or XB in block ${block}, got '${cell('pairing')}'`);
      if (!combined && pairing !== '') reasons.push(`pairing must be empty in block ${block} (only blocks 3, 4, 6, 7 pair a target with an attribute), got '${cell('pairing')}'`);
    }
    if (reasons.length > 0) {
      fail(reasons.join('; '));
      continue;
    }
    const key = JSON.stringify([participant, block, trialText]);
    if (seenTrials.has(key)) {
      fail(`participant ${participant}, block ${block}: trial ${trialText} appears twice`);
      continue;
    }
    seenTrials.add(key);
    if (combined) {
      const blockKey = JSON.stringify([participant, block]);
      const first = blockPairing.get(blockKey);
      if (first && first.pairing !== pairing) {
        fail(`participant ${participant}, block ${block}: pairing ${pairing}, but line ${first.line} gives this block ${first.pairing}`);
        continue;
      }
      if (!first) blockPairing.set(blockKey, { pairing: pairing as IatPairing, line: row.line });
    }
    trials.push({
      participant,
      block,
      trial: Number(trialText),
      category: unguard(cell('category')),
      stimulus: unguard(cell('stimulus')),
      pairing: pairing as IatPairing,
      correct: correctText === '1' ? 1 : 0,
      latencyMs: Number(latencyText),
      ...(correctionCol >= 0 ? { errorCorrection: correctionText as ErrorCorrection } : {}),
    });
  }
  if (errors.length > 0) {
    const more = errors.length > LISTED_ERRORS ? ` … and ${errors.length - LISTED_ERRORS} more bad row${errors.length - LISTED_ERRORS === 1 ? '' : 's'}.` : '';
    throw new ParseError(`${errors.length} row${errors.length === 1 ? '' : 's'} of the trials file cannot be scored. ${errors.slice(0, LISTED_ERRORS).join('. ')}.${more}`);
  }
  if (trials.length === 0) throw new ParseError('The trials file has a header but no trials.');
  return trials;
}

/**
 * The trials CSV of `trials` (CRLF line ends, as the run exporter). The error_correction column is
 * written only when some trial was recorded without forced correction, so the workbench's own files
 * have exactly the eight columns.
 */
export function iatTrialsToCsv(trials: readonly IatTrial[]): string {
  const withCorrection = trials.some((t) => t.errorCorrection === 'none');
  const fields = withCorrection ? [...IAT_TRIAL_COLUMNS, ERROR_CORRECTION_COLUMN] : [...IAT_TRIAL_COLUMNS];
  const data = trials.map((t) => [
    guardCell(t.participant),
    t.block,
    t.trial,
    guardCell(t.category),
    guardCell(t.stimulus),
    t.pairing,
    t.correct,
    t.latencyMs,
    ...(withCorrection ? [t.errorCorrection ?? 'built-in'] : []),
  ]);
  return Papa.unparse({ fields, data }, { newline: '\r\n', escapeFormulae: false }) + '\r\n';
}
