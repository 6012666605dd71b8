// Word lists from plain text and CSV, for the editor's "paste or import" and the CLI.
//
// TXT rules (documented for users): a leading BOM is ignored; lines starting with # are comments;
// every other line is one stimulus, read as the editor's box reads it (core/input/stimulusLines.ts):
// commas, semicolons and spaces are part of the stimulus, so "ice cream" stays one phrase and a file
// reads the same in the page as its probe JSON in the CLI (a tab, like any control character, is
// then refused by the probe's check of each stimulus). Blank lines are dropped.
//
// CSV (papaparse): the column named `word` (any case), else the first column; a file of a single
// row of several words (a comma list saved as .csv) is refused, since only its first word would be
// read. An optional `set` column (X, Y, A or B) assigns each row to a set so one file can fill a
// whole probe; an optional `label` column names the set. Errors are ParseError with the line number where the row starts
// (line numbers count physical lines, so a quoted field spanning lines is handled).
import Papa from 'papaparse';
import { ParseError } from '../../core/errors';
import { stimulusLines } from '../../core/input/stimulusLines';
import type { ProbeSetKey } from '../schema';
import { lineCounter } from './lineCounter';

const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** Parse a TXT word list (see the header for the rules). Throws ParseError when it holds no words. */
export const parseWordListText = (text: string): string[] => {
  const out = stimulusLines(stripBom(text)).filter((line) => !line.startsWith('#'));
  if (out.length === 0) throw new ParseError('The text holds no words (every line is empty or a # comment).');
  return out;
};


export type CsvWordSets =
  | { kind: 'list'; words: string[] }
  | { kind: 'sets'; sets: Partial<Record<ProbeSetKey, string[]>>; labels: Partial<Record<ProbeSetKey, string>> };

const SET_VALUES: Record<string, ProbeSetKey> = { x: 'X', y: 'Y', a: 'A', b: 'B' };

const QUOTE_HELP: Record<string, string> = {
  MissingQuotes: 'a quoted field is never closed (a " without its closing ")',
  InvalidQuotes: 'a quote is misplaced inside a field (write "" for a literal quote inside quotes)',
  TooManyFields: 'the row has more fields than the header',
  TooFewFields: 'the row has fewer fields than the header',
};

/**
 * Parse a CSV word list. Returns `{kind: 'list', words}` without a `set` column, or
 * `{kind: 'sets', sets, labels}` with one. Throws ParseError (with the line) on bad quoting,
 * an unknown set name, or a file without words.
 */
export const parseWordListCsv = (input: string): CsvWordSets => {
  const text = stripBom(input);
  const rows: { cells: string[]; line: number }[] = [];
  let start = 0;
  let firstError: { line: number; message: string } | null = null;
  const lineAt = lineCounter(text);
  Papa.parse<string[]>(text, {
    delimitersToGuess: [',', '\t', ';'],
    step: (r) => {
      const line = lineAt(start);
      for (const e of r.errors) {
        if (e.code === 'UndetectableDelimiter') continue;
        firstError ??= {
          line: typeof e.index === 'number' ? lineCounter(text)(e.index) : line,
          message: QUOTE_HELP[e.code] ?? e.message,
        };
      }
      rows.push({ cells: r.data, line });
      start = r.meta.cursor;
    },
  });
  if (firstError) {
    const { line, message } = firstError as { line: number; message: string };
    throw new ParseError(`CSV line ${line}: ${message}.`);
  }
  const nonEmpty = rows.filter((r) => r.cells.some((c) => c.trim().length > 0));
  if (nonEmpty.length === 0) throw new ParseError('The CSV file is empty.');

  const header = nonEmpty[0]!.cells.map((c) => c.trim().toLowerCase());
  const hasHeader = header.includes('word') || header.includes('set');
  const wordCol = hasHeader ? Math.max(header.indexOf('word'), 0) : 0;
  const setCol = hasHeader ? header.indexOf('set') : -1;
  const labelCol = hasHeader ? header.indexOf('label') : -1;
  const body = hasHeader ? nonEmpty.slice(1) : nonEmpty;

  if (!hasHeader && body.length === 1 && body[0]!.cells.filter((c) => c.trim().length > 0).length > 1) {
    const n = body[0]!.cells.filter((c) => c.trim().length > 0).length;
    throw new ParseError(
      `CSV line ${body[0]!.line}: the file is one row of ${n} words. A CSV word list holds one word per row (the first column, or the column headed "word"): put each word on its own line.`,
    );
  }
  if (setCol < 0) {
    const words = body.map((r) => (r.cells[wordCol] ?? '').trim()).filter((w) => w.length > 0);
    if (words.length === 0) throw new ParseError('The CSV file has a header but no words below it.');
    return { kind: 'list', words };
  }
  const sets: Partial<Record<ProbeSetKey, string[]>> = {};
  const labels: Partial<Record<ProbeSetKey, string>> = {};
  for (const r of body) {
    const word = (r.cells[wordCol] ?? '').trim();
    const rawSet = (r.cells[setCol] ?? '').trim();
    if (word.length === 0) throw new ParseError(`CSV line ${r.line}: the word is empty.`);
    const key = SET_VALUES[rawSet.toLowerCase()];
    if (!key) {
      throw new ParseError(
        `CSV line ${r.line}: the set is ${rawSet ? `"${rawSet}"` : 'empty'}; use X or Y for targets, A or B for attributes.`,
      );
    }
    (sets[key] ??= []).push(word);
    const label = labelCol >= 0 ? (r.cells[labelCol] ?? '').trim() : '';
    if (label && !labels[key]) labels[key] = label;
  }
  if (Object.keys(sets).length === 0) throw new ParseError('The CSV file has a header but no words below it.');
  return { kind: 'sets', sets, labels };
};
