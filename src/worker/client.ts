// The page's only door to the workers. Two module workers: the model worker (ONNX Runtime and the
// vectors; created on first use so first paint never waits for it) and the scoring worker
// (statistics; terminated to cancel a run and recreated lazily on the next one). Both boundaries
// are comlink `Remote<Api>` with named-error transfer registered before wrap(). A run's model calls
// go between the two workers over a MessageChannel the page makes for that run (run()); the page
// only starts the run and receives its progress and results. Loads and runs count as activity the
// user waits for (workerActivity.ts), so background work can wait for a quiet moment.
import * as Comlink from 'comlink';
import { CancelledError } from '../core/errors';
import { NO_MODEL_ID } from '../core/noModelRunInfo';
import type { LmRunOptions } from '../core/lmRun';
import type { RunResult } from '../core/runRecord';
import type { AnyProbe } from '../probes/lmSchema';
import { USER_MODEL_PREFIX, listModels, modelModality, type ModelEntry } from '../runtime/models';
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
import type { ModelChannelsApi } from './modelChannels';
import { trackActivity } from './workerActivity';

export type { DevicePreference, LoadedModelInfo, ModelProgress, RunProgress, LmDtype, LmInfo, LmLoadProgress, LmSource, ModelEntry };
/** The model registry (word vectors and LMs) and its modality rule, as data: the registry module imports no runtime code. */
export const CURATED_MODELS: readonly ModelEntry[] = listModels();
export { modelModality };

registerErrorTransfer(Comlink);

type ModelWorker = ModelWorkerApi & LmWorkerApi & ModelChannelsApi;
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
export function loadModel(modelId: string, device: DevicePreference, onProgress?: (p: ModelProgress) => void): Promise<LoadedModelInfo> {
  return trackActivity(loadModelNow(modelId, device, onProgress));
}

async function loadModelNow(modelId: string, device: DevicePreference, onProgress?: (p: ModelProgress) => void): Promise<LoadedModelInfo> {
  const m = model();
  if (device !== 'auto' && !modelId.startsWith(USER_MODEL_PREFIX)) {
    const current = (await m.loaded()).find((i) => i.id === modelId);
    if (current && current.backend !== device) await m.unload(modelId);
  }
  return m.load(modelId, { device }, onProgress ? Comlink.proxy(onProgress) : undefined);
}

export const loadUserVectors = (file: Blob, name: string, onProgress?: (p: ModelProgress) => void) =>
  trackActivity(model().loadUserVectors(file, name, onProgress ? Comlink.proxy(onProgress) : undefined));

export const vocabularyCheck = (modelId: string, words: string[]) => model().vocabularyCheck(modelId, words);

/** A run: probes of any families on one loaded model, with the options they share (seed included). */
export interface RunRequest {
  probes: AnyProbe[];
  modelId: string;
  options: LmRunOptions;
}

let modelChannels = 0;

/**
 * Run a batch of probes in the scoring worker, which reaches the model in the model worker over a
 * MessageChannel of this run's own: model calls and their progress never pass through the page.
 * Aborting `signal` terminates the scoring worker at once (the computation really stops), closes
 * the channel (which aborts the model worker's call in flight; the model stays loaded for the next
 * run) and rejects with CancelledError.
 */
export function run(req: RunRequest, onProgress: (p: RunProgress) => void, signal?: AbortSignal): Promise<RunResult[]> {
  return trackActivity(runNow(req, onProgress, signal));
}

function runNow(req: RunRequest, onProgress: (p: RunProgress) => void, signal?: AbortSignal): Promise<RunResult[]> {
  if (signal?.aborted) return Promise.reject(new CancelledError('The run was cancelled.'));
  const current = scoringWorker();
  // A run that loads no model (the class lab) gets no channel, and does not start the model worker.
  const channel =
    req.modelId === NO_MODEL_ID
      ? null
      : (() => {
          const m = model();
          const channelId = `model-channel-${++modelChannels}`;
          const { port1, port2 } = new MessageChannel();
          const opened = m.openModelChannel(Comlink.transfer(port1, [port1]), req.modelId, channelId);
          return { port: port2, opened, close: () => void m.closeModelChannel(channelId).catch(() => undefined) };
        })();
  const closeChannel = () => channel?.close();
  return new Promise<RunResult[]>((resolve, reject) => {
    // A terminated worker never answers, so the channel is closed here as well as when the run settles.
    const drop = () => {
      current.worker.terminate();
      if (scoring === current) scoring = null;
      closeChannel();
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
    (channel ? channel.opened : Promise.resolve())
      .then(() => current.api.run(req.probes, req.options, channel ? Comlink.transfer(channel.port, [channel.port]) : null, Comlink.proxy(onProgress)))
      .then(resolve, reject)
      .finally(() => {
        closeChannel();
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
export function loadLm(source: LmSource, prefs: LmLoadPrefs, onProgress?: (p: LmLoadProgress) => void): Promise<LmInfo> {
  return trackActivity(loadLmNow(source, prefs, onProgress));
}

async function loadLmNow(source: LmSource, prefs: LmLoadPrefs, onProgress?: (p: LmLoadProgress) => void): Promise<LmInfo> {
  const m = model();
  const id = lmIdOf(source);
  const current = (await m.lmLoaded()).find((i) => i.id === id);
  const wantDtype = prefs.dtype && prefs.dtype !== 'auto' ? prefs.dtype : null;
  const wantDevice = prefs.device && prefs.device !== 'auto' ? prefs.device : null;
  const replace = !!current && ((wantDtype && current.dtype !== wantDtype) || (wantDevice && current.backend !== wantDevice) || source.type === 'files');
  return m.lmLoad(source, replace ? { ...prefs, replace } : prefs, onProgress ? Comlink.proxy(onProgress) : undefined);
}
