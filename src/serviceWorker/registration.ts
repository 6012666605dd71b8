// The page's side of the service worker (sw.ts): registers it, and tells the page what the user
// should know about it, as a small external store the UI subscribes to:
//  - 'isolating': the worker has just taken control but this page was loaded without COOP/COEP, so
//    it is not cross-origin isolated and ONNX Runtime runs one WASM thread. One reload fixes that; it
//    happens after a short notice the user can cancel (the logic of coi-serviceworker by Guido
//    Zuidhof, MIT, with its reload made visible). A session flag stops a reload loop where the
//    browser cannot isolate even with the headers.
//  - 'update': a new build has installed in the background and waits; `applyUpdate` activates it and
//    reloads once it controls the page.
//  - 'offline': the whole app (shell, chunks, ORT wasm, embedded models) is stored for offline use.
// Only production builds register (the dev server has no built worker to serve). A page that is
// already isolated registers when the caller says (startServiceWorker's `registerWhen`).
import { SKIP_WAITING } from './messages';

export type ServiceWorkerState =
  | { kind: 'none' }
  | { kind: 'installing' }
  | { kind: 'offline' }
  | { kind: 'isolating'; secondsLeft: number }
  | { kind: 'update' };

/** Seconds the "reloading to enable multi-threading" line stays before the reload. */
export const ISOLATION_NOTICE_SECONDS = 4;
const RELOADED_FLAG = 'workbench.isolationReload';

let state: ServiceWorkerState = { kind: 'none' };
const listeners = new Set<() => void>();
let countdown: ReturnType<typeof setInterval> | undefined;
let waiting: ServiceWorker | null = null;
let updateRequested = false;

function set(next: ServiceWorkerState): void {
  state = next;
  for (const l of listeners) l();
}

export const serviceWorkerState = (): ServiceWorkerState => state;
export function subscribeServiceWorker(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function reloadForIsolation(): void {
  if (globalThis.crossOriginIsolated || sessionStorage.getItem(RELOADED_FLAG)) {
    set({ kind: 'offline' });
    return;
  }
  let secondsLeft = ISOLATION_NOTICE_SECONDS;
  set({ kind: 'isolating', secondsLeft });
  countdown = setInterval(() => {
    secondsLeft -= 1;
    if (secondsLeft > 0) return set({ kind: 'isolating', secondsLeft });
    clearInterval(countdown);
    sessionStorage.setItem(RELOADED_FLAG, '1');
    location.reload();
  }, 1000);
}

/** "Not now": stay on one thread until the next visit. */
export function cancelIsolationReload(): void {
  clearInterval(countdown);
  sessionStorage.setItem(RELOADED_FLAG, '1');
  set({ kind: 'offline' });
}

/** "Later": hide the prompt; the new build starts when every tab of the app has been closed. */
export function dismissUpdate(): void {
  set({ kind: 'offline' });
}

/** Activate the waiting build; the page reloads when it takes control. */
export function applyUpdate(): void {
  if (!waiting) return;
  updateRequested = true;
  waiting.postMessage({ type: SKIP_WAITING });
}

function watchInstalling(worker: ServiceWorker, hadController: boolean): void {
  if (!hadController) set({ kind: 'installing' });
  worker.addEventListener('statechange', () => {
    if (worker.state === 'installed' && hadController) {
      waiting = worker;
      set({ kind: 'update' });
    }
    // A failed install (no space, a file that would not download) leaves the app as it was.
    if (worker.state === 'redundant' && state.kind === 'installing') set({ kind: 'none' });
  });
}

/**
 * Register the worker. `registerWhen`: on a page that is already cross-origin isolated (the host
 * sends the headers, or the worker did on an earlier visit), registration — and with it the first
 * install's download of the whole app, or an update's — waits for it (main.tsx: a quiet moment, so
 * it does not slow the first model load); a page that still needs isolation registers at once, since
 * a reload follows.
 */
export async function startServiceWorker(opts: { registerWhen?: Promise<unknown> } = {}): Promise<void> {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const sw = navigator.serviceWorker;
  const hadController = sw.controller !== null;
  if (globalThis.crossOriginIsolated) sessionStorage.removeItem(RELOADED_FLAG);
  sw.addEventListener('controllerchange', () => {
    if (updateRequested) location.reload();
    else if (!hadController) reloadForIsolation();
  });
  if (globalThis.crossOriginIsolated && opts.registerWhen) await opts.registerWhen;
  const reg = await sw.register(new URL('sw.js', document.baseURI), { scope: './' }).catch(() => undefined);
  // Undefined where registration is blocked (Playwright's serviceWorkers: 'block').
  if (!reg) return;
  if (hadController) {
    if (reg.waiting) {
      waiting = reg.waiting;
      set({ kind: 'update' });
    } else reloadForIsolation();
  }
  if (reg.installing) watchInstalling(reg.installing, hadController);
  reg.addEventListener('updatefound', () => {
    if (reg.installing) watchInstalling(reg.installing, hadController);
  });
}
