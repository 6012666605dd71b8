// Where downloaded Hub model files are kept for offline use, and how to read that store. The files
// live once, in the Cache API store transformers.js writes when env.useBrowserCache is on
// ('transformers-cache'), keyed by their download URL `{host}{id}/resolve/{revision}/{file}`. The
// page lists and removes a model's files by parsing those keys (src/serviceWorker/hubCache.ts);
// the LM loader drops entries whose length disagrees with the Hub's own listing before it loads
// (src/runtime/lm/browser.ts), so a file cut short is downloaded again rather than served from
// the cache. Pure string logic, so tests can check it without a browser.

/** transformers.js `env.cacheKey`: the Cache API store holding Hub downloads. */
export const HUB_CACHE_NAME = 'transformers-cache';

/** One stored download: its URL and its length in bytes (null when the entry does not say). */
export interface CachedFile {
  url: string;
  bytes: number | null;
}

/** A Hub file's place in the store. */
export interface HubFileKey {
  host: string;
  id: string;
  revision: string;
  file: string;
}

const RESOLVE = /^(https?:\/\/[^/]+\/(?:.*?\/)??)([^/]+(?:\/[^/]+)?)\/resolve\/([^/]+)\/(.+)$/;

/** The URL transformers.js downloads (and caches) a Hub file under. */
export function hubFileUrl(host: string, id: string, revision: string, file: string): string {
  const h = host.endsWith('/') ? host : `${host}/`;
  return `${h}${id}/resolve/${encodeURIComponent(revision)}/${file}`;
}

/** Host, model id, revision and file of a cached URL; null for anything that is not a Hub file URL. */
export function parseHubFileUrl(url: string): HubFileKey | null {
  const m = RESOLVE.exec(url.split(/[?#]/)[0]!);
  if (!m) return null;
  return { host: m[1]!, id: m[2]!, revision: decodeURIComponent(m[3]!), file: m[4]! };
}

/** What is stored for one model: its files and their total size. */
export interface OfflineModel {
  id: string;
  files: number;
  bytes: number;
}

/** Stored models by id, in id order. */
export function offlineModels(entries: readonly CachedFile[]): OfflineModel[] {
  const byId = new Map<string, OfflineModel>();
  for (const e of entries) {
    const key = parseHubFileUrl(e.url);
    if (!key) continue;
    const m = byId.get(key.id) ?? { id: key.id, files: 0, bytes: 0 };
    m.files += 1;
    m.bytes += e.bytes ?? 0;
    byId.set(key.id, m);
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** URLs of every stored file of one model (any host, any revision): what "remove" deletes. */
export const entriesOfModel = (entries: readonly CachedFile[], id: string): string[] =>
  entries.filter((e) => parseHubFileUrl(e.url)?.id === id).map((e) => e.url);

/**
 * Stored files of `id` at `revision` on `host` whose length differs from the size the Hub lists for
 * them (a download cut short, a proxy's error page): these must be fetched again, not served.
 * Files the listing does not name, or entries without a length, are left alone.
 */
export function entriesToRefetch(
  entries: readonly CachedFile[],
  host: string,
  id: string,
  revision: string,
  sizes: Readonly<Record<string, number>>,
): string[] {
  const prefix = hubFileUrl(host, id, revision, '');
  return entries
    .filter((e) => {
      if (!e.url.startsWith(prefix) || e.bytes === null) return false;
      const expected = sizes[e.url.slice(prefix.length)];
      return expected !== undefined && expected !== e.bytes;
    })
    .map((e) => e.url);
}
