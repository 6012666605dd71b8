// The line loop the JSONL imports share (BBQ, discrim-eval): a leading byte-order mark dropped, each
// non-blank line parsed as JSON with its 1-based line number (a line that is not JSON named as such,
// so the file's other lines are still read), progress every `progressEvery` lines and once at the
// end, and a stop the reader asks for (its --limit reached). What a line must hold is the reader's.
// Detection asks the same of a file's first non-blank line (firstJsonLineIs).
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
