// JSON text as every importer reads it: a leading byte-order mark ignored (editors on Windows write
// one), and a syntax error located by line and column — V8 says "at position N" for some errors and
// quotes an excerpt for others, so both are turned into a place a person can find.

/** A failure carries where the error is (" at line 3, column 5", or "" when unknown) and the parser's words. */
export type JsonReading = { ok: true; value: unknown } | { ok: false; at: string; detail: string };

/** "not valid JSON at line 3, column 5: <the parser's words>" */
export const notValidJson = (r: { at: string; detail: string }): string => `not valid JSON${r.at}: ${r.detail}`;

/** Line and column (1-based) of a character offset. */
const lineCol = (text: string, offset: number) => {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, col: offset - before.lastIndexOf('\n') };
};

const where = (text: string, message: string): string => {
  const pos = /position (\d+)/.exec(message);
  const atEnd = /end of JSON input/.test(message);
  if (pos || atEnd) {
    const at = lineCol(text, pos ? Number(pos[1]) : text.length);
    return ` at line ${at.line}, column ${at.col}`;
  }
  const excerpt = /^Unexpected token '(.)', "?(?:\.\.\.)?([\s\S]*?)(?:\.\.\.)?" is not valid JSON/.exec(message);
  if (excerpt) {
    const start = text.indexOf(excerpt[2]!);
    const inExcerpt = excerpt[2]!.indexOf(excerpt[1]!);
    if (start >= 0 && inExcerpt >= 0) {
      const at = lineCol(text, start + inExcerpt);
      return ` at line ${at.line}, column ${at.col}`;
    }
  }
  return '';
};

/** Parse JSON text; a syntax error is located by line and column where the parser's words allow. */
export function readJsonText(input: string): JsonReading {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    const message = (e as Error).message;
    return { ok: false, at: where(text, message), detail: message };
  }
}
