// Shapes shared by every model the runtime loads and by the worker protocol that carries them to
// the page. Kept free of onnxruntime-web / transformers.js imports so that type-only imports from
// src/worker/modelProtocol.ts (and, through it, the UI's client) pull in no runtime code. Backend
// and device words are the one vocabulary of src/core/backends.ts.
import type { Backend, BrowserDeviceChoice } from '../core/backends';

export type { Backend };

/** What a model computes. Word-embedding now; the LM runtime adds the LM kinds. */
export type ModelKind = 'word-embedding' | 'causal-lm' | 'masked-lm';

/** What the user asked for; 'auto' tries WebGPU when an adapter exists, then WASM. */
export type DevicePreference = BrowserDeviceChoice;

/**
 * Load progress, one tagged union (modelled on transformers.js `ProgressInfo`).
 * `name` is the model id; `file` the asset being fetched/read/parsed.
 * - initiate: a file is about to be fetched/read
 * - download: bytes started to arrive (total may be unknown → undefined)
 * - progress: `loaded` of `total` bytes; `progress` in [0, 100] when total is known
 * - done:     the file is complete
 * - ready:    the model is usable; carries the backend actually chosen
 */
export type ModelProgress =
  | { status: 'initiate'; name: string; file: string }
  | { status: 'download'; name: string; file: string; total?: number }
  | { status: 'progress'; name: string; file: string; loaded: number; total?: number; progress?: number }
  | { status: 'done'; name: string; file: string }
  | { status: 'ready'; name: string; backend: Backend; fallbackReason?: string };

export type ProgressCallback = (p: ModelProgress) => void;

/** What the page learns about a loaded model. */
export interface LoadedModelInfo {
  id: string;
  kind: ModelKind;
  title: string;
  backend: Backend;
  /** Set when the preferred device (WebGPU) was tried and not used: why. */
  fallbackReason?: string;
  dims: number;
  vocabularySize: number;
  /** sha256 over the asset files (embedded models) or of the user's file (user vectors). */
  assetSha256: string;
  /** Storage type of the weights: 'q13' (13-bit unit vectors × float32 norms) for embedded GloVe, 'float32' for user vectors. */
  dtype: string;
  /** The numeric precision the vectors have, in words (the run record's model.precision). */
  precision?: string;
  /** Probe words the embedded asset lacks (GloVe build report), when known. */
  missingProbeWords?: string[];
  /** Round-trip fidelity of quantised tables, when known. */
  fidelity?: { minCosine: number; meanCosine: number };
  /** For user vectors: duplicate words skipped (first occurrence kept). */
  duplicates?: number;
}

/**
 * Every word-embedding model, embedded (ONNX) or user-supplied (plain JS), has this shape.
 * Lookup: exact match first, then lower-case; null means out of vocabulary.
 */
export interface WordEmbeddingModel {
  readonly info: LoadedModelInfo;
  embedWords(words: readonly string[]): Promise<(Float32Array | null)[]>;
  has(words: readonly string[]): boolean[];
  /** Mean of the in-vocabulary word vectors of each sentence (SEAT with word vectors); null when none. */
  embedSentences(sentences: readonly string[]): Promise<(Float32Array | null)[]>;
  dispose(): Promise<void>;
}
