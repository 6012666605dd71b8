// Entry point: React root with the TanStack Query provider. Nothing heavy is imported here; the
// selected model starts loading in the model worker (ONNX Runtime, GloVe) before the first render,
// so its download and compile overlap the page's own start-up. Charts load as a lazy chunk. The
// service worker registers after that, off the critical path.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { queryClient } from './state/queries';
import { preloadSelectedModel } from './state/preload';
import { startDraftSync } from './state/draftSync';
import { draftSyncStore, PERSIST_KEY } from './state/store';
import { App } from './ui/App';
import { startServiceWorker } from './serviceWorker/registration';
import './styles/app.css';

preloadSelectedModel();
// Offline use and cross-origin isolation on hosts that cannot send headers (production builds only).
void startServiceWorker();
// Other tabs' draft edits: taken when this tab is in step, asked about when it is not.
startDraftSync(PERSIST_KEY, draftSyncStore);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
