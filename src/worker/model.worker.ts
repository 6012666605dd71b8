// The model worker: a thin comlink adapter over src/runtime (ARCHITECTURE.md pattern 4). All ONNX
// Runtime work happens here, off the page's thread. `createModelWorkerApi` is exported so the same
// object can be tested in Node (tests/runtime/modelWorker.test.ts) or used on the main thread as
// a fallback; it is exposed over comlink only when this module runs inside a Worker.
//
// - Load promises are memoised per model id (transformers.js-examples pattern: `instance ??=`),
//   not results: concurrent load() calls share one load; a failed load is forgotten so the user
//   can retry. A second load() of an id returns the first load's info (device preference of the
//   first call wins); call unload(id) first to switch device.
// - Vectors are returned as views into one ArrayBuffer per call, which is transferred, not copied.
// - Progress callbacks are comlink proxies; a failing callback (page gone) never fails the load.
// - Errors leave as {name, message} via registerErrorTransfer and arrive as the named class.
import * as Comlink from 'comlink';
import { ModelLoadError, UnsupportedModelError } from '../core/errors';
import { MODEL_REGISTRY, USER_MODEL_PREFIX, isModelId, type ModelEntry, type WordVectorModelEntry } from '../runtime/models';
import type { ProgressCallback, WordEmbeddingModel } from '../runtime/types';
import { loadUserVectorsFromBlob } from '../runtime/userVectors';
import { OnnxWordEmbeddingModel, urlAssetSource, type AssetSource } from '../runtime/wordEmbeddingModel';
import { stallGuardFetch } from '../runtime/net/stallGuardFetch';
import { appBaseUrl } from '../runtime/appBase';
import { registerErrorTransfer, type LoadPrefs, type ModelWorkerApi } from './modelProtocol';
import { createLmService } from '../runtime/lm/service';
import { loadLanguageModelInBrowser } from '../runtime/lm/browser';
import { createModelChannels } from './modelChannels';

export interface ModelWorkerDeps {
  /** Where a registry model's files are (browser: under the app's base URL). */
  sourceFor(entry: WordVectorModelEntry): AssetSource;
}

const safeProgress = (cb?: ProgressCallback): ProgressCallback => (p) => {
  if (!cb) return;
  try {
    void Promise.resolve(cb(p) as unknown).catch(() => undefined);
  } catch {
    /* the page went away; loading continues */
  }
};

/** Transfer the distinct buffers behind the returned vectors (normally exactly one). */
const transferVectors = (vectors: (Float32Array | null)[]): (Float32Array | null)[] => {
  const buffers = new Set<ArrayBuffer>();
  for (const v of vectors) if (v) buffers.add(v.buffer as ArrayBuffer);
  return Comlink.transfer(vectors, [...buffers]);
};

export function createModelWorkerApi(deps: ModelWorkerDeps): ModelWorkerApi {
  const loads = new Map<string, Promise<WordEmbeddingModel>>();

  const loadRegistryModel = (modelId: string, prefs: LoadPrefs, onProgress?: ProgressCallback): Promise<WordEmbeddingModel> => {
    const existing = loads.get(modelId);
    if (existing) {
      const emit = safeProgress(onProgress);
      return existing.then((m) => {
        emit({ status: 'ready', name: modelId, backend: m.info.backend, ...(m.info.fallbackReason ? { fallbackReason: m.info.fallbackReason } : {}) });
        return m;
      });
    }
    if (modelId.startsWith(USER_MODEL_PREFIX)) {
      return Promise.reject(new ModelLoadError(`'${modelId}' is not loaded in this worker: load the vector file again with loadUserVectors()`));
    }
    if (!isModelId(modelId)) {
      return Promise.reject(new UnsupportedModelError(`unknown model '${modelId}'; known: ${Object.keys(MODEL_REGISTRY).join(', ')}`));
    }
    const entry: ModelEntry = MODEL_REGISTRY[modelId];
    if (entry.kind !== 'word-embedding') {
      return Promise.reject(new UnsupportedModelError(`${modelId}: '${entry.kind}' models are not served by this worker yet`));
    }
    const promise = OnnxWordEmbeddingModel.load(modelId, deps.sourceFor(entry), {
      device: prefs.device,
      onProgress: safeProgress(onProgress),
    });
    loads.set(modelId, promise);
    promise.catch(() => {
      if (loads.get(modelId) === promise) loads.delete(modelId);
    });
    return promise;
  };

  /** A loaded model; registry models are loaded on first use with device 'auto'. */
  const modelFor = (modelId: string) => loadRegistryModel(modelId, { device: 'auto' });

  return {
    async load(modelId, prefs, onProgress) {
      return (await loadRegistryModel(modelId, prefs, onProgress)).info;
    },

    async loadUserVectors(file, name, onProgress) {
      const clean = name.trim() || 'vectors';
      const id = `${USER_MODEL_PREFIX}${clean}`;
      const promise = loadUserVectorsFromBlob(file, clean, safeProgress(onProgress));
      const previous = loads.get(id);
      loads.set(id, promise);
      promise.then(
        () => previous?.then((m) => m.dispose()).catch(() => undefined),
        () => {
          if (loads.get(id) === promise) {
            if (previous) loads.set(id, previous);
            else loads.delete(id);
          }
        },
      );
      return (await promise).info;
    },

    async embedWords(modelId, words) {
      const m = await modelFor(modelId);
      return transferVectors(await m.embedWords(words));
    },

    async embedSentences(modelId, sentences) {
      const m = await modelFor(modelId);
      return transferVectors(await m.embedSentences(sentences));
    },

    async vocabularyCheck(modelId, words) {
      return (await modelFor(modelId)).has(words);
    },

    async loaded() {
      const settled = await Promise.allSettled(loads.values());
      return settled.filter((s): s is PromiseFulfilledResult<WordEmbeddingModel> => s.status === 'fulfilled').map((s) => s.value.info);
    },

    async unload(modelId) {
      const p = loads.get(modelId);
      loads.delete(modelId);
      if (p) await p.then((m) => m.dispose()).catch(() => undefined);
    },
  };
}

/** Browser: registry assets live under the app's root URL (`public/` in the repo; ../runtime/appBase.ts). */
/** Word-vector assets: a download that sends nothing for 30 s fails (with Retry) instead of hanging. */
const assetFetch = stallGuardFetch((input, init) => fetch(input, init));
const browserSource = (entry: WordVectorModelEntry): AssetSource =>
  urlAssetSource(new URL(entry.path, appBaseUrl()).href, assetFetch as typeof fetch);

const WorkerScope = (globalThis as { WorkerGlobalScope?: abstract new () => unknown }).WorkerGlobalScope;
const inWorker = WorkerScope !== undefined && globalThis instanceof WorkerScope;

if (inWorker) {
  registerErrorTransfer(Comlink);
  // LM methods (src/runtime/lm/service.ts) ride on the same worker, and the scoring worker reaches
  // the models over channels of its own: `Remote<ModelWorkerApi & LmWorkerApi & ModelChannelsApi>`.
  const vectors = createModelWorkerApi({ sourceFor: browserSource });
  const lm = createLmService(loadLanguageModelInBrowser);
  Comlink.expose({ ...vectors, ...lm, ...createModelChannels(vectors, lm) });
}
