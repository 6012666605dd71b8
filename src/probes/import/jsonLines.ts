// The line loop the JSONL imports share (BBQ, discrim-eval): a leading byte-order mark dropped, each
// non-blank line parsed as JSON with its 1-based line number (a line that is not JSON named as such,
// so the file's other lines are still read), progress every `progressEvery` lines and once at the
// end, and a stop the reader asks for (its --limit reached). What a line must hold is the reader's.
// Detection asks the same of a file's first non-blank line (firstJsonLineIs). readJsonLineItems is the
// import both readers run on that loop: every good line kept, each bad or repeated one a JsonLineError
// naming its line, the --limit, and a refusal when no line could be imported.
import { ParseError } from '../../core/errors';

export type JsonLine = { ok: true; value: unknown } | { ok: false; message: string };

export interface JsonLinesOptions {
  /** Lines between progress reports. */
  progressEvery: number;
  onProgress?: (done: number, total: number) => void;
  /** Asked before each line: true ends the reading there. */
  stop?: () => boolean;
}

export function forEachJsonLine(input: string, visit: (line: number, parsed: JsonLine) => void, opts: JsonLinesOptions): void {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let line = 0;
  for (let start = 0; start < text.length; ) {
    if (opts.stop?.()) break;
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    const body = text.slice(start, end).trim();
    line++;
    start = end + 1;
    if (opts.onProgress && line % opts.progressEvery === 0) opts.onProgress(start, text.length);
    if (!body) continue;
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch (e) {
      visit(line, { ok: false, message: `not valid JSON (${(e as Error).message})` });
      continue;
    }
    visit(line, { ok: true, value });
  }
  opts.onProgress?.(text.length, text.length);
}

/**
 * Whether a text's first non-blank line is a row of a format: it must name `field` (a cheap look,
 * so most files are not parsed) and, parsed, satisfy `isRow`.
 */
export function firstJsonLineIs(text: string, field: string, isRow: (json: unknown) => boolean): boolean {
  for (let start = 0; start < text.length; ) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    const line = text.slice(start, end).trim();
    start = end + 1;
    if (!line) continue;
    if (!line.includes(`"${field}"`)) return false;
    try {
      return isRow(JSON.parse(line));
    } catch {
      return false;
    }
  }
  return false;
}

/** A line of a JSONL import that was skipped, with its 1-based number and why. */
export class JsonLineError extends ParseError {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`JSONL line ${line}: ${reason}`);
    this.name = 'ParseError';
  }
}

export interface JsonLineItemsOptions<T> {
  /** The item a parsed line holds, or why it holds none. */
  readLine: (json: unknown) => T | string;
  /** Why an item whose id an earlier line had is skipped. */
  repeated: (item: T) => string;
  /** The refusal's first sentence when no line could be imported. */
  nothingImported: string;
  /** Keep only the first this many good items. */
  limit?: number;
  onProgress?: (done: number, total: number) => void;
}

/** Lines between progress reports of a JSONL import (the BBQ dataset is 58,492 lines). */
const PROGRESS_LINES = 2000;

/**
 * The items of a JSONL file, first occurrence of each id, and the lines skipped.
 * @throws {ParseError} when no line could be imported (with the first three reasons)
 */
export function readJsonLineItems<T extends { id: string }>(input: string, opts: JsonLineItemsOptions<T>): { items: T[]; errors: JsonLineError[] } {
  const errors: JsonLineError[] = [];
  const items: T[] = [];
  const seen = new Set<string>();
  const { limit, onProgress } = opts;
  forEachJsonLine(
    input,
    (line, parsed) => {
      if (!parsed.ok) return void errors.push(new JsonLineError(line, parsed.message));
      const item = opts.readLine(parsed.value);
      if (typeof item === 'string') errors.push(new JsonLineError(line, item));
      else if (seen.has(item.id)) errors.push(new JsonLineError(line, opts.repeated(item)));
      else {
        seen.add(item.id);
        items.push(item);
      }
    },
    { progressEvery: PROGRESS_LINES, ...(onProgress ? { onProgress } : {}), ...(limit === undefined ? {} : { stop: () => items.length >= limit }) },
  );
  if (items.length === 0) {
    const first = errors.slice(0, 3).map((e) => e.message).join(' ');
    throw new ParseError(`${opts.nothingImported}${first ? ` ${first}` : ''}`);
  }
  return { items, errors };
}
