// The typed boundary between the page and the scoring worker (src/worker/scoring.worker.ts).
// Statistics never run on the page: the worker builds the association inputs (through an
// embedder the page proxies to the model worker) and runs the seeded core. The page cancels a
// run by terminating this worker (client.ts recreates it lazily), so no cooperative flag is
// needed inside the permutation loops.
import type { ProxyMarked } from 'comlink';
import type { AssociationOptions, AssociationResult } from '../core/association/types';
import type { AssociationProbe } from '../probes/schema';
import type { LmRunOptions, LmRunResult, ScoredContinuation, ScoredPll, ScoredTokens } from '../core/lmRun';
import type { LmProbe } from '../probes/lmSchema';

/** What the scoring worker needs from a model: vectors for words (and sentences, for SEAT). */
export interface ScoringEmbedder {
  embedWords(words: string[]): Promise<(Float32Array | null)[]>;
  embedSentences(sentences: string[]): Promise<(Float32Array | null)[]>;
}

/**
 * Progress of one run, one tagged union. `test`/`tests` say which probe of a batch is computing
 * (1-based) so the page can write "test 3 / 10 · permutations 40,000 / 100,000".
 */
export type RunProgress =
  | { stage: 'loading-model'; modelId: string; loaded?: number; total?: number }
  | { stage: 'embedding'; unit: 'words' | 'sentences'; count: number }
  | { stage: 'permutations' | 'bootstrap'; done: number; total: number; test: number; tests: number }
  | { stage: 'finishing' }
  /** LM probes: scoring/generation calls, then the statistics, of probe `test` of `tests`. */
  | { stage: 'lm'; step: 'score' | 'generate' | 'analyze'; done: number; total: number; test: number; tests: number };

/**
 * What the scoring worker needs from a language model (the page forwards each call to the model
 * worker's LM service). Only plain data and proxied progress callbacks cross: no AbortSignal (the page
 * cancels by runId).
 */
export interface ScoringLanguageModel {
  tokenize(text: string): Promise<{ ids: number[] }>;
  tokenLogProbs(texts: string[], batchSize?: number, onProgress?: CallProgress): Promise<ScoredTokens[]>;
  continuationLogProbs(pairs: { prefix: string; continuation: string }[], batchSize?: number, onProgress?: CallProgress): Promise<ScoredContinuation[]>;
  pseudoLogLikelihood(texts: string[], batchSize?: number, onProgress?: CallProgress): Promise<ScoredPll[]>;
  generate(prompt: string, opts: GenerateRequest): Promise<{ text: string; chatTemplate?: boolean }>;
}

/** Progress inside one scoring call (the model worker reports after each forward pass), proxied back to the scoring worker. */
export type CallProgress = ((p: { done: number; total: number }) => void) & ProxyMarked;

export type GenerateRequest = { maxNewTokens: number; stopAtEos?: boolean; batchSize?: number; chat?: boolean } & (
  | { greedy: true }
  | { greedy?: false; temperature: number; topK?: number; seed: number }
);

/** The loaded LM as the orchestration sees it (src/core/lmRun LanguageModelScorer.info). */
export interface ScoringLmInfo {
  id: string;
  kind: 'causal-lm' | 'masked-lm';
  maxLength?: number;
}

export interface ScoringWorkerApi {
  /**
   * Embed every probe's stimuli through `embedder`, run the association test on each (sharing
   * `options`, including the seed) and adjust p-values across the batch (Holm, BH).
   * @throws InvalidWordSetError, AllOutOfVocabularyError, InvalidOptionError … as named errors
   */
  runBatch(
    probes: AssociationProbe[],
    options: AssociationOptions,
    embedder: ScoringEmbedder & ProxyMarked,
    onProgress: ((p: RunProgress) => void) & ProxyMarked,
  ): Promise<AssociationResult[]>;
  /**
   * Run LM probes (src/core/lmRun runLmProbeBatch) with a scorer that proxies to `lm`.
   * @throws UnsupportedModelError, InvalidLmInputError, InvalidOptionError … as named errors
   */
  runLmBatch(
    probes: LmProbe[],
    options: LmRunOptions,
    info: ScoringLmInfo,
    lm: ScoringLanguageModel & ProxyMarked,
    onProgress: ((p: RunProgress) => void) & ProxyMarked,
  ): Promise<LmRunResult[]>;
}
