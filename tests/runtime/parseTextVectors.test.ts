// parseTextVectors / TextVectorParser: golden cases, bad input with 1-based line numbers, and the
// property that chunk boundaries anywhere (inside words, numbers, CRLF pairs) change nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/core/errors';
import { parseTextVectors, TextVectorParser, type ParsedVectors } from '../../src/core/embeddings/parseTextVectors';

const rows = (p: ParsedVectors) => p.words.map((w, i) => [w, ...Array.from(p.data.subarray(i * p.dims, (i + 1) * p.dims))]);

describe('parseTextVectors: golden cases', () => {
  it('GloVe format (no header)', () => {
    const p = parseTextVectors('the 0.5 -1 2e-3\ncat 1 2 3\n');
    expect(p.dims).toBe(3);
    expect(p.header).toBeUndefined();
    expect(rows(p)).toEqual([
      ['the', 0.5, -1, Math.fround(2e-3)],
      ['cat', 1, 2, 3],
    ]);
    expect(p.lines).toBe(2);
  });

  it('word2vec format with header, CRLF, blank lines, BOM, tabs, no final newline', () => {
    const p = parseTextVectors('\uFEFF2 2\r\n\r\nhello\t0.25 0.75\r\n  \r\nworld -1.5  +2\r\n\r\n');
    expect(p.header).toEqual({ count: 2, dims: 2 });
    expect(rows(p)).toEqual([
      ['hello', 0.25, 0.75],
      ['world', -1.5, 2],
    ]);
    expect(parseTextVectors('a 1 2\nb 3 4').words).toEqual(['a', 'b']);
  });

  it('keeps the first of duplicate words and counts them', () => {
    const p = parseTextVectors('a 1 1\nb 2 2\na 3 3\na 4 4\n');
    expect(rows(p)).toEqual([
      ['a', 1, 1],
      ['b', 2, 2],
    ]);
    expect(p.duplicates).toBe(2);
    expect(p.duplicateExamples).toEqual(['a', 'a']);
  });

  it('accepts words containing spaces when the numbers at the end fill the dimension (GloVe 840B)', () => {
    const p = parseTextVectors('a 1 2\nat & t 3 4\n');
    expect(p.words).toEqual(['a', 'at & t']);
  });

  it('keeps non-ASCII and punctuation words as given (no case folding)', () => {
    expect(parseTextVectors('Café 1 2\n. 3 4\n\u00e9t\u00e9 5 6\n').words).toEqual(['Café', '.', 'été']);
  });

  it('expectedDims enforces a dimension', () => {
    expect(parseTextVectors('a 1 2\n', { expectedDims: 2 }).dims).toBe(2);
  });
});

describe('parseTextVectors: bad input names the line', () => {
  const cases: [string, string, RegExp][] = [
    ['too few numbers', 'a 1 2 3\nb 1 2 3\n\nc 1 2\n', /^line 4: expected 3 numbers after the word, found 2$/],
    ['too many numbers', 'a 1 2\nb 1 2 3 x\n', /^line 2: expected 2 numbers after the word, found 4$/],
    ['one number too many', 'a 1 2\nb 1 2 3\n', /^line 2: expected 2 numbers after the word, found 3$/],
    ['not a number', 'a 1 2\nb 1 2\nc 1 abc\n', /^line 3: 'abc' \(value 2\) is not a number$/],
    ['NaN', 'a 1 NaN\n', /^line 1: 'NaN' \(value 2\) is not a number$/],
    ['infinite', 'a 1 2\nb 1e39 2\n', /^line 2: '1e39' \(value 1\) is not a finite 32-bit number$/],
    ['word without numbers', 'lonely\n', /^line 1: expected a word followed by numbers/],
    ['header count mismatch', '3 2\na 1 2\nb 3 4\n', /^line 1: the header announces 3 vectors but the file has 2/],
    ['header dims mismatch', '2 3\na 1 2\nb 1 2\n', /^line 2: expected 3 numbers after the word, found 2$/],
    ['header only', '10 300\n\n', /^line 2: the file has a header but no vectors$/],
    ['empty file', '\n\n  \n', /^the file is empty/],
    ['binary word2vec', '2 2\nab\u0000\u0001cd\n', /^line 2: binary data/],
    ['dimension differs from expected', 'a 1 2 3\n', /^line 1: expected 2 numbers after the word, found 3$/],
    ['bad duplicate line still reported', 'a 1 2\na 1 x\n', /^line 2: 'x' \(value 2\) is not a number$/],
  ];
  it.each(cases)('%s', (_name, text, message) => {
    const run = () => parseTextVectors(text, _name === 'dimension differs from expected' ? { expectedDims: 2 } : undefined);
    expect(run).toThrow(ParseError);
    expect(run).toThrow(message);
  });

  it('counts CRLF lines like LF lines', () => {
    expect(() => parseTextVectors('a 1 2\r\nb 1 2\r\nc 1\r\n')).toThrow(/^line 3:/);
  });
});

describe('TextVectorParser: chunking', () => {
  const wordArb = fc.stringMatching(/^[a-zé.'-]{1,6}$/);
  const numArb = fc.oneof(
    fc.integer({ min: -999, max: 999 }).map(String),
    fc.float({ min: -10, max: 10, noNaN: true, noDefaultInfinity: true }).map((x) => x.toPrecision(5)),
  );
  const fileArb = fc
    .record({
      dims: fc.integer({ min: 1, max: 4 }),
      header: fc.boolean(),
      crlf: fc.boolean(),
      blankEvery: fc.integer({ min: 0, max: 3 }),
      n: fc.integer({ min: 1, max: 12 }),
    })
    .chain(({ dims, header, crlf, blankEvery, n }) =>
      fc.array(fc.tuple(wordArb, fc.array(numArb, { minLength: dims, maxLength: dims })), { minLength: n, maxLength: n }).map((lines) => {
        const eol = crlf ? '\r\n' : '\n';
        const body = lines.map(([w, nums], i) => `${w} ${nums.join(' ')}${blankEvery && i % blankEvery === 0 ? eol : ''}`);
        return (header ? `${lines.length} ${dims}${eol}` : '') + body.join(eol) + eol;
      }),
    );

  const parseChunked = (text: string, cuts: number[]) => {
    const p = new TextVectorParser();
    let prev = 0;
    for (const c of [...new Set(cuts)].sort((a, b) => a - b)) {
      p.push(text.slice(prev, c));
      prev = c;
    }
    p.push(text.slice(prev));
    return p.finish();
  };
  const outcome = (f: () => ParsedVectors) => {
    try {
      const r = f();
      return { ok: rows(r), dims: r.dims, dup: r.duplicates, lines: r.lines };
    } catch (e) {
      return { error: (e as Error).message, name: (e as Error).name };
    }
  };

  it('gives identical results (or the identical error) for any chunk boundaries', () => {
    fc.assert(
      fc.property(
        fileArb.chain((text) => fc.tuple(fc.constant(text), fc.array(fc.integer({ min: 0, max: text.length }), { maxLength: 8 }))),
        ([text, cuts]) => {
          const whole = outcome(() => parseTextVectors(text));
          expect(outcome(() => parseChunked(text, cuts))).toEqual(whole);
          // One character at a time, the worst case.
          expect(outcome(() => parseChunked(text, Array.from({ length: text.length }, (_, i) => i)))).toEqual(whole);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('an error line number does not depend on chunking', () => {
    const text = 'a 1 2\r\nb 3 4\r\n\r\nc 5 x\r\nd 1 2\r\n';
    for (let cut = 0; cut <= text.length; cut++) {
      expect(() => parseChunked(text, [cut])).toThrow(/^line 4: 'x'/);
    }
  });
});
