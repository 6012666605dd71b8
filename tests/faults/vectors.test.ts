// Fault suite, vectors: a word-vector file the user loads (word2vec/GloVe text), streamed through
// loadUserVectorsFromBlob — what the model worker runs for "Load word vectors file…". Every bad file
// is a ParseError naming the line and what is wrong, before any model exists; a crafted header
// cannot make the parser allocate what the file does not hold.
import { describe, expect, it } from 'vitest';
import { InputTooLargeError, ParseError } from '../../src/core/errors';
import { checkImportSize } from '../../src/probes/import/limits';
import { loadUserVectorsFromBlob } from '../../src/runtime/userVectors';

const load = (content: string | Uint8Array<ArrayBuffer>, name = 'mine.vec') => loadUserVectorsFromBlob(new Blob([content]), name);
const refusal = async (content: string | Uint8Array<ArrayBuffer>) => {
  const e = await load(content).then(
    () => null,
    (err: unknown) => err as Error,
  );
  if (!e) throw new Error('the file loaded');
  expect(e).toBeInstanceOf(ParseError);
  return e.message;
};

describe('fault suite', () => {
  it('vectors · malformed · a value that is not a number on line 3 → "line 3: \'oops\' (value 2) is not a number"', async () => {
    expect(await refusal('rose 0.1 0.2 0.3\ntulip 0.2 0.1 0.4\nant 0.5 oops 0.1\n')).toBe("line 3: 'oops' (value 2) is not a number");
  });

  it('vectors · malformed · rows of different lengths → the line and both counts', async () => {
    expect(await refusal('rose 0.1 0.2 0.3\ntulip 0.1 0.2\n')).toBe('line 2: expected 3 numbers after the word, found 2');
  });

  it('vectors · malformed · a binary word2vec file → says only the text format is read and to convert it', async () => {
    const v = Buffer.from(new Float32Array([0.25, -0.5, 1]).buffer);
    const bin = new Uint8Array(Buffer.concat([Buffer.from('2 3\nrose '), v, Buffer.from('\ntulip '), v, Buffer.from('\n')]));
    expect(await refusal(bin)).toBe(
      'line 2: binary data; only the text format ("word v1 … vD" per line) is supported — convert binary word2vec files to text first',
    );
  });

  it('vectors · malformed · a web page saved instead of the file (HTML) → says it is a web page, not a vectors file', async () => {
    expect(await refusal('<!DOCTYPE html>\n<html><body>Not found</body></html>\n')).toBe(
      'line 1: this is a web page (HTML), not a vectors file; download the file itself (word2vec or GloVe text)',
    );
    // GloVe's Twitter vectors have words like <user>: those still load.
    const twitter = await load('<user> 0.1 0.2\n<hashtag> 0.3 0.4\n');
    expect(twitter.info.vocabularySize).toBe(2);
  });

  it('vectors · malformed · an empty file, and a header with no rows → "the file is empty" / "a header but no vectors"', async () => {
    expect(await refusal('')).toBe('the file is empty: expected lines of "word v1 v2 … vD"');
    expect(await refusal('\n\n')).toBe('the file is empty: expected lines of "word v1 v2 … vD"');
    expect(await refusal('3 100\n')).toBe('line 1: the file has a header but no vectors');
  });

  it('vectors · interrupted · a file cut short (header says 5 vectors, 2 arrived) → "truncated or edited file?"', async () => {
    expect(await refusal('5 3\nrose 0.1 0.2 0.3\ntulip 0.1 0.2 0.3\n')).toBe(
      'line 1: the header announces 5 vectors but the file has 2 (truncated or edited file?)',
    );
  });

  it('vectors · interrupted · a file that fails while it is read → says how far reading got; no model', async () => {
    const file = new Blob(['rose 0.1 0.2\n']);
    Object.defineProperty(file, 'size', { value: 5000 });
    Object.defineProperty(file, 'stream', {
      value: () => {
        let pulls = 0;
        return new ReadableStream<Uint8Array>({
          pull(c) {
            if (pulls++ === 0) c.enqueue(new TextEncoder().encode('rose 0.1 0.2\n'));
            else c.error(new DOMException('The requested file could not be read', 'NotReadableError'));
          },
        });
      },
    });
    await expect(loadUserVectorsFromBlob(file, 'mine.vec')).rejects.toThrow(
      new ParseError('Reading mine.vec stopped after 13 of 5,000 bytes (The requested file could not be read); choose the file again.'),
    );
  });

  it('vectors · hostile · a header claiming 2,000,000,000 vectors of 300 dimensions → the count mismatch, not an out-of-memory crash', async () => {
    expect(await refusal('2000000000 300\nrose ' + Array(300).fill('0.1').join(' ') + '\n')).toBe(
      'line 1: the header announces 2000000000 vectors but the file has 1 (truncated or edited file?)',
    );
  });

  it('vectors · hostile · a header or a row with 2,000,000,000 / 70,000 dimensions → refused naming the 65,536 limit', async () => {
    expect(await refusal('10 2000000000\nrose 0.1\n')).toBe('line 1: the header announces 2,000,000,000 dimensions; word vectors have at most 65,536');
    expect(await refusal(`rose ${Array(70_000).fill('1').join(' ')}\n`)).toBe('line 1: 70,000 numbers after the word; word vectors have at most 65,536');
  });

  it('vectors · hostile · values in hex (0x1F), binary (0b1), Infinity or beyond float32 (1e39) → refused, not read as numbers', async () => {
    expect(await refusal('rose 0x1F 0.2\ntulip 0.1 0.2\n')).toBe("line 1: '0x1F' (value 1) is not a number");
    expect(await refusal('rose 0.1 0b1\ntulip 0.1 0.2\n')).toBe("line 1: '0b1' (value 2) is not a number");
    expect(await refusal('rose 0.1 0.2\ntulip Infinity 0.2\n')).toBe("line 2: 'Infinity' (value 1) is not a number");
    expect(await refusal('rose 0.1 0.2\ntulip 1e39 0.2\n')).toBe("line 2: '1e39' (value 1) is not a finite 32-bit number");
    // Decimal forms word2vec and GloVe write still load: signs, exponents, a leading dot.
    const ok = await load('rose -0.25 1e-3\ntulip +.5 2.5E+1\n');
    expect(Array.from((await ok.embedWords(['tulip']))[0]!)).toEqual([0.5, 25]);
  });

  it('vectors · oversized · a 2.1 GB vectors file → refused before reading, naming the 2,000 MB limit', () => {
    expect(() => checkImportSize('word-vectors', 2_100_000_000, 'glove.840B.300d.txt')).toThrow(
      new InputTooLargeError('glove.840B.300d.txt is 2100.0 MB; the limit for word-vector files is 2000 MB.'),
    );
  });

  it('vectors · concurrent · two files loaded at once → two models, each with its own words and dimensions', async () => {
    const [a, b] = await Promise.all([load('rose 1 0\ntulip 0 1\n', 'a.vec'), load('ant 1 2 3\nflea 4 5 6\nwasp 7 8 9\n', 'b.vec')]);
    expect([a.info.id, a.info.dims, a.info.vocabularySize]).toEqual(['user:a.vec', 2, 2]);
    expect([b.info.id, b.info.dims, b.info.vocabularySize]).toEqual(['user:b.vec', 3, 3]);
    expect(Array.from((await b.embedWords(['flea']))[0]!)).toEqual([4, 5, 6]);
    expect((await a.embedWords(['flea']))[0]).toBeNull();
  });
});
