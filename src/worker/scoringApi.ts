// The scoring worker's implementation as a plain object, so the same code runs in the worker
// (scoring.worker.ts exposes it with comlink) and in unit tests on the main thread/Node. Errors
// keep their class names (literal in src/core/errors.ts) and cross as {name, message}.
import * as Comlink from 'comlink';
import { buildAssociationInput, runAssociationBatch } from '../core/association';
import type { AssociationInput, BatchProgress } from '../core/association/types';
import { InvalidLmInputError } from '../core/errors';
import { runLmProbeBatch, type LanguageModelScorer, type LmBatchProgress, type LmProbeDefinition, type ScorerCallOptions, type ScorerGenerateOptions } from '../core/lmRun';
import type { RunProgress, ScoringWorkerApi } from './scoringProtocol';

type RunArgs = Parameters<ScoringWorkerApi['runBatch']>;
type LmArgs = Parameters<ScoringWorkerApi['runLmBatch']>;

/**
 * The orchestration's LanguageModelScorer over the proxied LM. `tokenize` is synchronous in the
 * scorer interface and cannot cross a thread, so generation is fitted into the model's context here
 * (same rule and message as src/core/lmRun generateOptions: room = maxLength − prompt tokens − 1).
 */
export function proxyScorer(info: LmArgs[2], lm: LmArgs[3]): LanguageModelScorer {
  // Within-call progress goes back across the thread boundary as a proxied callback.
  const progress = (o?: ScorerCallOptions) => (o?.onProgress ? Comlink.proxy(o.onProgress) : undefined);
  return {
    info,
    tokenLogProbs: (texts, o) => lm.tokenLogProbs([...texts], o?.batchSize, progress(o)),
    continuationLogProbs: (pairs, o) =>
      lm.continuationLogProbs(
        pairs.map((p) => ({ prefix: p.prefix, continuation: p.continuation })),
        o?.batchSize,
        progress(o),
      ),
    pseudoLogLikelihood: (texts, o) => lm.pseudoLogLikelihood([...texts], o?.batchSize, progress(o)),
    generate: async (prompt: string, o: ScorerGenerateOptions) => {
      const { signal: _s, onProgress: _p, ...rest } = o; // neither can cross the thread boundary as is
      let maxNewTokens = rest.maxNewTokens;
      if (info.maxLength !== undefined) {
        const room = info.maxLength - (await lm.tokenize(prompt)).ids.length - 1;
        if (room < 1) throw new InvalidLmInputError(`the prompt fills the model's context (${info.maxLength} tokens); no room for an answer`);
        maxNewTokens = Math.min(maxNewTokens, room);
      }
      return lm.generate(prompt, { ...rest, maxNewTokens });
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
  async function runLm(...[probes, options, info, lm, onProgress]: LmArgs) {
    let last = -Infinity;
    const results = await runLmProbeBatch(probes as unknown as LmProbeDefinition[], proxyScorer(info, lm), options, {
      onProgress: (p: LmBatchProgress) => {
        const t = now();
        if (p.done < p.total && t - last < 50) return;
        last = t;
        onProgress({ stage: 'lm', step: p.stage, done: p.done, total: p.total, test: p.index + 1, tests: p.probes });
      },
    });
    onProgress({ stage: 'finishing' });
    return results;
  }
  return { runBatch: run, runLmBatch: runLm };
}
