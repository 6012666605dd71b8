// The typed boundary between the page and the scoring worker (src/worker/scoring.worker.ts).
// Statistics never run on the page: the worker runs the seeded core on the model the model worker
// serves it directly, over a port of each run's own (src/worker/modelChannels.ts). The page cancels
// a run by terminating this worker (client.ts recreates it lazily), so no cooperative flag is
// needed inside the permutation loops.
import type { ProxyMarked } from 'comlink';
import type { LmRunOptions } from '../core/lmRun';
import type { RunResult } from '../core/runRecord';
import type { AnyProbe } from '../probes/lmSchema';

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
  | { stage: 'lm'; step: 'score' | 'generate' | 'analyze'; done: number; total: number; test: number; tests: number }
  /** Class-lab probes (no model): epochs trained, with the loss curve so far, or hypotheses sampled. */
  | { stage: 'lab'; step: 'training' | 'sampling'; done: number; total: number; test: number; tests: number; lossCurve?: readonly { epoch: number; trainLoss: number }[] };

export interface ScoringWorkerApi {
  /**
   * Run a batch of probes (any families) on the model served on `modelPort`, a transferred
   * MessagePort whose other end the model worker holds (src/worker/modelChannels.ts), or on no model
   * (null: the class lab's families, which build their own networks), sharing
   * `options` (including the seed); word-vector p-values are adjusted across the batch (Holm, BH).
   * @throws InvalidWordSetError, AllOutOfVocabularyError, UnsupportedModelError, InvalidLmInputError,
   *   InvalidOptionError … as named errors
   */
  run(probes: AnyProbe[], options: LmRunOptions, modelPort: MessagePort | null, onProgress: ((p: RunProgress) => void) & ProxyMarked): Promise<RunResult[]>;
}
