// Nothing loaded without consent, nothing lost: the Hub host parser, the migration that drops a host
// an older version stored from a link, opening a run record whose id is already taken, offers that
// would replace unsaved edits, and the draft storage shared by two tabs (quota, conflicts).
import 'fake-indexeddb/auto';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { getBuiltinProbe } from '../../src/probes/builtin';
import { getRun, listRuns, saveRun, setDb, WorkbenchDb } from '../../src/state/db';
import { storeImportedRun } from '../../src/state/importRun';
import { parseHubHost } from '../../src/state/hubHost';
import { toRunRecord } from '../../src/state/runRecord';
import { fakeStorage, flowersResult, weat1StoredRun } from './fixtures';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('parseHubHost', () => {
  it('normalises http(s) hosts and refuses everything else with the reason', () => {
    expect(parseHubHost('')).toEqual({ ok: true, host: 'https://huggingface.co/' });
    expect(parseHubHost(' https://huggingface.co ')).toEqual({ ok: true, host: 'https://huggingface.co/' });
    expect(parseHubHost('http://127.0.0.1:8123')).toEqual({ ok: true, host: 'http://127.0.0.1:8123/' });
    expect(parseHubHost('https://mirror.example/hf')).toEqual({ ok: true, host: 'https://mirror.example/hf/' });
    expect(parseHubHost('javascript:alert(1)')).toEqual({ ok: false, message: 'A Hub host must be an http(s) address, not javascript:.' });
    expect(parseHubHost('https://u:p@evil.example/')).toEqual({ ok: false, message: 'A Hub host must not contain a user name or password.' });
    expect(parseHubHost('evil.example')).toMatchObject({ ok: false, message: expect.stringContaining('is not a web address') });
  });
});

describe('persisted Hub host', () => {
  it('drops a non-default host stored by an older version (a link could set it), keeps the rest', async () => {
    const storage = fakeStorage();
    storage.setItem('bias-workbench:v1', JSON.stringify({ version: 1, state: { hubHost: 'http://evil.example:8080/', modelId: 'hub:some/model', options: { seed: 7 } } }));
    vi.stubGlobal('localStorage', storage);
    const { useWorkbench } = await import('../../src/state/store');
    const s = useWorkbench.getState();
    expect(s.hubHost).toBe('');
    expect(s.options.seed).toBe(7);
    // …and the stored model, a Hub model, needs a click before anything downloads.
    const { downloadConsentNow } = await import('../../src/state/downloadConsent');
    expect(downloadConsentNow('hub:some/model')).toEqual({ host: 'https://huggingface.co/', approved: false });
    expect(downloadConsentNow('glove-6b-100d')).toEqual({ host: null, approved: true });
  });
});

describe('offerDraft', () => {
  it('opens at once over a clean editor, and asks over unsaved edits', async () => {
    vi.stubGlobal('localStorage', fakeStorage());
    const { useWorkbench } = await import('../../src/state/store');
    const { draftFromProbe } = await import('../../src/state/draft');
    const offer = (id: 'caliskan-weat-1' | 'caliskan-weat-2') => {
      const probe = getBuiltinProbe(id);
      return { editor: 'association' as const, draft: draftFromProbe(probe, { kind: 'share' as const, id }), title: probe.title, from: 'a share link', notice: null };
    };
    useWorkbench.getState().offerDraft(offer('caliskan-weat-1'));
    expect(useWorkbench.getState().draft.id).toBe('caliskan-weat-1');
    useWorkbench.getState().setWords('X', 'my\nown\nwords');
    useWorkbench.getState().offerDraft(offer('caliskan-weat-2'));
    expect(useWorkbench.getState().draft.words.X).toBe('my\nown\nwords');
    expect(useWorkbench.getState().pendingOffer?.title).toBe(getBuiltinProbe('caliskan-weat-2').title);
    useWorkbench.getState().resolveOffer(false);
    expect(useWorkbench.getState().draft.words.X).toBe('my\nown\nwords');
    useWorkbench.getState().offerDraft(offer('caliskan-weat-2'));
    useWorkbench.getState().resolveOffer(true);
    expect(useWorkbench.getState().draft.id).toBe('caliskan-weat-2');
    expect(useWorkbench.getState().draftDirty).toBe(false);
  });
});

describe('opening a run record', () => {
  const name = `test-import-${Math.random()}`;
  setDb(new WorkbenchDb(name));
  afterAll(() => setDb(null));
  const original = weat1StoredRun('2026-12-01T10:00:01Z');
  const at = () => new Date('2026-12-04T12:00:00Z');
  let r = 0;
  const random = () => [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8][r++ % 8]!;

  it('never overwrites a stored run: a forged record with a taken id is kept under a new id, marked imported', async () => {
    await saveRun(original);
    const forged = { ...toRunRecord(original), results: [flowersResult({ effectSize: 9.99 as never })] };
    const { stored, outcome } = await storeImportedRun(forged, at, random);
    expect(outcome).toBe('stored-under-new-id');
    // floor(36·u) for u = 0.1…0.8: 3, 7, 10, 14, 18, 21, 25, 28 → "37aeilps".
    expect(stored.runId).toBe('run-20261204T120000Z-37aeilps');
    expect(stored.importedFrom).toEqual({ runId: original.runId, at: '2026-12-04T12:00:00.000Z' });
    expect(((await getRun(original.runId))!.results[0] as { effectSize: number }).effectSize).toBe(1.17);
    expect(((await getRun(stored.runId))!.results[0] as { effectSize: number }).effectSize).toBe(9.99);
    expect(await getRun(original.runId)).toEqual(original);
  });
  it('the same record again is the same run: opened, not stored twice', async () => {
    const before = (await listRuns()).length;
    const { stored, outcome } = await storeImportedRun(toRunRecord(original), at, random);
    expect(outcome).toBe('already-in-history');
    expect(stored.runId).toBe(original.runId);
    expect((await listRuns()).length).toBe(before);
  });
  it('a record not in the history keeps its id and is marked imported', async () => {
    const other = { ...toRunRecord(original), runId: 'run-20261130T080000Z-abcdefgh' };
    const { stored, outcome } = await storeImportedRun(other, at, random);
    expect(outcome).toBe('stored');
    expect(stored).toMatchObject({ runId: 'run-20261130T080000Z-abcdefgh', importedFrom: { runId: 'run-20261130T080000Z-abcdefgh' }, title: original.probes[0]!.title });
  });
});

describe('draft storage shared by tabs', () => {
  it('a write over the quota is reported with its size, not thrown, and clears once a write fits', async () => {
    const storage = fakeStorage();
    let full = false;
    vi.stubGlobal('localStorage', {
      ...storage,
      setItem: (k: string, v: string) => {
        if (full && k !== '__bias-workbench-probe__') throw Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
        storage.setItem(k, v);
      },
    });
    const { useWorkbench } = await import('../../src/state/store');
    const { useDraftSync } = await import('../../src/state/draftSync');
    useWorkbench.getState().setWords('X', 'rose');
    full = true;
    expect(() => useWorkbench.getState().setWords('X', 'word\n'.repeat(10_000))).not.toThrow();
    expect(useDraftSync.getState().quota?.chars).toBeGreaterThan(50_000);
    expect(JSON.parse(storage.raw.get('bias-workbench:v1')!).state.draft.words.X).toBe('rose');
    full = false;
    useWorkbench.getState().setWords('X', 'tulip');
    expect(useDraftSync.getState().quota).toBeNull();
  });

  it('decides per storage event: in step → take the other tab’s draft; own unsaved edits → ask', async () => {
    const { storageEventAction } = await import('../../src/state/draftSync');
    expect(storageEventAction({ a: 1 }, { a: 1 }, { a: 2 }, true)).toBe('adopt');
    expect(storageEventAction({ a: 3 }, { a: 1 }, { a: 2 }, true)).toBe('conflict');
    expect(storageEventAction({ a: 2 }, { a: 1 }, { a: 2 }, true)).toBe('same');
    expect(storageEventAction({ a: 3 }, null, { a: 2 }, false)).toBe('adopt');
    expect(storageEventAction({ a: 3 }, null, { a: 2 }, true)).toBe('conflict');
  });

  it('a change outside the persisted state (progress) writes nothing, so it cannot race another tab’s edit', async () => {
    const storage = fakeStorage();
    vi.stubGlobal('localStorage', storage);
    const { useWorkbench, PERSIST_KEY } = await import('../../src/state/store');
    useWorkbench.getState().setWords('X', 'mine');
    // Another tab's write lands; this tab then only reports progress.
    storage.setItem(PERSIST_KEY, storage.raw.get(PERSIST_KEY)!.replace('"mine"', '"theirs"'));
    useWorkbench.getState().setRunProgress({ stage: 'embedding', unit: 'words', count: 4 });
    useWorkbench.getState().setRunProgress(null);
    expect(JSON.parse(storage.raw.get(PERSIST_KEY)!).state.draft.words.X).toBe('theirs');
  });

  it('a write that races the other tab’s event keeps the other tab’s draft, and the event then brings it in', async () => {
    const storage = fakeStorage();
    vi.stubGlobal('localStorage', storage);
    const { useWorkbench, draftSyncStore, PERSIST_KEY } = await import('../../src/state/store');
    const { startDraftSync, useDraftSync } = await import('../../src/state/draftSync');
    const listeners: ((e: StorageEvent) => void)[] = [];
    startDraftSync(PERSIST_KEY, draftSyncStore, { addEventListener: (_t: string, f: unknown) => void listeners.push(f as never), removeEventListener: () => undefined } as never);
    useWorkbench.getState().setWords('X', 'shared');
    // The other tab writes; its event has not arrived when this tab writes something else.
    const before = storage.raw.get(PERSIST_KEY)!;
    const after = before.replace('"shared"', '"from the other tab"');
    storage.setItem(PERSIST_KEY, after);
    useWorkbench.getState().setOption('seed', 5);
    expect(JSON.parse(storage.raw.get(PERSIST_KEY)!).state.draft.words.X).toBe('from the other tab');
    expect(JSON.parse(storage.raw.get(PERSIST_KEY)!).state.options.seed).toBe(5);
    expect(useDraftSync.getState().conflicts).toEqual({});
    listeners[0]!({ key: PERSIST_KEY, oldValue: before, newValue: after } as StorageEvent);
    expect(useWorkbench.getState().draft.words.X).toBe('from the other tab');
    expect(useDraftSync.getState().conflicts).toEqual({});
  });

  it('in conflict, this tab stops writing that draft (the other tab’s stays stored) until the user chooses', async () => {
    const storage = fakeStorage();
    vi.stubGlobal('localStorage', storage);
    const { useWorkbench, draftSyncStore, PERSIST_KEY } = await import('../../src/state/store');
    const { startDraftSync, useDraftSync, resolveDraftConflict } = await import('../../src/state/draftSync');
    const listeners: ((e: StorageEvent) => void)[] = [];
    startDraftSync(PERSIST_KEY, draftSyncStore, { addEventListener: (_t: string, f: unknown) => void listeners.push(f as never), removeEventListener: () => undefined } as never);
    const other = (x: string) => {
      const before = storage.raw.get(PERSIST_KEY) ?? null;
      const state = JSON.parse(before!);
      state.state.draft = { ...state.state.draft, words: { ...state.state.draft.words, X: x } };
      const after = JSON.stringify(state);
      storage.setItem(PERSIST_KEY, after);
      listeners.filter((_, i) => i === 0).forEach((f) => f({ key: PERSIST_KEY, oldValue: before, newValue: after } as StorageEvent));
    };
    useWorkbench.getState().setWords('X', 'shared');
    other('from the other tab'); // this tab was in step: takes it
    expect(useWorkbench.getState().draft.words.X).toBe('from the other tab');
    // This tab types, but (as after a lost event) storage moved on meanwhile: a conflict.
    useWorkbench.getState().setWords('X', 'mine');
    storage.setItem(PERSIST_KEY, storage.raw.get(PERSIST_KEY)!.replace('"mine"', '"theirs 1"'));
    other('theirs 2');
    expect(useDraftSync.getState().conflicts.association).toBeTruthy();
    useWorkbench.getState().setWords('X', 'mine, more');
    useWorkbench.getState().setOption('seed', 99);
    const stored = JSON.parse(storage.raw.get(PERSIST_KEY)!).state;
    expect(stored.draft.words.X).toBe('theirs 2');
    expect(stored.options.seed).toBe(99);
    expect(useWorkbench.getState().draft.words.X).toBe('mine, more');
    resolveDraftConflict('association', 'mine', draftSyncStore);
    expect(JSON.parse(storage.raw.get(PERSIST_KEY)!).state.draft.words.X).toBe('mine, more');
    expect(useDraftSync.getState().conflicts).toEqual({});
  });
});

describe('draft storage shared by tabs, a frozen tab', () => {
  it('a tab that missed the other’s edit, wrote something else, then typed: keeping its draft stores its draft', async () => {
    const storage = fakeStorage();
    vi.stubGlobal('localStorage', storage);
    const { useWorkbench, draftSyncStore, PERSIST_KEY } = await import('../../src/state/store');
    const { startDraftSync, useDraftSync, resolveDraftConflict } = await import('../../src/state/draftSync');
    startDraftSync(PERSIST_KEY, draftSyncStore, { addEventListener: () => undefined, removeEventListener: () => undefined } as never);
    useWorkbench.getState().setWords('X', 'shared');
    // The other tab writes; this (frozen) tab never hears of it.
    storage.setItem(PERSIST_KEY, storage.raw.get(PERSIST_KEY)!.replace('"shared"', '"written in the other tab"'));
    // This tab writes something else: the other tab's draft stays stored while this one waits.
    useWorkbench.getState().setOption('seed', 7);
    expect(JSON.parse(storage.raw.get(PERSIST_KEY)!).state.draft.words.X).toBe('written in the other tab');
    expect(useDraftSync.getState().conflicts).toEqual({});
    // Then the user here types: a conflict, and storage still holds the other tab's words.
    useWorkbench.getState().setWords('X', 'written here');
    expect(useDraftSync.getState().conflicts.association?.draft).toMatchObject({ words: { X: 'written in the other tab' } });
    expect(JSON.parse(storage.raw.get(PERSIST_KEY)!).state.draft.words.X).toBe('written in the other tab');
    // The answer "keep this tab's draft" stores this tab's words, not the other's again.
    resolveDraftConflict('association', 'mine', draftSyncStore);
    expect(JSON.parse(storage.raw.get(PERSIST_KEY)!).state.draft.words.X).toBe('written here');
    useWorkbench.getState().setOption('seed', 8);
    expect(JSON.parse(storage.raw.get(PERSIST_KEY)!).state.draft.words.X).toBe('written here');
  });
});

describe('saving to My probes', () => {
  it('never replaces another saved probe with the same id; the draft opened from it may', async () => {
    vi.stubGlobal('localStorage', fakeStorage());
    const db = await import('../../src/state/db');
    db.setDb(new db.WorkbenchDb(`test-save-${Math.random()}`));
    const { useWorkbench } = await import('../../src/state/store');
    const { saveEditorProbe } = await import('../../src/state/queries');
    const { draftFromProbe } = await import('../../src/state/draft');
    const mine = { ...getBuiltinProbe('caliskan-weat-1'), id: 'my-flowers', title: 'My flowers' };
    useWorkbench.getState().loadDraft(draftFromProbe(mine, { kind: 'new', id: '' }));
    await saveEditorProbe(mine);
    expect(useWorkbench.getState().draft.origin).toEqual({ kind: 'user', id: 'my-flowers' });
    // Another probe (an import, a share link) that happens to carry the same id.
    const other = { ...getBuiltinProbe('caliskan-weat-2'), id: 'my-flowers' };
    useWorkbench.getState().loadDraft(draftFromProbe(other, { kind: 'import', id: 'my-flowers' }));
    await expect(saveEditorProbe(other)).rejects.toThrow('A saved probe already has the id “my-flowers” (“My flowers”). Change the id to keep both, or open that probe from My probes to edit it.');
    expect((await db.getProbe('my-flowers'))?.probe.title).toBe('My flowers');
    // Opened from My probes, edited, saved: that replaces it.
    useWorkbench.getState().loadDraft(draftFromProbe(mine, { kind: 'user', id: 'my-flowers' }));
    await saveEditorProbe({ ...mine, title: 'My flowers, edited' });
    expect((await db.getProbe('my-flowers'))?.probe.title).toBe('My flowers, edited');
    db.setDb(null);
  });
});
