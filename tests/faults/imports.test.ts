// Fault suite, imports: files the editors import (CrowS-Pairs CSV, WEFE JSON, word-list TXT/CSV),
// through the import worker's own code (createImportApi: the object import.worker.ts exposes) or the
// pure parser it calls. Every bad file gives a named error whose message names the line or the list
// and says what to do; a file that is partly good keeps its good part and lists what was skipped.
import { readFileSync } from 'node:fs';
import * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import { InputTooLargeError, ParseError } from '../../src/core/errors';
import { parseWefeWordSets, wefeToProbe } from '../../src/probes/import/wefe';
import { parseWordListCsv, parseWordListText } from '../../src/probes/import/wordList';
import { createImportApi } from '../../src/worker/importApi';
import type { ImportProgress } from '../../src/worker/importProtocol';
import { CROWS_HEADER, syntheticCrowsCsv } from '../fixtures/probes/syntheticCrows';
import { thrown } from './faultHelpers';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/probes/${name}`, import.meta.url), 'utf8');
const noop = Comlink.proxy(() => undefined);
const api = createImportApi();

/** A file whose stream delivers `first` and then fails, as a file deleted or changed on disk while it is read. */
const failingFile = (first: string, size: number): Blob => {
  const b = new Blob([first]);
  Object.defineProperty(b, 'size', { value: size });
  Object.defineProperty(b, 'stream', {
    value: () => {
      let pulls = 0;
      return new ReadableStream<Uint8Array>({
        pull(c) {
          if (pulls++ === 0) c.enqueue(new TextEncoder().encode(first));
          else c.error(new DOMException('The requested file could not be read', 'NotReadableError'));
        },
      });
    },
  });
  return b;
};

describe('fault suite', () => {
  it('imports · malformed · a word-list CSV with bad quoting → "CSV line 3" and what is wrong with the quote', () => {
    const e = thrown(() => parseWordListCsv(fixture('bad-quoting.csv')), ParseError);
    expect(e.message).toMatch(/^CSV line 3: /);
    expect(e.message).toMatch(/quote/);
  });

  it('imports · malformed · a sets CSV naming an unknown set → the line and the allowed values', () => {
    const e = thrown(() => parseWordListCsv(fixture('bad-set.csv')), ParseError);
    expect(e.message).toBe('CSV line 4: the set is "Q"; use X or Y for targets, A or B for attributes.');
  });

  it('imports · malformed · empty TXT and CSV files → "holds no words" / "is empty" / "no words below it"', () => {
    expect(thrown(() => parseWordListText('\n  \n# only a comment\n'), ParseError).message).toMatch(/holds no words/);
    expect(thrown(() => parseWordListCsv('\n\n'), ParseError).message).toBe('The CSV file is empty.');
    expect(thrown(() => parseWordListCsv('word,set\n'), ParseError).message).toMatch(/no words below it/);
  });

  it('imports · malformed · a WEFE file without the mapped list → names the missing list and the lists it has', () => {
    const sets = parseWefeWordSets(fixture('wefe-many-sets.json'));
    const e = thrown(() => wefeToProbe(sets, { X: 'fruit', Y: 'vehicles', A: 'good', B: 'pleasant_5' }, { id: 'w' }), ParseError);
    expect(e.message).toBe('The WEFE file has no list "pleasant_5" (for B); it has: fruit, vehicles, good, bad, colours.');
  });

  it('imports · malformed · a WEFE file that is not an object of lists → says which key is wrong, or that it is not JSON', () => {
    expect(thrown(() => parseWefeWordSets('{"a": "aster"}'), ParseError).message).toBe('WEFE key "a" must be a list of words (strings).');
    expect(thrown(() => parseWefeWordSets('[1,2]'), ParseError).message).toMatch(/JSON object of named word lists/);
    expect(thrown(() => parseWefeWordSets('{'), ParseError).message).toMatch(/not valid JSON/);
  });

  it('imports · malformed · a CrowS-Pairs file that is a web page (HTML saved instead of the CSV) → names the missing columns', async () => {
    const html = '<!DOCTYPE html>\n<html><head><title>crows_pairs_anonymized.csv</title></head><body>Sign in to continue</body></html>\n';
    await expect(api.importInput('crows-csv', { name: 'crows_pairs_anonymized.csv', file: new Blob([html]) }, noop)).rejects.toThrow(
      new ParseError('CSV line 1: the header has no columns sent_more, sent_less, stereo_antistereo, bias_type; a CrowS-Pairs file needs sent_more, sent_less, stereo_antistereo, bias_type.'),
    );
  });

  it('imports · malformed · CrowS-Pairs rows with an empty sentence, an unknown direction or too few fields → skipped with their lines, the good rows kept', async () => {
    const text = [
      CROWS_HEADER,
      '0,The woman forgot the keys.,The man forgot the keys.,stereo,gender,[],a,[]',
      '1,The old neighbour painted the fence.,,stereo,age,[],a,[]',
      '2,The poor family cooked dinner.,The rich family cooked dinner.,sideways,socioeconomic,[],a,[]',
      '3,The priest won the chess game.,The teacher won the chess game.',
      '4,The blind runner missed the bus.,The tall runner missed the bus.,antistereo,disability,[],a,[]',
    ].join('\n');
    const r = await api.importInput('crows-csv', { name: 'mixed.csv', file: new Blob([text]) }, noop);
    expect(r.probe.family === 'counterfactual-pairs' && r.probe.pairs.map((p) => p.id)).toEqual(['crows-0', 'crows-4']);
    expect(r.skipped).toEqual([
      'CSV line 3: sent_less is empty',
      'CSV line 4: stereo_antistereo is "sideways"; expected "stereo" or "antistereo"',
      'CSV line 5: the row has 3 fields, the header 8',
    ]);
  });

  it('imports · interrupted · a CrowS-Pairs file cut off inside a quoted sentence → the rows before it imported, the cut row named', async () => {
    const whole = syntheticCrowsCsv(40).text;
    const cut = whole.slice(0, whole.lastIndexOf('"') - 5); // inside the last quoted field
    const r = await api.importInput('crows-csv', { name: 'cut.csv', file: new Blob([cut]) }, noop);
    expect(r.skipped).toHaveLength(1);
    expect(r.skipped[0]).toMatch(/^CSV line \d+: a quoted field is never closed/);
    const pairs = r.probe.family === 'counterfactual-pairs' ? r.probe.pairs.length : 0;
    expect(pairs).toBeGreaterThan(30);
    expect(pairs).toBeLessThan(40);
  });

  it('imports · interrupted · a file that fails while it is read (deleted or changed on disk) → says how far reading got, nothing imported', async () => {
    await expect(api.importInput('word-list', { name: 'flowers.txt', file: failingFile('rose\ntulip\n', 1000) }, noop)).rejects.toThrow(
      new ParseError('Reading flowers.txt stopped after 11 of 1,000 bytes (The requested file could not be read); nothing was imported. Choose the file again.'),
    );
  });

  it('imports · malformed · a word list saved as UTF-16 ("Unicode text") → says it is not UTF-8, instead of words full of NULs', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('rose\ntulip\nlily\n', 'utf16le')]);
    await expect(api.importInput('word-list', { name: 'flowers.txt', file: new Blob([utf16]) }, noop)).rejects.toThrow(
      new ParseError('flowers.txt is not UTF-8 text (saved as UTF-16 or a legacy encoding?); save it as UTF-8 and import it again.'),
    );
    // The same words in UTF-8 (with a byte-order mark) import as three words.
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('rose\ntulip\nlily\n', 'utf8')]);
    expect(await api.importInput('word-list', { name: 'flowers.txt', file: new Blob([utf8]) }, noop)).toEqual(['rose', 'tulip', 'lily']);
  });

  it('imports · oversized · a 65 MB probe file and a 17 MB word list → refused before a byte is read', async () => {
    const huge = (bytes: number) => {
      const b = new Blob(['x']);
      Object.defineProperty(b, 'size', { value: bytes });
      Object.defineProperty(b, 'stream', { value: () => { throw new Error('the file was read'); } });
      return b;
    };
    await expect(api.importInput('association-probe', { name: 'sets.json', file: huge(65_000_000) }, noop)).rejects.toThrow(
      new InputTooLargeError('sets.json is 65.0 MB; the limit for probe and word-set imports (probe JSON, WEFE JSON, CSV with a set column) is 64 MB.'),
    );
    await expect(api.importInput('word-list', { name: 'words.txt', file: huge(17_000_000) }, noop)).rejects.toThrow(
      new InputTooLargeError('words.txt is 17.0 MB; the limit for word-list imports is 16 MB.'),
    );
  });

  it('imports · oversized · a WEFE list of 100,001 words → refused naming the per-set limit of the editor', async () => {
    const many = Array.from({ length: 100_001 }, (_, i) => `w${i}`);
    const file = new Blob([`word\n${many.join('\n')}\n`]);
    await expect(api.importInput('word-list', { name: 'many.csv', file }, noop)).rejects.toThrow(
      new ParseError('many.csv holds 100,001 words; one set takes at most 100,000 from a file or paste.'),
    );
  });

  it('imports · hostile · a WEFE file with "__proto__" and "constructor" lists → read as plain lists; no prototype changes', async () => {
    const text = '{"__proto__": ["polluted", "yes"], "constructor": ["a", "b"], "flowers": ["rose","lily"], "insects": ["ant","flea"], "good": ["love","joy"], "bad": ["war","agony"]}';
    const r = await api.importInput('association-probe', { name: 'wefe.json', file: new Blob([text]) }, noop);
    expect(({} as Record<string, unknown>)[0]).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(r.kind).toBe('wefe');
    if (r.kind !== 'wefe') return;
    expect(Object.getPrototypeOf(r.sets)).toBe(Object.prototype);
    expect(Object.keys(r.sets)).toEqual(['__proto__', 'constructor', 'flowers', 'insects', 'good', 'bad']);
    expect(Object.getOwnPropertyDescriptor(r.sets, '__proto__')?.value).toEqual(['polluted', 'yes']);
    expect(r.sets.flowers).toEqual(['rose', 'lily']);
    expect(r.suggested).toBeNull(); // six lists: the user is asked which fills each set
  });

  it('imports · concurrent · two files imported at once through one import worker → each gets its own result and its own progress', async () => {
    const a = syntheticCrowsCsv(600, 0).text;
    const b = ['word', 'rose', 'tulip', 'lily'].join('\n');
    const seenA: ImportProgress[] = [];
    const seenB: ImportProgress[] = [];
    let t = 0;
    const shared = createImportApi(() => (t += 60));
    const [ra, rb] = await Promise.all([
      shared.importInput('crows-csv', { name: 'a.csv', file: new Blob([a]) }, Comlink.proxy((p: ImportProgress) => void seenA.push(p))),
      shared.importInput('word-list', { name: 'b.csv', file: new Blob([b]) }, Comlink.proxy((p: ImportProgress) => void seenB.push(p))),
    ]);
    expect(ra.probe.family === 'counterfactual-pairs' && ra.probe.pairs.length).toBe(600);
    expect(rb).toEqual(['rose', 'tulip', 'lily']);
    const lastReading = (seen: ImportProgress[]) => seen.filter((p) => p.stage === 'reading').at(-1);
    expect(lastReading(seenA)).toEqual({ stage: 'reading', done: new Blob([a]).size, total: new Blob([a]).size });
    expect(lastReading(seenB)).toEqual({ stage: 'reading', done: b.length, total: b.length });
    expect(seenB.some((p) => p.stage === 'parsing')).toBe(false); // B's list has no parsing stage: A's never leak into it
  });
});
