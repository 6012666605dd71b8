// History in IndexedDB (fake-indexeddb in Node): runs and probes survive a new connection, list
// newest first, and exported files carry the run's metadata with CSV formula injection neutralised.
import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import { getBuiltinProbe } from '../../src/probes/builtin';
import { parseRunRecord } from '../../src/probes/runRecordSchema';
import { getRun, listProbes, listRuns, saveProbe, saveRun, setDb, WorkbenchDb } from '../../src/state/db';
import { itemsCsv, resultsCsv, runRecordJson } from '../../src/state/exports';
import { weat1StoredRun } from './fixtures';

const run = weat1StoredRun;

describe('history database', () => {
  const name = `test-${Math.random()}`;
  setDb(new WorkbenchDb(name));
  afterAll(() => setDb(null));

  it('stores runs and lists them newest first, across connections', async () => {
    const a = run('2026-11-22T10:00:00Z');
    const b = run('2026-11-22T11:00:00Z');
    await saveRun(a);
    await saveRun(b);
    setDb(new WorkbenchDb(name)); // a "reload"
    expect((await listRuns()).map((r) => r.runId)).toEqual([b.runId, a.runId]);
    const back = await getRun(a.runId);
    expect((back?.results[0] as { effectSize?: number } | undefined)?.effectSize).toBe(1.17);
    expect(back?.seed).toBe(3);
  });

  it('stores probes by id (saving again replaces)', async () => {
    const p = { ...getBuiltinProbe('caliskan-weat-2'), id: 'mine' };
    await saveProbe(p);
    await saveProbe({ ...p, title: 'Renamed' });
    const list = await listProbes();
    expect(list).toHaveLength(1);
    expect(list[0]?.probe.title).toBe('Renamed');
  });
});

describe('exports', () => {
  const r = run('2026-11-22T12:00:00Z');
  it('JSON run record is the core format and validates', () => {
    const json = JSON.parse(runRecordJson(r));
    expect(json.probeId).toBeUndefined(); // display fields stripped
    const parsed = parseRunRecord(json);
    expect(parsed.model.assetSha256).toBe('a'.repeat(64));
    expect(parsed.app.name).toBe('bias-probe-workbench');
    expect(parsed.seed).toBe(3);
  });
  it('CSV rows carry run id, model and seed; formula-like words are neutralised', () => {
    const csv = resultsCsv(r).trim().split('\n');
    expect(csv[0]).toMatch(/^run_id,probe_id,title,kind,model_id,seed/);
    expect(csv[1]).toContain(`${r.runId},caliskan-weat-1`);
    expect(csv[1]).toContain(',glove-6b-100d,3,');
    const items = itemsCsv(r);
    expect(items).toContain(`"'=HYPERLINK(""x"")"`);
    expect(items).not.toMatch(/,=HYPERLINK/);
  });
});
