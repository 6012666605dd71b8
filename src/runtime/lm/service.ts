// The LM half of the model worker's API, as plain async functions (no comlink here, so it is
// tested in Node with any loader). src/worker/model.worker.ts spreads `createLmService(loader)` into
// the object it exposes, and serves `scorerEndpoint(service, id)` to the scoring worker on a port of
// its own (src/worker/modelChannels.ts), so scoring calls never pass through the page.
//
// - Loads are memoised per model id (the promise, not the result); a failed load is forgotten.
//   A second lmLoad of a loaded id returns the first load's info, unless it asks to `replace` it
//   (another dtype/device, a folder picked again): then the loaded model keeps serving until the new
//   one has loaded, and only a successful load takes its place — a broken folder or a failed
//   download leaves the app with the model it had. This is the one cache of loaded models.
// - The operations are the core's LanguageModelScorer (src/core/lmRun/scorer.ts) as they cross a
//   thread: the same inputs and results; of the options only what can be posted; the in-call
//   progress (CallProgress) as a callback argument of its own, which comlink proxies.
// - Cancellation across the thread boundary: an AbortSignal cannot be posted, so each operation
//   takes an optional `runId`; lmCancel(runId) aborts it (checked between batches → CancelledError).
//   A scorer endpoint gives its calls run ids of its own and cancels them all at once.
import { CancelledError, InvalidLmInputError, ModelLoadError } from '../../core/errors';
import type { CallProgress, GenerationSettings, LanguageModelScorer, ScorerCallOptions } from '../../core/lmRun/scorer';
import type { LoadLmOptions } from './load';
import { sourceId } from './load';
import type {
  CausalScoreOptions,
  ContinuationLogProb,
  GenerateResult,
  LanguageModel,
  LmDevicePreference,
  LmDtype,
  LmInfo,
  LmLoadProgress,
  LmSource,
  PseudoLogLikelihood,
  TokenLogProbs,
} from './types';

export interface LmLoadPrefs {
  device?: LmDevicePreference;
  dtype?: LmDtype | 'auto';
  /** Load anew even when this id is loaded; the loaded model is disposed only once the new one has loaded. */
  replace?: boolean;
}

/** A scoring call's options that can be posted: the core's ScorerCallOptions less the signal and the callback. */
export type PostedCallOptions = Omit<ScorerCallOptions, 'signal' | 'onProgress'>;

/** Options of the service's operations: posted call options, the run id to cancel by, BOS for causal scoring. */
export interface LmRunOpts extends PostedCallOptions {
  runId?: string;
  prependBos?: CausalScoreOptions['prependBos'];
}

type Progress = (p: CallProgress) => void;
export type LmGenerateOpts = GenerationSettings & Omit<LmRunOpts, 'prependBos'>;

type ScoringOp = 'tokenLogProbs' | 'continuationLogProbs' | 'pseudoLogLikelihood' | 'hiddenStates';
type CoreOp<K extends ScoringOp> = NonNullable<LanguageModelScorer[K]>;
/** A LanguageModelScorer operation across a thread: its input and result; posted options; progress as an argument. */
type PostedOp<K extends ScoringOp> = (input: Parameters<CoreOp<K>>[0], opts?: PostedCallOptions, onProgress?: Progress) => ReturnType<CoreOp<K>>;

/** What the orchestration knows of the model (LanguageModelScorer.info). */
export interface ScorerInfo {
  id: string;
  kind: LmInfo['kind'];
  maxLength?: number;
}

/** One loaded model's LanguageModelScorer as the scoring worker reaches it over its port. */
export interface LmScorerEndpoint {
  info(): Promise<ScorerInfo>;
  tokenLogProbs: PostedOp<'tokenLogProbs'>;
  continuationLogProbs: PostedOp<'continuationLogProbs'>;
  pseudoLogLikelihood: PostedOp<'pseudoLogLikelihood'>;
  hiddenStates: PostedOp<'hiddenStates'>;
  /** Generation fitted into the model's context: room = maxLength − prompt tokens − 1 (the core's rule). */
  generate(prompt: string, opts: GenerationSettings & PostedCallOptions): Promise<{ text: string; chatTemplate?: boolean }>;
}

export interface LmWorkerApi {
  /** Load (or return the already loaded) model; resolves with its info. `info.id` is the handle for the other calls. */
  lmLoad(source: LmSource, prefs?: LmLoadPrefs, onProgress?: (p: LmLoadProgress) => void): Promise<LmInfo>;
  lmTokenize(modelId: string, text: string): Promise<{ tokens: string[]; ids: number[] }>;
  lmTokenLogProbs(modelId: string, texts: string[], opts?: LmRunOpts, onProgress?: Progress): Promise<TokenLogProbs[]>;
  lmContinuationLogProbs(
    modelId: string,
    pairs: Array<{ prefix: string; continuation: string }>,
    opts?: LmRunOpts,
    onProgress?: Progress,
  ): Promise<ContinuationLogProb[]>;
  lmPseudoLogLikelihood(modelId: string, texts: string[], opts?: LmRunOpts, onProgress?: Progress): Promise<PseudoLogLikelihood[]>;
  lmHiddenStates(modelId: string, texts: string[], opts?: LmRunOpts, onProgress?: Progress): Promise<Float32Array[]>;
  lmGenerate(modelId: string, prompt: string, opts: LmGenerateOpts, onProgress?: Progress): Promise<GenerateResult>;
  /** Abort the operation started with this runId (no-op when it already finished). */
  lmCancel(runId: string): Promise<void>;
  lmLoaded(): Promise<LmInfo[]>;
  /** The info of LM `modelId` once its load settles; null when no LM of that id is loaded or loading (other loads are not waited for). */
  lmInfo(modelId: string): Promise<LmInfo | null>;
  lmUnload(modelId: string): Promise<void>;
}

export type LmLoader = (source: LmSource, opts: LoadLmOptions) => Promise<LanguageModel>;

/** A callback from the other thread may fail (page gone); that must never fail the work. */
const safe =
  <T>(cb?: (p: T) => void) =>
  (p: T) => {
    if (!cb) return;
    try {
      void Promise.resolve(cb(p) as unknown).catch(() => undefined);
    } catch {
      /* ignore */
    }
  };

export function createLmService(loader: LmLoader): LmWorkerApi {
  const loads = new Map<string, Promise<LanguageModel>>();
  const runs = new Map<string, AbortController>();

  const model = (id: string) => {
    const p = loads.get(id);
    if (!p) return Promise.reject(new ModelLoadError(`language model '${id}' is not loaded; call lmLoad first`));
    return p;
  };
  /** Run `fn` with an AbortSignal registered under opts.runId. */
  const withRun = async <T>(runId: string | undefined, fn: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    const ctrl = new AbortController();
    if (runId) runs.set(runId, ctrl);
    try {
      return await fn(ctrl.signal);
    } finally {
      if (runId && runs.get(runId) === ctrl) runs.delete(runId);
    }
  };

  return {
    lmLoad(source, prefs = {}, onProgress) {
      const id = sourceId(source);
      const emit = safe(onProgress);
      const { replace, ...loadPrefs } = prefs;
      const existing = loads.get(id);
      if (existing && !replace)
        return existing.then((m) => {
          emit({ status: 'ready', name: id, backend: m.info.backend, dtype: m.info.dtype, ...(m.info.fallbackReason ? { fallbackReason: m.info.fallbackReason } : {}) });
          return m.info;
        });
      const p = loader(source, { ...loadPrefs, onProgress: emit });
      if (existing)
        // The loaded model serves calls until the new one is ready; a failed load leaves it in place.
        return p.then(async (m) => {
          const previous = loads.get(id);
          loads.set(id, Promise.resolve(m));
          if (previous) await previous.then((old) => old.dispose()).catch(() => undefined);
          return m.info;
        });
      loads.set(id, p);
      p.catch(() => {
        if (loads.get(id) === p) loads.delete(id);
      });
      return p.then((m) => m.info);
    },
    async lmTokenize(id, text) {
      return (await model(id)).tokenize(text);
    },
    async lmTokenLogProbs(id, texts, opts = {}, onProgress) {
      const m = await model(id);
      return withRun(opts.runId, (signal) => m.tokenLogProbs(texts, { ...opts, signal, onProgress: safe(onProgress) }));
    },
    async lmContinuationLogProbs(id, pairs, opts = {}, onProgress) {
      const m = await model(id);
      return withRun(opts.runId, (signal) => m.continuationLogProbs(pairs, { ...opts, signal, onProgress: safe(onProgress) }));
    },
    async lmPseudoLogLikelihood(id, texts, opts = {}, onProgress) {
      const m = await model(id);
      return withRun(opts.runId, (signal) => m.pseudoLogLikelihood(texts, { ...opts, signal, onProgress: safe(onProgress) }));
    },
    async lmHiddenStates(id, texts, opts = {}, onProgress) {
      const m = await model(id);
      return withRun(opts.runId, (signal) => m.hiddenStates(texts, { ...opts, signal, onProgress: safe(onProgress) }));
    },
    async lmGenerate(id, prompt, opts, onProgress) {
      const m = await model(id);
      return withRun(opts.runId, (signal) => m.generate(prompt, { ...opts, signal, onProgress: safe(onProgress) }));
    },
    async lmCancel(runId) {
      runs.get(runId)?.abort();
    },
    async lmLoaded() {
      const settled = await Promise.allSettled(loads.values());
      return settled.filter((s): s is PromiseFulfilledResult<LanguageModel> => s.status === 'fulfilled').map((s) => s.value.info);
    },
    async lmInfo(id) {
      const p = loads.get(id);
      return p ? (await p).info : null;
    },
    async lmUnload(id) {
      const p = loads.get(id);
      loads.delete(id);
      if (p) await p.then((m) => m.dispose()).catch(() => undefined);
    },
  };
}

let endpointCalls = 0;

/**
 * The scorer of loaded model `modelId` for one run, over the service: each call gets a run id of its
 * own, and cancel() aborts every call in flight and refuses later ones (the run was cancelled).
 */
export function scorerEndpoint(service: LmWorkerApi, modelId: string): { endpoint: LmScorerEndpoint; cancel(): void } {
  const inFlight = new Set<string>();
  let cancelled = false;
  const call = async <T>(fn: (runId: string) => Promise<T>): Promise<T> => {
    if (cancelled) throw new CancelledError('The run was cancelled.');
    const runId = `scorer-${++endpointCalls}`;
    inFlight.add(runId);
    try {
      return await fn(runId);
    } finally {
      inFlight.delete(runId);
    }
  };
  let loaded: Promise<LmInfo> | null = null;
  const info = (): Promise<LmInfo> =>
    (loaded ??= service.lmInfo(modelId).then((found) => {
      if (!found) throw new ModelLoadError(`language model '${modelId}' is not loaded; call lmLoad first`);
      return found;
    }));
  const endpoint: LmScorerEndpoint = {
    async info() {
      const { id, kind, maxLength } = await info();
      return { id, kind, ...(maxLength !== undefined ? { maxLength } : {}) };
    },
    tokenLogProbs: (texts, opts, onProgress) => call((runId) => service.lmTokenLogProbs(modelId, [...texts], { ...opts, runId }, onProgress)),
    continuationLogProbs: (pairs, opts, onProgress) => call((runId) => service.lmContinuationLogProbs(modelId, [...pairs], { ...opts, runId }, onProgress)),
    pseudoLogLikelihood: (texts, opts, onProgress) => call((runId) => service.lmPseudoLogLikelihood(modelId, [...texts], { ...opts, runId }, onProgress)),
    hiddenStates: (texts, opts, onProgress) => call((runId) => service.lmHiddenStates(modelId, [...texts], { ...opts, runId }, onProgress)),
    generate: (prompt, opts) =>
      call(async (runId) => {
        const { maxLength } = await info();
        let maxNewTokens = opts.maxNewTokens;
        if (maxLength !== undefined) {
          const room = maxLength - (await service.lmTokenize(modelId, prompt)).ids.length - 1;
          if (room < 1) throw new InvalidLmInputError(`the prompt fills the model's context (${maxLength} tokens); no room for an answer`);
          maxNewTokens = Math.min(maxNewTokens, room);
        }
        return service.lmGenerate(modelId, prompt, { ...opts, maxNewTokens, runId });
      }),
  };
  return {
    endpoint,
    cancel() {
      cancelled = true;
      for (const runId of inFlight) void service.lmCancel(runId);
    },
  };
}
