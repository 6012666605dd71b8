// Start loading the selected model (by default the embedded GloVe) while the page is still
// starting, not when the header first renders: the model worker, ONNX Runtime's wasm and the
// model files then download and compile while React builds the page, and a user who clicks Run
// right after the page appears waits for less. It is the same query the model status starts
// (modelQuery), begun earlier, so progress, errors and the cache are the usual ones. Only models
// that need no download start by themselves.
import { modelQuery, queryClient } from './queries';
import { downloadConsentNow } from './downloadConsent';
import { useWorkbench } from './store';

/** Begin loading the model the user has selected (idempotent: TanStack Query dedupes). */
export function preloadSelectedModel(): void {
  const { modelId, device } = useWorkbench.getState();
  // A model that downloads waits for the user's click (downloadConsent.ts), also after a reload.
  if (!downloadConsentNow(modelId).approved) return;
  void queryClient.prefetchQuery(modelQuery(modelId, device));
}
