// The scoring worker's implementation as a plain object, so the same code runs in the worker
// (scoring.worker.ts exposes it with comlink) and in unit tests on the main thread/Node. Each run
// reaches its model over the port the page hands it (the model worker holds the other end; no port
// for the class lab's families, which load no model), asks
// what the port serves, and runs the batch through the one run path (src/probes/runProbes.ts), which
// hands each probe to its family. Errors keep their class names (literal in src/core/errors.ts) and
// cross as {name, message}.
import * as Comlink from 'comlink';
import type { Embedder } from '../core/embeddings/embedder';
import type { LanguageModelScorer, ScorerCallOptions } from '../core/lmRun';
import type { LmScorerEndpoint, PostedCallOptions, ScorerInfo } from '../runtime/lm/service';
import type { LmEndpoint, ModelEndpoint, VectorsEndpoint } from './modelChannels';
import { runProbes, type BatchRunProgress, type RunProbesContext } from '../probes/runProbes';
import type { RunProgress, ScoringWorkerApi } from './scoringProtocol';

/**
 * The orchestration's LanguageModelScorer over the model worker's endpoint: the same operations,
 * with the options that can be posted and the in-call progress as a proxied callback. No signal
 * crosses (the page cancels by terminating this worker and closing the channel), and generation is
 * fitted into the model's context on the endpoint, where tokenizing needs no round trip.
 */
export function endpointScorer(info: ScorerInfo, endpoint: Comlink.Remote<LmScorerEndpoint>): LanguageModelScorer {
  const posted = (o?: ScorerCallOptions): PostedCallOptions => (o?.batchSize !== undefined ? { batchSize: o.batchSize } : {});
  const progress = (o?: ScorerCallOptions) => (o?.onProgress ? Comlink.proxy(o.onProgress) : undefined);
  return {
    info,
    tokenLogProbs: (texts, o) => endpoint.tokenLogProbs(texts, posted(o), progress(o)),
    continuationLogProbs: (pairs, o) => endpoint.continuationLogProbs(pairs, posted(o), progress(o)),
    pseudoLogLikelihood: (texts, o) => endpoint.pseudoLogLikelihood(texts, posted(o), progress(o)),
    hiddenStates: (texts, o) => endpoint.hiddenStates(texts, posted(o), progress(o)),
    generate: (prompt, o) => {
      const { signal: _s, onProgress: _p, ...settings } = o;
      return endpoint.generate(prompt, settings);
    },
  };
}

/** Word vectors over the endpoint, reporting what is being embedded (the page shows it). */
const endpointEmbedder = (endpoint: Comlink.Remote<VectorsEndpoint>, onProgress: (p: RunProgress) => void): Embedder => ({
  kind: 'word-vectors',
  embedWords: async (words) => {
    onProgress({ stage: 'embedding', unit: 'words', count: words.length });
    return endpoint.embedWords(words);
  },
  embedSentences: async (sentences) => {
    onProgress({ stage: 'embedding', unit: 'sentences', count: sentences.length });
    return endpoint.embedSentences(sentences);
  },
});

/** @param now clock for progress throttling (injected for tests) */
export function createScoringApi(now: () => number = () => performance.now()): ScoringWorkerApi {
  return {
    async run(probes, options, modelPort, onProgress) {
      // At most ~20 progress messages per second cross to the page (the last of each stage always does).
      let last = -Infinity;
      const throttled = (p: RunProgress) => {
        if ('done' in p) {
          const t = now();
          if (p.done < p.total && t - last < 50) return;
          last = t;
        }
        onProgress(p);
      };
      if (!modelPort) {
        // No model (the class lab): the families report 'training' (with the loss curve so far) or 'sampling'.
        const toPage = (p: BatchRunProgress): RunProgress => ({
          stage: 'lab',
          step: p.stage === 'training' ? 'training' : 'sampling',
          done: p.done,
          total: p.total,
          test: p.index + 1,
          tests: p.probes,
          ...(p.lossCurve ? { lossCurve: p.lossCurve } : {}),
        });
        const results = await runProbes(probes, { options, onProgress: (p) => throttled(toPage(p)) });
        onProgress({ stage: 'finishing' });
        return results;
      }
      const endpoint = Comlink.wrap<ModelEndpoint>(modelPort);
      try {
        const served = await endpoint.describe();
        // describe() says which endpoint the port serves; the casts only name it. The page's progress
        // names an LM run's steps under the 'lm' stage and a word-vector run's stages as they are.
        const model: Pick<RunProbesContext, 'embedder' | 'scorer'> =
          served.modality === 'lm'
            ? { scorer: endpointScorer(served.info, endpoint as unknown as Comlink.Remote<LmEndpoint>) }
            : { embedder: endpointEmbedder(endpoint as unknown as Comlink.Remote<VectorsEndpoint>, onProgress) };
        const toPage = (p: BatchRunProgress): RunProgress => {
          const where = { done: p.done, total: p.total, test: p.index + 1, tests: p.probes };
          return served.modality === 'lm' ? { stage: 'lm', step: p.stage as 'score' | 'generate' | 'analyze', ...where } : { stage: p.stage as 'permutations' | 'bootstrap', ...where };
        };
        const results = await runProbes(probes, { ...model, options, onProgress: (p) => throttled(toPage(p)) });
        onProgress({ stage: 'finishing' });
        return results;
      } finally {
        modelPort.close();
      }
    },
  };
}
