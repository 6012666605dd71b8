// Entry point: React root with the TanStack Query provider. Nothing heavy is imported here; the
// selected model starts loading in the model worker (ONNX Runtime, GloVe) before the first render,
// so its download and compile overlap the page's own start-up. Charts load as a lazy chunk. The
// service worker registers after that, off the critical path (on an isolated page, at the first
// quiet moment).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { queryClient } from './state/queries';
import { preloadSelectedModel } from './state/preload';
import { startDraftSync } from './state/draftSync';
import { draftSyncStore, PERSIST_KEY } from './state/store';
import { App } from './ui/App';
import { startServiceWorker } from './serviceWorker/registration';
import { whenQuiet } from './worker/workerActivity';
import './styles/app.css';

/** Quiet (no model load or run in flight) before the service worker registers on an isolated page, and the longest wait. */
const SW_QUIET_MS = 2_000;
const SW_MAX_WAIT_MS = 30_000;

preloadSelectedModel();
// Offline use and cross-origin isolation on hosts that cannot send headers (production builds only).
// Where the page is isolated already, the worker's first install (the whole app, ~75 MB) waits until
// no model load or run has been in flight for a moment, so it does not compete with them.
void startServiceWorker({ registerWhen: whenQuiet(SW_QUIET_MS, SW_MAX_WAIT_MS) });
// Other tabs' draft edits: taken when this tab is in step, asked about when it is not.
startDraftSync(PERSIST_KEY, draftSyncStore);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
