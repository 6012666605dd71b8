// The typed boundary between the page and the model worker (src/worker/model.worker.ts).
// One interface, `ModelWorkerApi`, is exposed with comlink; the page holds `Remote<ModelWorkerApi>`
// (src/worker/client.ts). Payloads are tied to their method by the interface — no untyped
// `postMessage({status})` and no `as` casts on the receiving side.
//
// Errors: comlink's default throw handler keeps only {name, message, stack} on a plain Error, so
// `instanceof ModelLoadError` fails on the page. `registerErrorTransfer(Comlink)` replaces it with
// one that sends {name, message} (toErrorInfo) and rebuilds the named class (fromErrorInfo). BOTH
// sides must call it once (the worker does so at start-up; client.ts must do it before wrap()).
//
// Progress: pass a callback wrapped in `Comlink.proxy(fn)`; it receives `ModelProgress` events.
// Vectors come back as Float32Arrays sharing one transferred ArrayBuffer per call (views into it).
import type * as ComlinkNs from 'comlink';
import { fromErrorInfo, toErrorInfo, type ErrorInfo } from '../core/errors';
import type {
  Backend,
  DevicePreference,
  LoadedModelInfo,
  ModelKind,
  ModelProgress,
  ProgressCallback,
} from '../runtime/types';

export type { Backend, DevicePreference, LoadedModelInfo, ModelKind, ModelProgress, ProgressCallback };

export interface LoadPrefs {
  device: DevicePreference;
}

export interface ModelWorkerApi {
  /**
   * Load a registry model (e.g. 'glove-6b-100d'). Memoised per id: concurrent and repeated calls
   * share one load promise; a failed load is forgotten so it can be retried.
   * @throws ModelLoadError (missing/corrupt file), UnsupportedModelError (unknown id or kind)
   */
  load(modelId: string, prefs: LoadPrefs, onProgress?: ProgressCallback): Promise<LoadedModelInfo>;
  /**
   * Parse a word2vec/GloVe text file in the worker (streamed, with byte progress) and register it
   * under id `user:<name>`. Replaces an earlier user model of the same name.
   * @throws ParseError with a 1-based line number
   */
  loadUserVectors(file: Blob, name: string, onProgress?: ProgressCallback): Promise<LoadedModelInfo>;
  /** One vector per word (exact match, then lower-case), null = out of vocabulary. */
  embedWords(modelId: string, words: string[]): Promise<(Float32Array | null)[]>;
  /**
   * Word-vector sentence embedding: mean of the vectors of the sentence's in-vocabulary tokens
   * (lower-cased, punctuation split off as GloVe tokenises it). null when no token is known.
   */
  embedSentences(modelId: string, sentences: string[]): Promise<(Float32Array | null)[]>;
  /** true where embedWords would return a vector; cheap, for live OOV marking while typing. */
  vocabularyCheck(modelId: string, words: string[]): Promise<boolean[]>;
  /** Models currently loaded in this worker. */
  loaded(): Promise<LoadedModelInfo[]>;
  /** Free a model's session and tables. */
  unload(modelId: string): Promise<void>;
}

type SerializedThrown = { isError: true; value: ErrorInfo } | { isError: false; value: unknown };

/**
 * Make thrown errors cross the boundary as {name, message} and arrive as the named class from
 * src/core/errors.ts. Call with the comlink module on both sides: `registerErrorTransfer(Comlink)`.
 */
export function registerErrorTransfer(comlink: typeof ComlinkNs): void {
  const handler: ComlinkNs.TransferHandler<{ value: unknown }, SerializedThrown> = {
    canHandle: (value: unknown): value is { value: unknown } =>
      // Same test as comlink's built-in handler: it marks thrown values with a symbol.
      typeof value === 'object' && value !== null && Object.getOwnPropertySymbols(value).some((s) => s.description === 'Comlink.thrown'),
    serialize: ({ value }) => [
      value instanceof Error ? { isError: true, value: toErrorInfo(value) } : { isError: false, value },
      [],
    ],
    deserialize: (serialized) => {
      if (serialized.isError) throw fromErrorInfo(serialized.value);
      throw serialized.value;
    },
  };
  comlink.transferHandlers.set('throw', handler as ComlinkNs.TransferHandler<unknown, unknown>);
}

// Language models: the same worker also exposes the LM methods of src/runtime/lm/service.ts.
// Wrap with `Comlink.wrap<ModelWorkerApi & LmWorkerApi>(worker)` to reach them.
export type { LmWorkerApi, LmLoadPrefs, LmRunOpts, LmGenerateOpts } from '../runtime/lm/service';
export type * from '../runtime/lm/types';
