// Keeping an opened run record (a file exported here or by the CLI) in the history. A record is
// never written over a stored run: one with the same runId and the same content is the same run
// (it is opened, not stored twice); one that differs — edited, or forged — is stored under a new id.
// Either way the history marks it as imported with the id it came with, since its numbers were not
// computed in this browser. Imports are kept one at a time: two opened at once (several files
// chosen together) would otherwise both find no stored run under their id and the second write
// would replace the first.
import { makeRunId, type RunRecord, type RunResult } from '../core/runRecord';
import type { AnyProbe } from '../probes/lmSchema';
import { getRun, saveRun } from './db';
import { toRunRecord, type ImportedFrom, type StoredRun } from './runRecord';

export type ImportOutcome = 'stored' | 'stored-under-new-id' | 'already-in-history';

export interface ImportedRun {
  stored: StoredRun;
  outcome: ImportOutcome;
}

/** Deterministic JSON (sorted keys), so two records compare by content, not by key order. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x,
  );

/** The import being kept now; the next waits for it. */
let queue: Promise<unknown> = Promise.resolve();

export function storeImportedRun(
  record: RunRecord<AnyProbe, RunResult>,
  now: () => Date = () => new Date(),
  random: () => number = Math.random,
): Promise<ImportedRun> {
  const next = queue.then(() => storeNow(record, now, random));
  queue = next.catch(() => undefined);
  return next;
}

async function storeNow(record: RunRecord<AnyProbe, RunResult>, now: () => Date, random: () => number): Promise<ImportedRun> {
  const existing = await getRun(record.runId);
  if (existing && canonical(toRunRecord(existing)) === canonical(record)) return { stored: existing, outcome: 'already-in-history' };
  const at = now();
  const importedFrom: ImportedFrom = { runId: record.runId, at: at.toISOString() };
  let runId = record.runId;
  if (existing) {
    do runId = makeRunId(at, random);
    while (await getRun(runId));
  }
  const display = {
    probeId: record.probes.length === 1 ? record.probes[0]!.id : `${record.probes.length} probes`,
    title: record.probes.length === 1 ? record.probes[0]!.title : `${record.probes.length} tests (imported)`,
    importedFrom,
  };
  const stored: StoredRun = { ...record, runId, ...display };
  await saveRun(stored);
  return { stored, outcome: existing ? 'stored-under-new-id' : 'stored' };
}
