// The page's only door to the workers. Two module workers: the model worker (ONNX Runtime and the
// vectors; created on first use so first paint never waits for it) and the scoring worker
// (statistics; terminated to cancel a run and recreated lazily on the next one). Both boundaries
// are comlink `Remote<Api>` with named-error transfer registered before wrap().
import * as Comlink from 'comlink';
import { CancelledError } from '../core/errors';
import type { AssociationOptions, AssociationResult } from '../core/association/types';
import type { AssociationProbe } from '../probes/schema';
import { registerErrorTransfer, type DevicePreference, type LoadedModelInfo, type ModelProgress, type ModelWorkerApi } from './modelProtocol';
import type { RunProgress, ScoringWorkerApi } from './scoringProtocol';

export type { DevicePreference, LoadedModelInfo, ModelProgress, RunProgress };

registerErrorTransfer(Comlink);

let modelWorker: Comlink.Remote<ModelWorkerApi> | null = null;
/** The model worker lives as long as the page: loaded models stay warm between runs. */
const model = (): Comlink.Remote<ModelWorkerApi> =>
  (modelWorker ??= Comlink.wrap<ModelWorkerApi>(
    new Worker(new URL('./model.worker.ts', import.meta.url), { type: 'module', name: 'model' }),
  ));

let scoring: { worker: Worker; api: Comlink.Remote<ScoringWorkerApi> } | null = null;
const scoringWorker = () => {
  if (!scoring) {
    const worker = new Worker(new URL('./scoring.worker.ts', import.meta.url), { type: 'module', name: 'scoring' });
    scoring = { worker, api: Comlink.wrap<ScoringWorkerApi>(worker) };
  }
  return scoring;
};

export const loadModel = (modelId: string, device: DevicePreference, onProgress?: (p: ModelProgress) => void) =>
  model().load(modelId, { device }, onProgress ? Comlink.proxy(onProgress) : undefined);

export const loadUserVectors = (file: Blob, name: string, onProgress?: (p: ModelProgress) => void) =>
  model().loadUserVectors(file, name, onProgress ? Comlink.proxy(onProgress) : undefined);

export const vocabularyCheck = (modelId: string, words: string[]) => model().vocabularyCheck(modelId, words);

export interface RunRequest {
  probes: AssociationProbe[];
  modelId: string;
  options: AssociationOptions;
}

/**
 * Run a batch of association probes. Aborting `signal` terminates the scoring worker at once
 * (the computation really stops) and rejects with CancelledError.
 */
export function runProbes(req: RunRequest, onProgress: (p: RunProgress) => void, signal?: AbortSignal): Promise<AssociationResult[]> {
  if (signal?.aborted) return Promise.reject(new CancelledError('The run was cancelled.'));
  const current = scoringWorker();
  const m = model();
  const embedder = Comlink.proxy({
    embedWords: (words: string[]) => m.embedWords(req.modelId, words),
    embedSentences: (sentences: string[]) => m.embedSentences(req.modelId, sentences),
  });
  return new Promise<AssociationResult[]>((resolve, reject) => {
    const drop = () => {
      current.worker.terminate();
      if (scoring === current) scoring = null;
    };
    const onAbort = () => {
      drop();
      reject(new CancelledError('The run was cancelled.'));
    };
    // A worker whose script cannot load (e.g. offline before it was ever fetched) or that crashes
    // fires 'error' and would otherwise leave the run pending forever.
    const onError = (e: ErrorEvent) => {
      e.preventDefault?.();
      drop();
      reject(new Error(`The scoring worker stopped unexpectedly${e.message ? ` (${e.message})` : ''}. If you are offline, reload the page once online so the app can cache it.`));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    current.worker.addEventListener('error', onError);
    current.api
      .runBatch(req.probes, req.options, embedder, Comlink.proxy(onProgress))
      .then(resolve, reject)
      .finally(() => {
        signal?.removeEventListener('abort', onAbort);
        current.worker.removeEventListener('error', onError);
      });
  });
}

/**
 * Start the scoring worker ahead of the first run (after the model is ready), so its script is
 * fetched while online and the first run does not pay for worker start-up.
 */
export function warmUpScoring(): void {
  scoringWorker();
}

/** Stop any running computation now (same as aborting the run's signal). */
export function terminateScoring(): void {
  scoring?.worker.terminate();
  scoring = null;
}
