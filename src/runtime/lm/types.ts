// Shapes of the language-model runtime: what a loaded causal or masked LM offers, what its
// operations return, and load progress. The operations' options, generation settings and in-call
// progress are the core's (src/core/lmRun/scorer.ts) with the runtime's switches added, so the
// loaded model is a LanguageModelScorer as it stands. Free of onnxruntime / transformers.js imports
// so the worker protocol and the UI can import these types without pulling in runtime code.
import type { CallProgress, GenerationSettings, ScorerCallOptions } from '../../core/lmRun/scorer';
import type { Backend, DeviceChoice } from '../../core/backends';
import type { ModelProgress } from '../types';

export type LmKind = 'causal-lm' | 'masked-lm';

/** Backend that actually ran (core/backends.ts): 'node' is onnxruntime-node (Node only); 'wasm' in Node is onnxruntime-web's WASM build. */
export type LmBackend = Exclude<Backend, 'js'>;

/** What the caller asks for. 'auto': WebGPU when an adapter exists (browser), else WASM; onnxruntime-node in Node. */
export type LmDevicePreference = DeviceChoice;

/** Weight formats, by transformers.js file suffix: "" fp32, _fp16, _quantized (q8), _q4, _q4f16. */
export const LM_DTYPES = Object.freeze(['fp32', 'fp16', 'q8', 'q4', 'q4f16'] as const);
export type LmDtype = (typeof LM_DTYPES)[number];

/** Where the model comes from. Every source goes through the same transformers.js code path. */
export type LmSource =
  /** Shipped with the app: /models/{id}/ in the browser, public/models/{id}/ on disk. */
  | { type: 'embedded'; id: string }
  /** A Hugging Face Hub repository (or a mirror at `remoteHost`). */
  | { type: 'hub'; id: string; remoteHost?: string; revision?: string }
  /** Browser: files the user picked from a directory (paths relative to the model folder). */
  | { type: 'files'; name: string; files: ReadonlyArray<{ path: string; file: Blob }> }
  /** Node: a model folder on disk. */
  | { type: 'path'; path: string };

/** Load progress: the project's ModelProgress union, with the LM backend on `ready`. */
export type LmLoadProgress =
  | Exclude<ModelProgress, { status: 'ready' }>
  | { status: 'ready'; name: string; backend: LmBackend; dtype: LmDtype; fallbackReason?: string };

/**
 * What a forward pass reports: the core's CallProgress (`done` of `total` sequences, masked variants
 * or new tokens), with the operation it belongs to. Callers that take a CallProgress accept it.
 */
export type LmPassProgress = CallProgress & { stage: 'tokenize' | 'score' | 'pseudo-log-likelihood' | 'embed' | 'generate' };

export interface LmInfo {
  /** The id the model was asked for (embedded/hub id, folder name or path). */
  id: string;
  source: LmSource['type'];
  kind: LmKind;
  /** config.json model_type, e.g. 'gpt2', 'bert'. */
  modelType: string;
  backend: LmBackend;
  /** Why the preferred device was not used (no adapter, op unsupported on WebGPU, no shader-f16…). */
  fallbackReason?: string;
  dtype: LmDtype;
  /** Dtypes whose ONNX files the source offers (as far as could be determined). */
  availableDtypes: LmDtype[];
  /** sha256 (hex) of each ONNX file that was loaded (the graph first, then its external data), keyed by path inside the model folder. */
  sha256: Record<string, string>;
  /** sha256 (hex) of every file the load read — config, tokenizer files, ONNX graph and external data — by path. */
  fileSha256?: Record<string, string>;
  /**
   * 'one-sequence-per-pass': the graph's numbers for a sequence depend on what else is in its pass
   * (dynamically quantised q8), so every sequence ran alone, unpadded, without KV-cache sharing.
   * Absent: sequences were batched (and shared prefixes through the KV cache), which does not move them.
   */
  passes?: 'one-sequence-per-pass';
  /** Hub sources: the commit sha the files came from, when the host said (X-Repo-Commit / the API's `sha`). */
  revision?: string;
  vocabularySize: number;
  /** Longest sequence the model accepts (position embeddings), when the config says. */
  maxLength?: number;
  /** Token used as scoring context before a text's first token (causal LMs), when the tokenizer has one. */
  bosToken?: string;
  /** Whether tokenizer_config.json has a chat template (prompt families send prompts through it; instruction models have one). */
  chatTemplate: boolean;
}

/** The core's call options (signal, sequences per pass, progress), with the runtime's own switches. */
export interface RunOptions extends Omit<ScorerCallOptions, 'onProgress'> {
  onProgress?: (p: LmPassProgress) => void;
  /** Sequences (or masked variants) per forward pass; default 8 (16 for PLL). */
  batchSize?: number;
  /**
   * Causal LMs whose export has a KV cache: run prefixes shared by several sequences once and
   * generate one token per step from the cache (default true). false = every sequence in full and
   * full recompute per generated token — the reference path, for checking and benchmarking.
   */
  kvCache?: boolean;
  /**
   * Exports with a `logits_logsumexp` output (the embedded tiny GPT-2): take each position's
   * log-normaliser from the graph, so a log-prob is logits[id] − logsumexp (default true). false =
   * float64 log-softmax over the scored logits row in JavaScript — what every other export gets; the
   * reference path, and the bench's naive baseline. Same numbers to ~1e-6 (the graph sums in float32).
   */
  graphLogSumExp?: boolean;
}

export interface CausalScoreOptions extends RunOptions {
  /**
   * Put the tokenizer's BOS (for GPT-2: `<|endoftext|>`) before each text so its first token gets a
   * log-prob too. 'auto' (default) = yes when the tokenizer has a BOS/EOS token and did not add one.
   */
  prependBos?: boolean | 'auto';
}

/**
 * Log-probs of a text under a causal LM. Every element of `tokens` is scored:
 * logProbs[i] = log p(ids[i] | context, ids[0..i-1]), read from the logits at the previous position.
 * `context` holds what was conditioned on but not scored: [BOS] when prepended, otherwise the
 * text's first token (which a causal LM cannot score without something before it).
 */
export interface TokenLogProbs {
  tokens: string[];
  ids: number[];
  logProbs: number[];
  /** Sum of logProbs (natural log). */
  total: number;
  context: { tokens: string[]; ids: number[] };
}

/**
 * Log-prob of `continuation` given `prefix`. Convention: prefix+continuation is tokenised as one
 * string; the tokens that lie wholly inside the prefix (their decoded text is a prefix of `prefix`)
 * are context; every later token is scored, including a token that straddles the boundary (e.g. a
 * BPE merge of the prefix's trailing space with the continuation's first word). `boundaryAligned`
 * says whether the context tokens decode to exactly `prefix`; when true and the prefix tokenises
 * the same on its own, total = total(prefix+continuation) − total(prefix).
 */
export interface ContinuationLogProb {
  total: number;
  perToken: Array<{ token: string; id: number; logProb: number }>;
  boundaryAligned: boolean;
  /** Number of context tokens (BOS included when prepended). */
  contextLength: number;
}

/**
 * Pseudo-log-likelihood (Salazar et al. 2020, "Masked Language Model Scoring"; the CrowS-Pairs
 * score of Nangia et al. 2020 masks the same way): each non-special token is masked in turn and
 * scored by log p(token | rest). Special tokens ([CLS], [SEP], …) are neither masked nor scored.
 */
export interface PseudoLogLikelihood {
  tokens: string[];
  ids: number[];
  logProbs: number[];
  total: number;
}

/** The core's generation settings (the one description of what to generate), run with RunOptions. */
export type GenerateOptions = RunOptions & GenerationSettings;

export interface GenerateResult {
  /** The generated continuation only (decoded). */
  text: string;
  tokens: string[];
  ids: number[];
  /** log p of each chosen token under the model (temperature 1, before top-k). */
  logProbs: number[];
  finishReason: 'eos' | 'length';
  /** Whether the prompt went through the tokenizer's chat template. */
  chatTemplate: boolean;
}

/** A loaded causal or masked LM. Operations are serialised per model and cancellable between batches. */
export interface LanguageModel {
  readonly info: LmInfo;
  tokenize(text: string): { tokens: string[]; ids: number[] };
  /** Causal LMs only. */
  tokenLogProbs(texts: readonly string[], opts?: CausalScoreOptions): Promise<TokenLogProbs[]>;
  /** Causal LMs only. */
  continuationLogProb(prefix: string, continuation: string, opts?: CausalScoreOptions): Promise<ContinuationLogProb>;
  /** Causal LMs only; batched version of continuationLogProb. */
  continuationLogProbs(
    pairs: ReadonlyArray<{ prefix: string; continuation: string }>,
    opts?: CausalScoreOptions,
  ): Promise<ContinuationLogProb[]>;
  /** Masked LMs only. */
  pseudoLogLikelihood(texts: readonly string[], opts?: RunOptions): Promise<PseudoLogLikelihood[]>;
  /**
   * One vector per text: the graph's `last_hidden_state` (the last layer) averaged over the text's
   * tokens under the attention mask, special tokens included (sentence-transformers' mean pooling).
   * Needs an export with that output (feature-extraction); others throw UnsupportedModelError.
   */
  hiddenStates(texts: readonly string[], opts?: RunOptions): Promise<Float32Array[]>;
  /** Causal LMs only. Greedy, or seeded temperature/top-k sampling done here (not in transformers.js). */
  generate(prompt: string, opts: GenerateOptions): Promise<GenerateResult>;
  dispose(): Promise<void>;
}
