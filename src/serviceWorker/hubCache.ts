// The page's view of the Hub files transformers.js stored for offline use (one copy, in its own
// Cache API store; ../core/hubCacheKeys.ts reads the keys): which models are there, and removing
// one model's files. Lives beside the service worker because both are "what works offline", and
// because the page reaches the Cache API directly, without waking the model worker.
import { entriesOfModel, HUB_CACHE_NAME, offlineModels, type CachedFile, type OfflineModel } from '../core/hubCacheKeys';

async function storedFiles(): Promise<{ cache: Cache; entries: CachedFile[] } | null> {
  if (typeof caches === 'undefined' || !(await caches.has(HUB_CACHE_NAME))) return null;
  const cache = await caches.open(HUB_CACHE_NAME);
  const entries = await Promise.all(
    (await cache.keys()).map(async (req) => {
      const length = (await cache.match(req))?.headers.get('content-length');
      return { url: req.url, bytes: length ? Number(length) : null };
    }),
  );
  return { cache, entries };
}

/** Hub models with stored files, by id. */
export async function listOfflineModels(): Promise<Record<string, OfflineModel>> {
  const stored = await storedFiles();
  return Object.fromEntries(offlineModels(stored?.entries ?? []).map((m) => [m.id, m]));
}

/** Deletes every stored file of one model (any host, any revision). */
export async function removeOfflineModel(id: string): Promise<void> {
  const stored = await storedFiles();
  if (stored) await Promise.all(entriesOfModel(stored.entries, id).map((url) => stored.cache.delete(url)));
}
