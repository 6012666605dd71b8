// The typed boundary between the page and the scoring worker (src/worker/scoring.worker.ts).
// Statistics never run on the page: the worker builds the association inputs (through an
// embedder the page proxies to the model worker) and runs the seeded core. LM probes reach the
// model worker directly, over a port of their own (src/worker/scorerChannels.ts). The page cancels
// a run by terminating this worker (client.ts recreates it lazily), so no cooperative flag is
// needed inside the permutation loops.
import type { ProxyMarked } from 'comlink';
import type { AssociationOptions, AssociationResult } from '../core/association/types';
import type { AssociationProbe } from '../probes/schema';
import type { LmRunOptions, LmRunResult } from '../core/lmRun';
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
   * Run LM probes (src/core/lmRun runLmProbeBatch) with the scorer served on `scorerPort` (a
   * transferred MessagePort whose other end the model worker holds: LmScorerEndpoint).
   * @throws UnsupportedModelError, InvalidLmInputError, InvalidOptionError … as named errors
   */
  runLmBatch(probes: LmProbe[], options: LmRunOptions, scorerPort: MessagePort, onProgress: ((p: RunProgress) => void) & ProxyMarked): Promise<LmRunResult[]>;
}
