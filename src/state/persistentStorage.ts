// The StorageManager API (navigator.storage), feature-detected at every call: it is missing in
// older browsers, in insecure contexts and in some embedded views, and each method may be absent
// on its own. Persistence is asked for once per tab and only after a run was written to disk, so
// a browser that prompts (Firefox) asks when the user has something worth keeping, not on load.

export interface StorageUsage {
  /** Bytes this site uses, or null when the browser does not say. */
  usage: number | null;
  /** Bytes this site may use, or null when the browser does not say. */
  quota: number | null;
  /** true: the browser will not clear this site's data when space is low; null: unknown. */
  persisted: boolean | null;
}

type Manager = Partial<Pick<StorageManager, 'estimate' | 'persist' | 'persisted'>>;

const manager = (): Manager | null =>
  typeof navigator !== 'undefined' && navigator.storage && typeof navigator.storage === 'object' ? (navigator.storage as Manager) : null;

/** What the browser reports about this site's storage; null when it reports nothing at all. */
export async function readStorageUsage(): Promise<StorageUsage | null> {
  const m = manager();
  if (!m || (typeof m.estimate !== 'function' && typeof m.persisted !== 'function')) return null;
  const estimate = typeof m.estimate === 'function' ? await m.estimate().catch(() => null) : null;
  const persisted = typeof m.persisted === 'function' ? await m.persisted().catch(() => null) : null;
  return {
    usage: typeof estimate?.usage === 'number' ? estimate.usage : null,
    quota: typeof estimate?.quota === 'number' ? estimate.quota : null,
    persisted,
  };
}

let asked: Promise<boolean | null> | null = null;

/** Ask the browser once (per tab) to keep this site's data; resolves to the answer, null if it cannot be asked. */
export function requestPersistenceOnce(): Promise<boolean | null> {
  return (asked ??= (async () => {
    const m = manager();
    if (!m || typeof m.persist !== 'function') return null;
    if (typeof m.persisted === 'function' && (await m.persisted().catch(() => false))) return true;
    return m.persist().catch(() => null);
  })());
}
