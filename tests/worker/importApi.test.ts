// The import worker's implementation, run in Node (the same object import.worker.ts exposes): size
// limits refuse before reading, a CrowS-Pairs file comes back as an LM probe with skipped rows, a
// large probe comes back without its text, and progress is throttled with the last step always sent.
import * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import { InputTooLargeError, ParseError } from '../../src/core/errors';
import { createImportApi } from '../../src/worker/importApi';
import type { ImportProgress } from '../../src/worker/importProtocol';
import { syntheticCrowsCsv } from '../fixtures/probes/syntheticCrows';

const noop = Comlink.proxy(() => undefined);

/** A Blob whose size is a lie and whose content must never be read. */
const hugeBlob = (bytes: number): Blob => {
  const b = new Blob(['x']);
  Object.defineProperty(b, 'size', { value: bytes });
  Object.defineProperty(b, 'stream', { value: () => { throw new Error('read'); } });
  return b;
};

describe('import worker API', () => {
  it('refuses a file over its kind’s limit before reading it, saying both sizes', async () => {
    const api = createImportApi();
    const p = api.importInput('crows-csv', { name: 'big.csv', file: hugeBlob(80_000_000) }, noop);
    await expect(p).rejects.toThrow(InputTooLargeError);
    await expect(p).rejects.toThrow('big.csv is 80.0 MB; the limit for CrowS-Pairs CSV imports is 64 MB.');
    await expect(api.importInput('word-list', { name: 'w.txt', file: hugeBlob(16_000_001) }, noop)).rejects.toThrow('w.txt is 16.0 MB; the limit for word-list imports is 16 MB.');
  });

  it('a 3,000-row CrowS-Pairs file: pairs, skipped rows with lines, progress in order ending at 100 %', async () => {
    let t = 0;
    const api = createImportApi(() => (t += 10)); // 10 ms per clock reading: one message in five passes
    const s = syntheticCrowsCsv(3000, 1000);
    const seen: ImportProgress[] = [];
    const r = await api.importInput('crows-csv', { name: 'synthetic.csv', file: new Blob([s.text]) }, Comlink.proxy((p: ImportProgress) => void seen.push(p)));
    expect(r.probe.family === 'counterfactual-pairs' && r.probe.pairs.length).toBe(2997);
    expect(r.skipped).toEqual(s.bad.map((b) => b.message));
    expect(r.text).toBeNull(); // ~0.6 MB of pretty JSON: over the editor's text limit
    expect(r.chars).toBeGreaterThan(256 * 1024);
    const stages = seen.map((p) => p.stage);
    expect(stages[0]).toBe('reading');
    expect(stages.at(-1)).toBe('validating');
    const parsing = seen.filter((p): p is Extract<ImportProgress, { stage: 'parsing' }> => p.stage === 'parsing');
    expect(parsing.at(-1)!.done).toBe(parsing.at(-1)!.total);
    expect(parsing.every((p, i) => i === 0 || p.done >= parsing[i - 1]!.done)).toBe(true);
  });

  it('a small probe comes back with its editable text; a paste over the word cap is refused', async () => {
    const api = createImportApi();
    const r = await api.importInput('crows-csv', { name: 'small.csv', file: new Blob([syntheticCrowsCsv(20).text]) }, noop);
    expect(r.text).toContain('"family": "counterfactual-pairs"');
    expect(await api.importInput('pasted-words', { name: 'the pasted text', text: 'rose, tulip\nlily' }, noop)).toEqual(['rose, tulip', 'lily']);
    const many = Array.from({ length: 100_001 }, (_, i) => `w${i}`).join('\n');
    await expect(api.importInput('pasted-words', { name: 'the pasted text', text: many }, noop)).rejects.toThrow(
      new ParseError('The pasted text holds 100,001 words; one set takes at most 100,000 from a file or paste.'),
    );
  });

  it('a run record that is not JSON is a ParseError', async () => {
    const api = createImportApi();
    await expect(api.importInput('run-record', { name: 'r.json', file: new Blob(['{oops']) }, noop)).rejects.toThrow(/The file is not valid JSON/);
  });
});
