// The scoring worker's implementation as a plain object, so the same code runs in the worker
// (scoring.worker.ts exposes it with comlink) and in unit tests on the main thread/Node. Errors
// keep their class names (literal in src/core/errors.ts) and cross as {name, message}.
import * as Comlink from 'comlink';
import { buildAssociationInput, runAssociationBatch } from '../core/association';
import type { AssociationInput, BatchProgress } from '../core/association/types';
import { runLmProbeBatch, type LanguageModelScorer, type LmBatchProgress, type LmProbeDefinition, type ScorerCallOptions } from '../core/lmRun';
import type { LmScorerEndpoint, PostedCallOptions, ScorerInfo } from '../runtime/lm/service';
import type { RunProgress, ScoringWorkerApi } from './scoringProtocol';

type RunArgs = Parameters<ScoringWorkerApi['runBatch']>;
type LmArgs = Parameters<ScoringWorkerApi['runLmBatch']>;

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
    generate: (prompt, o) => {
      const { signal: _s, onProgress: _p, ...settings } = o;
      return endpoint.generate(prompt, settings);
    },
  };
}

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
  async function runLm(...[probes, options, scorerPort, onProgress]: LmArgs) {
    const endpoint = Comlink.wrap<LmScorerEndpoint>(scorerPort);
    try {
      let last = -Infinity;
      const results = await runLmProbeBatch(probes as unknown as LmProbeDefinition[], endpointScorer(await endpoint.info(), endpoint), options, {
        onProgress: (p: LmBatchProgress) => {
          const t = now();
          if (p.done < p.total && t - last < 50) return;
          last = t;
          onProgress({ stage: 'lm', step: p.stage, done: p.done, total: p.total, test: p.index + 1, tests: p.probes });
        },
      });
      onProgress({ stage: 'finishing' });
      return results;
    } finally {
      scorerPort.close();
    }
  }
  return { runBatch: run, runLmBatch: runLm };
}
