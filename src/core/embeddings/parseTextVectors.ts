// Parser for user-supplied word vectors in the word2vec / GloVe text format:
//
//   [count dims]            optional header (word2vec), first non-blank line, two integers
//   word v1 v2 … vD         one vector per line, separated by spaces or tabs
//
// Blank lines, CRLF line ends and a UTF-8 BOM are accepted. Errors are ParseError with the 1-based
// physical line number and what was wrong ("line 17: expected 100 numbers, found 99"). Duplicate
// words keep the first vector and are counted (GloVe releases contain a few).
//
// Why incremental: a worker feeds chunks of a File stream and reports byte progress, so a 1 GB
// file never blocks the page and never exists as one string. Chunks may split a line (or a CRLF)
// anywhere; the result is identical to parsing the whole text at once (property-tested).
// Pure: no DOM, no I/O.
import { ParseError } from '../errors';

export interface ParsedVectors {
  /** Words in file order (first occurrence of each). */
  words: string[];
  dims: number;
  /** Row-major, words.length × dims. */
  data: Float32Array;
  /** Lines whose word had already appeared (skipped). */
  duplicates: number;
  /** Up to 10 of the duplicated words, for the message shown to the user. */
  duplicateExamples: string[];
  /** The word2vec header, when the file had one. */
  header?: { count: number; dims: number };
  /** Physical lines read (including blank ones). */
  lines: number;
}

export interface ParseTextVectorsOptions {
  /** Reject files whose dimension differs (e.g. to match a model); default: take it from the file. */
  expectedDims?: number;
}

const HEADER = /^(\d+)[ \t]+(\d+)$/;
const SPLIT = /[ \t]+/;
/** A decimal number as word2vec and GloVe write them; hex (0x1F), binary or octal forms are not values a file means. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** Vectors wider than this are no word-embedding model (the largest in use have a few thousand dimensions). */
const MAX_DIMS = 65_536;
/**
 * Floats reserved up front from a header's count (64 MB). A header is the file's claim, not its
 * content: a crafted "2000000000 300" must not make the parser allocate before a row is read.
 */
const MAX_PREALLOCATED = 1 << 24;

export class TextVectorParser {
  private pending = '';
  private lineNo = 0;
  private sawContent = false;
  private dims: number | undefined;
  private header: { count: number; dims: number } | undefined;
  private words: string[] = [];
  private index = new Map<string, number>();
  private data = new Float32Array(0);
  private duplicates = 0;
  private duplicateExamples: string[] = [];
  private finished = false;

  constructor(opts: ParseTextVectorsOptions = {}) {
    this.dims = opts.expectedDims;
  }

  /** Physical lines completed so far. */
  get linesRead(): number {
    return this.lineNo;
  }

  /** Vectors accepted so far. */
  get count(): number {
    return this.words.length;
  }

  /** Feed the next piece of text (any size, may split lines anywhere). @throws ParseError */
  push(chunk: string): void {
    if (this.finished) throw new Error('TextVectorParser: push() after finish()');
    let text = this.pending + chunk;
    if (this.lineNo === 0 && !this.sawContent && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl === -1) break;
      this.line(text.slice(start, nl));
      start = nl + 1;
    }
    this.pending = text.slice(start);
  }

  /** End of input: parse the last line (if it has no newline) and return the table. @throws ParseError */
  finish(): ParsedVectors {
    if (!this.finished) {
      if (this.pending.length > 0) this.line(this.pending);
      this.pending = '';
      this.finished = true;
    }
    if (this.words.length === 0) {
      throw new ParseError(
        this.lineNo === 0 || !this.sawContent
          ? 'the file is empty: expected lines of "word v1 v2 … vD"'
          : `line ${this.lineNo}: the file has a header but no vectors`,
      );
    }
    if (this.header && this.header.count !== this.words.length + this.duplicates) {
      throw new ParseError(
        `line 1: the header announces ${this.header.count} vectors but the file has ${this.words.length + this.duplicates} (truncated or edited file?)`,
      );
    }
    const dims = this.dims!;
    return {
      words: this.words,
      dims,
      data: this.data.slice(0, this.words.length * dims),
      duplicates: this.duplicates,
      duplicateExamples: this.duplicateExamples,
      header: this.header,
      lines: this.lineNo,
    };
  }

  private fail(message: string): never {
    throw new ParseError(`line ${this.lineNo}: ${message}`);
  }

  private line(raw: string): void {
    this.lineNo++;
    const line = (raw.endsWith('\r') ? raw.slice(0, -1) : raw).trim();
    if (line.length === 0) return;
    if (line.includes('\u0000')) this.fail('binary data; only the text format ("word v1 … vD" per line) is supported — convert binary word2vec files to text first');
    if (!this.sawContent) {
      this.sawContent = true;
      const h = HEADER.exec(line);
      if (h) {
        const count = Number(h[1]);
        const dims = Number(h[2]);
        if (dims < 1) this.fail(`the header announces ${dims} dimensions`);
        if (dims > MAX_DIMS) this.fail(`the header announces ${dims.toLocaleString('en-US')} dimensions; word vectors have at most ${MAX_DIMS.toLocaleString('en-US')}`);
        if (this.dims !== undefined && this.dims !== dims) this.fail(`the header announces ${dims} dimensions, expected ${this.dims}`);
        this.header = { count, dims };
        this.dims = dims;
        this.grow(Math.min(count, Math.floor(MAX_PREALLOCATED / dims)));
        return;
      }
    }
    const tokens = line.split(SPLIT);
    if (this.dims === undefined) {
      if (/^<(!doctype|html)\b/i.test(line)) this.fail('this is a web page (HTML), not a vectors file; download the file itself (word2vec or GloVe text)');
      if (tokens.length < 2) this.fail(`expected a word followed by numbers, found ${JSON.stringify(truncate(line))}`);
      if (tokens.length - 1 > MAX_DIMS) this.fail(`${(tokens.length - 1).toLocaleString('en-US')} numbers after the word; word vectors have at most ${MAX_DIMS.toLocaleString('en-US')}`);
      this.dims = tokens.length - 1;
    }
    const dims = this.dims;
    // Words may contain spaces in some releases (GloVe 840B): the last `dims` tokens are the
    // numbers. Only when the token before them is not a number — otherwise a line with one number
    // too many would silently become the word "b 1" instead of an error.
    let wordTokens = 1;
    if (
      tokens.length > dims + 1 &&
      !isNumberToken(tokens[tokens.length - dims - 1]!) &&
      tokens.slice(tokens.length - dims).every(isNumberToken)
    ) {
      wordTokens = tokens.length - dims;
    }
    const found = tokens.length - wordTokens;
    if (found !== dims) this.fail(`expected ${dims} numbers after the word, found ${found}`);
    const word = tokens.slice(0, wordTokens).join(' ');
    if (this.index.has(word)) {
      this.duplicates++;
      if (this.duplicateExamples.length < 10) this.duplicateExamples.push(word);
      // Still validate the numbers, so a broken duplicate line is reported, not hidden.
      for (let j = 0; j < dims; j++) this.number(tokens[wordTokens + j]!, j);
      return;
    }
    const row = this.words.length;
    this.grow(row + 1);
    const off = row * dims;
    for (let j = 0; j < dims; j++) this.data[off + j] = this.number(tokens[wordTokens + j]!, j);
    this.index.set(word, row);
    this.words.push(word);
  }

  private number(tok: string, j: number): number {
    const v = Number(tok);
    if (!DECIMAL.test(tok) || Number.isNaN(v)) this.fail(`'${truncate(tok)}' (value ${j + 1}) is not a number`);
    if (!Number.isFinite(v) || !Number.isFinite(Math.fround(v))) this.fail(`'${truncate(tok)}' (value ${j + 1}) is not a finite 32-bit number`);
    return v;
  }

  private grow(rows: number): void {
    const need = rows * (this.dims ?? 0);
    if (need <= this.data.length) return;
    const next = new Float32Array(Math.max(need, this.data.length * 2, 1024));
    next.set(this.data);
    this.data = next;
  }
}

const isNumberToken = (t: string): boolean => DECIMAL.test(t) && Number.isFinite(Number(t));
const truncate = (s: string): string => (s.length > 40 ? `${s.slice(0, 37)}…` : s);

/** Parse a whole text at once (same rules as TextVectorParser). @throws ParseError */
export function parseTextVectors(text: string, opts?: ParseTextVectorsOptions): ParsedVectors {
  const p = new TextVectorParser(opts);
  p.push(text);
  return p.finish();
}
