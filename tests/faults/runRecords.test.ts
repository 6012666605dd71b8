// Fault suite, run records: a record file opened from disk (the history's "Open run record…", read
// by the import worker's code) and kept in the history (storeImportedRun over fake-indexeddb). A
// record is untrusted input: every bad one is refused with a message naming what is wrong, a
// forged one never replaces a stored run, and nothing half-read is stored.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import * as Comlink from 'comlink';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { InputTooLargeError, ParseError, ProbeValidationError } from '../../src/core/errors';
import { getRun, listRuns, setDb, WorkbenchDb } from '../../src/state/db';
import { itemsCsv, resultsCsv, runRecordJson } from '../../src/state/exports';
import { storeImportedRun } from '../../src/state/importRun';
import { createImportApi } from '../../src/worker/importApi';
import { weat1StoredRun } from '../state/fixtures';

const fixture = (rel: string) => readFileSync(new URL(`../fixtures/${rel}`, import.meta.url), 'utf8');
const noop = Comlink.proxy(() => undefined);
const api = createImportApi();
const open = (text: string, name = 'run.json') => api.importInput('run-record', { name, file: new Blob([text]) }, noop);
/** One stored WEAT 1 run (its id is random, so made once) and the record file it exports. */
const original = weat1StoredRun('2026-11-22T10:00:00Z');
const originalText = runRecordJson(original);
/** That record as a plain object to tamper with. */
const exported = () => JSON.parse(originalText) as Record<string, unknown> & { results: Record<string, unknown>[] };

let dbCount = 0;
beforeEach(() => setDb(new WorkbenchDb(`faults-runs-${++dbCount}-${Math.random()}`)));
afterAll(() => setDb(null));

describe('fault suite', () => {
  it('run records · malformed · text that is not JSON → "not valid JSON", nothing stored', async () => {
    const err = await open('this is a CSV,really\n1,2\n').catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(ParseError);
    expect((err as Error).message).toMatch(/^The file is not valid JSON \(Unexpected token/);
    expect(await listRuns()).toEqual([]);
  });

  it('run records · interrupted · a record file cut off mid-way → "not valid JSON", nothing stored', async () => {
    const text = originalText;
    const err = await open(text.slice(0, Math.floor(text.length * 0.6))).catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(ParseError);
    expect((err as Error).message).toMatch(/^The file is not valid JSON \(/);
    expect(await listRuns()).toEqual([]);
  });

  it('run records · malformed · tampered numbers (p = 1.7, d = "large") → each named with its path', async () => {
    const r = exported();
    r.results[0]!.pValue = 1.7;
    r.results[0]!.effectSize = 'large';
    const err = await open(JSON.stringify(r)).catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(ProbeValidationError);
    expect((err as Error).message).toMatch(/^The run record is not valid \(2 problems\):/);
    expect((err as Error).message).toMatch(/- results\.0\.pValue: /);
    expect((err as Error).message).toMatch(/- results\.0\.effectSize: /);
  });

  it('run records · hostile · results for a probe the record does not hold and a seed that contradicts its options → both named', async () => {
    const r = exported();
    r.seed = 4;
    r.results[0]!.probeId = 'someone-else';
    const err = await open(JSON.stringify(r)).catch((e: unknown) => e as Error);
    expect((err as Error).message).toContain('- seed: seed 4 differs from options.seed 3');
    expect((err as Error).message).toContain('- results.0.probeId: no probe "someone-else" in probes');
  });

  it('run records · malformed · a record of a newer format (@3) → says a newer version wrote it, not a list of fields', async () => {
    const r = { ...exported(), format: 'bias-workbench-run@3' };
    await expect(open(JSON.stringify(r))).rejects.toThrow(
      new ProbeValidationError(
        'This run record has the format bias-workbench-run@3, written by a newer version of the workbench; this version reads bias-workbench-run@1 and bias-workbench-run@2. Open it in a newer version.',
      ),
    );
  });

  it('run records · malformed · a probe file opened as a run record → says it is not a run record', async () => {
    await expect(open(JSON.stringify({ family: 'weat', id: 'x', title: 'X' }), 'probe.json')).rejects.toThrow(
      new ProbeValidationError('This file is not a run record of the workbench (its "format" is missing; a run record has "format": "bias-workbench-run@2").'),
    );
  });

  it('run records · malformed · a record of the previous format (@1, as the last version exported it) → read with its numbers unchanged', async () => {
    const old = (JSON.parse(fixture('previous-version/history.json')) as { runs: Record<string, unknown>[] }).runs[0]!;
    expect(old.format).toBe('bias-workbench-run@1');
    const { record } = await open(JSON.stringify(old));
    expect(record.format).toBe('bias-workbench-run@2');
    const [was, now] = [(old.results as { effectSize: number; pValue: number }[])[0]!, record.results[0] as unknown as { effectSize: number; pValue: number }];
    expect(now.effectSize).toBe(was.effectSize);
    expect(now.effectSize).toBe(1.1727749527704125);
    expect(now.pValue).toBe(was.pValue);
  });

  it('run records · oversized · a 65 MB record file → refused before it is read, naming both sizes', async () => {
    const huge = new Blob(['{']);
    Object.defineProperty(huge, 'size', { value: 65_000_000 });
    Object.defineProperty(huge, 'stream', { value: () => { throw new Error('the file was read'); } });
    await expect(api.importInput('run-record', { name: 'huge.json', file: huge }, noop)).rejects.toThrow(
      new InputTooLargeError('huge.json is 65.0 MB; the limit for run record imports is 64 MB.'),
    );
  });

  it('run records · hostile · "__proto__" and "constructor" keys in a record → no object prototype changes, the record reads as data', async () => {
    const text = originalText.replace('{', '{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}},');
    const { record } = await open(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect((record as unknown as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('run records · hostile · a forged record reusing a stored run’s id → stored under a new id, the original untouched', async () => {
    const first = await storeImportedRun((await open(originalText)).record);
    expect(first.outcome).toBe('stored');
    const forged = exported();
    forged.results[0]!.effectSize = 1.99;
    const second = await storeImportedRun((await open(JSON.stringify(forged))).record);
    expect(second.outcome).toBe('stored-under-new-id');
    expect(second.stored.runId).not.toBe(original.runId);
    expect(second.stored.importedFrom?.runId).toBe(original.runId);
    expect(((await getRun(original.runId))!.results[0] as { effectSize: number }).effectSize).toBe(1.17);
    expect(((await getRun(second.stored.runId))!.results[0] as { effectSize: number }).effectSize).toBe(1.99);
  });

  it('run records · concurrent · two different records with one run id opened at once → both kept, neither overwrites the other', async () => {
    const a = exported();
    const b = exported();
    b.results[0]!.effectSize = 0.5;
    const [ra, rb] = await Promise.all([storeImportedRun((await open(JSON.stringify(a))).record), storeImportedRun((await open(JSON.stringify(b))).record)]);
    expect([ra.outcome, rb.outcome].sort()).toEqual(['stored', 'stored-under-new-id']);
    const sizes = (await listRuns()).map((r) => (r.results[0] as { effectSize: number }).effectSize).sort();
    expect(sizes).toEqual([0.5, 1.17]);
  });

  it('run records · concurrent · the same record opened twice at once → one run in the history', async () => {
    const text = originalText;
    const outcomes = await Promise.all([open(text), open(text)].map(async (p) => (await storeImportedRun((await p).record)).outcome));
    expect(outcomes.sort()).toEqual(['already-in-history', 'stored']);
    expect(await listRuns()).toHaveLength(1);
  });

  it('run records · hostile · a title and a word that start with @ and = → the exported CSVs carry them as text, never as formulas', async () => {
    const r = exported();
    r.results[0]!.title = '@SUM(A1:A9)';
    (r.results[0]!.items as { word: string }[])[0]!.word = '=HYPERLINK("http://evil.example","x")';
    const { record } = await open(JSON.stringify(r));
    const { stored } = await storeImportedRun(record);
    const csv = resultsCsv(stored);
    expect(csv.split('\n')[1]!.split(',')[2]).toBe("'@SUM(A1:A9)");
    const items = itemsCsv(stored);
    expect(items).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(items).not.toMatch(/(^|,)"?[=@+]/m);
  });
});
