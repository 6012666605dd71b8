/// <reference lib="webworker" />
// The app's one service worker, with two jobs:
//  1. Cross-origin isolation where the host sends no COOP/COEP (GitHub Pages, a plain file server):
//     every same-origin response it serves gets the headers (isolationHeaders.ts); the page reloads
//     once after the first install to pick them up (registration.ts says so on screen).
//  2. Offline: Workbox precaches the whole build (precacheRules.ts: shell, lazy chunks, workers, ORT
//     wasm, embedded models) and serves it cache-first; anything else of the origin goes to the
//     network. Hub model files are NOT cached here: transformers.js keeps them in its own Cache API
//     store (hubCache.ts), so each file exists once.
// Updates install in the background and wait; the page offers "reload to update" and sends
// SKIP_WAITING. The app's model fetches send HEAD before GET (runtime/net/lazyBodyFetch.ts), so HEAD
// is answered from the precache too, or a reload with no network could not load a model.
// Cross-origin requests (the Hub) are not intercepted: the browser handles them as without a worker.
import { addPlugins, cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { NetworkOnly } from 'workbox-strategies';
import type { WorkboxPlugin } from 'workbox-core';
import { withIsolationHeaders } from './isolationHeaders';
import { SKIP_WAITING } from './messages';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> };

const isolate: WorkboxPlugin = { handlerWillRespond: async ({ response }) => withIsolationHeaders(response) };
const sameOrigin = (url: URL) => url.origin === self.location.origin;

addPlugins([isolate]);
precacheAndRoute(self.__WB_MANIFEST, { ignoreURLParametersMatching: [/.*/], directoryIndex: 'index.html', cleanURLs: false });
cleanupOutdatedCaches();

registerRoute(
  ({ url }) => sameOrigin(url),
  async ({ request }) => {
    const cached = await matchPrecache(request.url);
    if (cached) return withIsolationHeaders(new Response(null, { status: cached.status, statusText: cached.statusText, headers: cached.headers }));
    return withIsolationHeaders(await fetch(request));
  },
  'HEAD',
);
registerRoute(({ url }) => sameOrigin(url), new NetworkOnly({ plugins: [isolate] }), 'GET');

self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === SKIP_WAITING) void self.skipWaiting();
});
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
