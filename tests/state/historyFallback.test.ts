// The history store when IndexedDB fails: opening refused (SecurityError, as in private modes and
// managed browsers), missing altogether, or never answering; and a write refused for lack of space
// (QuotaExceededError thrown by IDBObjectStore.put, as a full disk does). In every case a run is
// kept in memory, can be read and listed, the status says where history is, and nothing rejects.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getBuiltinProbe } from '../../src/probes/builtin';
import { deleteRun, getRun, listProbes, listRuns, saveProbe, saveRun, setDb, WorkbenchDb } from '../../src/state/db';
import { historyStatusNow } from '../../src/state/historyStatus';
import { weat1StoredRun } from './fixtures';

const run = weat1StoredRun;

/** A Dexie database over an IndexedDB factory whose open() does what `open` says. */
const dbOver = (open: () => unknown) => new WorkbenchDb(`broken-${Math.random()}`, { indexedDB: { open, deleteDatabase: open, cmp: indexedDB.cmp.bind(indexedDB) } as unknown as IDBFactory, IDBKeyRange });

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

afterEach(() => {
  vi.restoreAllMocks();
  setDb(null);
});

describe('history when IndexedDB cannot be opened', () => {
  it('open throws SecurityError: runs are kept, read and listed in memory; status memory-only', async () => {
    setDb(
      dbOver(() => {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      }),
    );
    const a = run('2026-11-22T10:00:00Z');
    const b = run('2026-11-22T11:00:00Z');
    await expect(saveRun(a)).resolves.toBe(a.runId);
    await saveRun(b);
    expect((await listRuns()).map((r) => r.runId)).toEqual([b.runId, a.runId]);
    expect((await getRun(a.runId))?.seed).toBe(3);
    const status = historyStatusNow();
    expect(status.kind).toBe('memory-only');
    expect(status.kind === 'memory-only' && status.reason).toMatch(/refused access to IndexedDB/);
    await deleteRun(a.runId);
    expect((await listRuns()).map((r) => r.runId)).toEqual([b.runId]);
  });

  it('no IndexedDB at all (MissingAPIError): saved probes live in memory too', async () => {
    // As when window.indexedDB is undefined: Dexie's dependency is then missing.
    setDb(new WorkbenchDb(`none-${Math.random()}`, { indexedDB: undefined as unknown as IDBFactory, IDBKeyRange }));
    await saveProbe({ ...getBuiltinProbe('caliskan-weat-2'), id: 'mine' });
    expect((await listProbes()).map((p) => p.id)).toEqual(['mine']);
    const status = historyStatusNow();
    expect(status.kind === 'memory-only' && status.reason).toMatch(/offers no IndexedDB/);
  });

  it('open never answers: after the timeout history is memory-only and the run is kept', async () => {
    setDb(dbOver(() => ({})), { openTimeoutMs: 50 });
    const a = run('2026-11-22T10:00:00Z');
    await saveRun(a);
    expect((await getRun(a.runId))?.runId).toBe(a.runId);
    const status = historyStatusNow();
    expect(status.kind === 'memory-only' && status.reason).toMatch(/did not answer/);
  });
});

describe('history when storage is full', () => {
  it('put throws QuotaExceededError: the run is kept in memory, listed with the stored ones, status full; freeing space moves it to disk', async () => {
    const name = `full-${Math.random()}`;
    setDb(new WorkbenchDb(name));
    const old = run('2026-11-22T09:00:00Z');
    await saveRun(old);
    expect(historyStatusNow().kind).toBe('ok');

    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw quota();
    });
    const fresh = run('2026-11-22T10:00:00Z');
    await expect(saveRun(fresh)).resolves.toBe(fresh.runId);
    expect(put).toHaveBeenCalled();
    expect(historyStatusNow()).toEqual({ kind: 'full', runsInMemory: 1, probesInMemory: 0 });
    expect((await getRun(fresh.runId))?.runId).toBe(fresh.runId);
    expect((await listRuns()).map((r) => r.runId)).toEqual([fresh.runId, old.runId]);

    // The user deletes an old run; space is back, so the kept run goes to disk.
    put.mockRestore();
    await deleteRun(old.runId);
    expect(historyStatusNow().kind).toBe('ok');
    setDb(new WorkbenchDb(name)); // a "reload"
    expect((await listRuns()).map((r) => r.runId)).toEqual([fresh.runId]);
  });

  it('a quota error wrapped by Dexie (AbortError with inner QuotaExceededError) reads as full too', async () => {
    setDb(new WorkbenchDb(`full-${Math.random()}`));
    await listRuns();
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: quota() });
    });
    await saveRun(run('2026-11-22T10:00:00Z'));
    expect(historyStatusNow().kind).toBe('full');
  });
});
