// The page's only door to the workers. Two module workers: the model worker (ONNX Runtime and the
// vectors; created on first use so first paint never waits for it) and the scoring worker
// (statistics; terminated to cancel a run and recreated lazily on the next one). Both boundaries
// are comlink `Remote<Api>` with named-error transfer registered before wrap().
import * as Comlink from 'comlink';
import { CancelledError } from '../core/errors';
import type { AssociationOptions, AssociationResult } from '../core/association/types';
import type { AssociationProbe } from '../probes/schema';
import type { LmRunOptions, LmRunResult } from '../core/lmRun';
import type { LmProbe } from '../probes/lmSchema';
import { LM_CATALOG, type LmCatalogEntry } from '../runtime/lm/catalog';
import { USER_MODEL_PREFIX } from '../runtime/models';
import {
  registerErrorTransfer,
  type DevicePreference,
  type LmDtype,
  type LmInfo,
  type LmLoadPrefs,
  type LmLoadProgress,
  type LmSource,
  type LmWorkerApi,
  type LoadedModelInfo,
  type ModelProgress,
  type ModelWorkerApi,
} from './modelProtocol';
import type { RunProgress, ScoringWorkerApi } from './scoringProtocol';
import type { ScorerChannelsApi } from './scorerChannels';

export type { DevicePreference, LoadedModelInfo, ModelProgress, RunProgress, LmDtype, LmInfo, LmLoadProgress, LmSource, LmCatalogEntry };
/** Curated language models (embedded + Hub), as data; the catalogue module imports no runtime code. */
export const LM_MODELS: readonly LmCatalogEntry[] = LM_CATALOG;

registerErrorTransfer(Comlink);

type ModelWorker = ModelWorkerApi & LmWorkerApi & ScorerChannelsApi;
let modelWorker: Comlink.Remote<ModelWorker> | null = null;
/** The model worker lives as long as the page: loaded models stay warm between runs. */
const model = (): Comlink.Remote<ModelWorker> =>
  (modelWorker ??= Comlink.wrap<ModelWorker>(
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

/**
 * Load a word-vector model in the model worker. The worker memoises loads per id (the first
 * device wins), and the page starts loading the selected model with the saved device at once, so a
 * load that names another device than the loaded one ('webgpu' or 'wasm', not 'auto') unloads it
 * first; otherwise choosing a device after start-up would change nothing.
 */
export async function loadModel(modelId: string, device: DevicePreference, onProgress?: (p: ModelProgress) => void): Promise<LoadedModelInfo> {
  const m = model();
  if (device !== 'auto' && !modelId.startsWith(USER_MODEL_PREFIX)) {
    const current = (await m.loaded()).find((i) => i.id === modelId);
    if (current && current.backend !== device) await m.unload(modelId);
  }
  return m.load(modelId, { device }, onProgress ? Comlink.proxy(onProgress) : undefined);
}

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
 * Start the scoring worker ahead of the first run (while the model loads), so its script is
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

// ── Language models ──────────────────────────────────────────────────────────────────────

const lmIdOf = (s: LmSource): string => (s.type === 'files' ? `local/${s.name.replace(/[^\w.-]+/g, '-').replace(/-{2,}/g, '-').replace(/^[-.]+|[-.]+$/g, '') || 'folder'}` : s.type === 'path' ? s.path : s.id);

/**
 * Load a language model in the model worker. The worker memoises loads per id (first dtype/device
 * wins), so a load asking for another dtype or device than the loaded one, or a folder picked
 * again, replaces it — only once the new one has loaded, so a failed load keeps the loaded model.
 */
export async function loadLm(source: LmSource, prefs: LmLoadPrefs, onProgress?: (p: LmLoadProgress) => void): Promise<LmInfo> {
  const m = model();
  const id = lmIdOf(source);
  const current = (await m.lmLoaded()).find((i) => i.id === id);
  const wantDtype = prefs.dtype && prefs.dtype !== 'auto' ? prefs.dtype : null;
  const wantDevice = prefs.device && prefs.device !== 'auto' ? prefs.device : null;
  const replace = !!current && ((wantDtype && current.dtype !== wantDtype) || (wantDevice && current.backend !== wantDevice) || source.type === 'files');
  return m.lmLoad(source, replace ? { ...prefs, replace } : prefs, onProgress ? Comlink.proxy(onProgress) : undefined);
}

export interface LmRunRequest {
  probes: LmProbe[];
  info: LmInfo;
  options: LmRunOptions;
}

let scorerChannels = 0;

/**
 * Run LM probes: the orchestration and statistics run in the scoring worker, which reaches the
 * model worker's LM over a MessageChannel of this run's own (scoring calls and their progress never
 * pass through the page). Aborting `signal` terminates the scoring worker and closes the channel,
 * which aborts the model worker's call in flight; the model stays loaded for the next run.
 */
export function runLmProbes(req: LmRunRequest, onProgress: (p: RunProgress) => void, signal?: AbortSignal): Promise<LmRunResult[]> {
  if (signal?.aborted) return Promise.reject(new CancelledError('The run was cancelled.'));
  const current = scoringWorker();
  const m = model();
  const channelId = `scorer-channel-${++scorerChannels}`;
  const { port1, port2 } = new MessageChannel();
  const opened = m.openScorerChannel(Comlink.transfer(port1, [port1]), req.info.id, channelId);
  const close = () => void m.closeScorerChannel(channelId).catch(() => undefined);
  return new Promise<LmRunResult[]>((resolve, reject) => {
    const drop = () => {
      current.worker.terminate();
      if (scoring === current) scoring = null;
    };
    const onAbort = () => {
      drop();
      reject(new CancelledError('The run was cancelled.'));
    };
    const onError = (e: ErrorEvent) => {
      e.preventDefault?.();
      drop();
      reject(new Error(`The scoring worker stopped unexpectedly${e.message ? ` (${e.message})` : ''}.`));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    current.worker.addEventListener('error', onError);
    opened
      .then(() => current.api.runLmBatch(req.probes, req.options, Comlink.transfer(port2, [port2]), Comlink.proxy(onProgress)))
      .then(resolve, reject)
      .finally(() => {
        close();
        signal?.removeEventListener('abort', onAbort);
        current.worker.removeEventListener('error', onError);
      });
  });
}
