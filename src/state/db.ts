// Run history and saved probes: IndexedDB through Dexie when the browser allows it, this tab's
// memory when it does not. A run is written the moment it finishes, so closing the tab afterwards
// loses nothing; a run in flight is not stored (it can be re-run from the same seed).
//
// Storage must never cost the user a run. IndexedDB is opened once (memoised, with a timeout: some
// private modes neither open nor fail); if that fails every table lives in memory for this tab. A
// write that fails later (storage full, or refused) keeps the record in a memory overlay instead,
// and reads merge the overlay over what is on disk. Every outcome is published in historyStatus.ts
// and none of these functions rejects because storage failed. Tables are keyed by id;
// `finishedAt`/`savedAt` order newest-first lists.
import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { AnyProbe } from '../probes/lmSchema';
import { HistoryOpenTimeoutError } from './errors';
import { historyStatusNow, setHistoryStatus } from './historyStatus';
import type { IatClassEntry } from './iatClassIntake';
import type { StoredRun } from './runRecord';
import { isQuotaExceeded, unavailableReason, writeFailureReason } from './storageFailure';

export interface SavedProbe {
  id: string;
  probe: AnyProbe;
  savedAt: string;
}

export class WorkbenchDb extends Dexie {
  runs!: Table<StoredRun, string>;
  probes!: Table<SavedProbe, string>;
  /** The human IAT results an instructor has collected for the class view. */
  iatClass!: Table<IatClassEntry, string>;
  /** `options` lets tests hand in a broken or fake IndexedDB (`{ indexedDB, IDBKeyRange }`). */
  constructor(name = 'bias-workbench', options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({ runs: 'runId, finishedAt, probeId', probes: 'id, savedAt' });
    this.version(2).stores({ iatClass: 'id, savedAt' });
  }
}

/** How long opening IndexedDB may take before the history falls back to memory. */
const DEFAULT_OPEN_TIMEOUT_MS = 8000;

let instance: WorkbenchDb | null = null;
let openTimeoutMs = DEFAULT_OPEN_TIMEOUT_MS;
/** The open attempt, memoised: resolves to the open database, or null when history is memory-only. */
let opening: Promise<WorkbenchDb | null> | null = null;
/** Records that are not on disk: all of them when memory-only, the failed writes otherwise. */
const memoryRuns = new Map<string, StoredRun>();
const memoryProbes = new Map<string, SavedProbe>();
const memoryIatClass = new Map<string, IatClassEntry>();

/** The Dexie instance (not necessarily open; use the functions below, which fall back to memory). */
export const db = (): WorkbenchDb => (instance ??= new WorkbenchDb());

/** For tests: use a separate database (e.g. on fake-indexeddb), forget what memory held, and open afresh. */
export const setDb = (d: WorkbenchDb | null, options: { openTimeoutMs?: number } = {}) => {
  instance = d;
  opening = null;
  openTimeoutMs = options.openTimeoutMs ?? DEFAULT_OPEN_TIMEOUT_MS;
  memoryRuns.clear();
  memoryProbes.clear();
  memoryIatClass.clear();
  setHistoryStatus({ kind: 'opening' });
};

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new HistoryOpenTimeoutError(`IndexedDB did not open within ${ms / 1000} s.`)), ms);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e: unknown) => (clearTimeout(t), reject(e)),
    );
  });
}

async function openOrFallBack(): Promise<WorkbenchDb | null> {
  let opened: Promise<Dexie> | null = null;
  try {
    const d = db();
    opened = d.open();
    await withTimeout(opened, openTimeoutMs);
    if (historyStatusNow().kind === 'opening') setHistoryStatus({ kind: 'ok' });
    return d;
  } catch (e) {
    // An open that succeeds after the timeout is closed again: this tab has settled on memory.
    if (e instanceof HistoryOpenTimeoutError) opened?.then((late) => late.close(), () => undefined);
    setHistoryStatus({ kind: 'memory-only', reason: unavailableReason(e) });
    return null;
  }
}

/** Open IndexedDB once; null means the history is memory-only. Never rejects. */
export const openHistory = (): Promise<WorkbenchDb | null> => (opening ??= openOrFallBack());

/** A write to disk failed: say so, unless history is already memory-only (that reason stands). */
function noteWriteFailure(e: unknown) {
  const now = historyStatusNow();
  if (now.kind === 'memory-only') return;
  if (isQuotaExceeded(e)) setHistoryStatus({ kind: 'full', runsInMemory: memoryRuns.size, probesInMemory: memoryProbes.size });
  else setHistoryStatus({ kind: 'memory-only', reason: writeFailureReason(e) });
}

/** After space was freed: move what memory holds to disk; history is 'ok' again once nothing is left. */
async function flushToDisk(d: WorkbenchDb) {
  if (historyStatusNow().kind !== 'full') return;
  try {
    for (const [id, r] of memoryRuns) {
      await d.runs.put(r);
      memoryRuns.delete(id);
    }
    for (const [id, p] of memoryProbes) {
      await d.probes.put(p);
      memoryProbes.delete(id);
    }
    for (const [id, e] of memoryIatClass) {
      await d.iatClass.put(e);
      memoryIatClass.delete(id);
    }
    setHistoryStatus({ kind: 'ok' });
  } catch (e) {
    noteWriteFailure(e);
  }
}

/** One table: disk when it works, the memory map for what disk would not take. */
interface Keyed<T> {
  map: Map<string, T>;
  table: (d: WorkbenchDb) => Table<T, string>;
  key: (t: T) => string;
  order: 'finishedAt' | 'savedAt';
}

async function put<T>(k: Keyed<T>, value: T): Promise<string> {
  const id = k.key(value);
  const d = await openHistory();
  if (!d) {
    k.map.set(id, value);
    return id;
  }
  try {
    await k.table(d).put(value);
    k.map.delete(id);
    await flushToDisk(d);
  } catch (e) {
    k.map.set(id, value);
    noteWriteFailure(e);
  }
  return id;
}

async function get<T>(k: Keyed<T>, id: string): Promise<T | undefined> {
  const kept = k.map.get(id);
  if (kept) return kept;
  const d = await openHistory();
  if (!d) return undefined;
  try {
    return await k.table(d).get(id);
  } catch {
    return undefined;
  }
}

async function list<T>(k: Keyed<T>): Promise<T[]> {
  const d = await openHistory();
  let stored: T[] = [];
  if (d) {
    try {
      stored = await k.table(d).orderBy(k.order).reverse().toArray();
    } catch {
      stored = [];
    }
  }
  if (k.map.size === 0) return stored;
  const merged = new Map(stored.map((t) => [k.key(t), t]));
  for (const [id, t] of k.map) merged.set(id, t);
  const at = (t: T) => String((t as Record<string, unknown>)[k.order] ?? '');
  return [...merged.values()].sort((a, b) => (at(a) < at(b) ? 1 : at(a) > at(b) ? -1 : 0));
}

async function remove<T>(k: Keyed<T>, id: string): Promise<void> {
  k.map.delete(id);
  const d = await openHistory();
  if (!d) return;
  await k.table(d).delete(id);
  await flushToDisk(d);
  if (historyStatusNow().kind === 'full') setHistoryStatus({ kind: 'full', runsInMemory: memoryRuns.size, probesInMemory: memoryProbes.size });
}

const runs: Keyed<StoredRun> = { map: memoryRuns, table: (d) => d.runs, key: (r) => r.runId, order: 'finishedAt' };
const probes: Keyed<SavedProbe> = { map: memoryProbes, table: (d) => d.probes, key: (p) => p.id, order: 'savedAt' };

/** Keep a finished run: on disk when possible, else in this tab's memory. Never rejects. */
export const saveRun = (r: StoredRun) => put(runs, r);
export const getRun = (id: string) => get(runs, id);
/** Every kept run, newest first (disk and memory together). */
export const listRuns = () => list(runs);
export const deleteRun = (id: string) => remove(runs, id);

export const saveProbe = (probe: AnyProbe) => put(probes, { id: probe.id, probe, savedAt: new Date().toISOString() });
export const getProbe = (id: string) => get(probes, id);
export const listProbes = () => list(probes);
export const deleteProbe = (id: string) => remove(probes, id);

const iatClass: Keyed<IatClassEntry> = { map: memoryIatClass, table: (d) => d.iatClass, key: (e) => e.id, order: 'savedAt' };
export const saveIatClassEntry = (e: IatClassEntry) => put(iatClass, e);
/** The collected class, newest first. */
export const listIatClassEntries = () => list(iatClass);
export const deleteIatClassEntry = (id: string) => remove(iatClass, id);
