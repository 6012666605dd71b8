// The scoring worker's implementation as a plain object, so the same code runs in the worker
// (scoring.worker.ts exposes it with comlink) and in unit tests on the main thread/Node. Errors
// keep their class names (literal in src/core/errors.ts) and cross as {name, message}.
import { buildAssociationInput, runAssociationBatch } from '../core/association';
import type { AssociationInput, BatchProgress } from '../core/association/types';
import type { RunProgress, ScoringWorkerApi } from './scoringProtocol';

type RunArgs = Parameters<ScoringWorkerApi['runBatch']>;

/** @param now clock for progress throttling (injected for tests) */
export function createScoringApi(now: () => number = () => performance.now()): ScoringWorkerApi {
  async function run(...[probes, options, embedder, onProgress]: RunArgs) {
    const inputs: AssociationInput[] = [];
    for (const probe of probes) {
      const counting = {
        kind: 'word-vectors' as const,
        embedWords: async (words: string[]) => {
          onProgress({ stage: 'embedding', unit: 'words', count: words.length });
          return embedder.embedWords(words);
        },
        embedSentences: async (sentences: string[]) => {
          onProgress({ stage: 'embedding', unit: 'sentences', count: sentences.length });
          return embedder.embedSentences(sentences);
        },
      };
      inputs.push(await buildAssociationInput(probe, counting));
    }
    // Throttle progress messages: at most ~20 per second cross the thread boundary (the last one
    // of each stage always goes through).
    let last = -Infinity;
    const results = runAssociationBatch(inputs, options, (p: BatchProgress) => {
      const t = now();
      if (p.done < p.total && t - last < 50) return;
      last = t;
      const msg: RunProgress = { stage: p.stage, done: p.done, total: p.total, test: p.index + 1, tests: p.tests };
      onProgress(msg);
    });
    onProgress({ stage: 'finishing' });
    return results;
  }
  return { runBatch: run };
}
