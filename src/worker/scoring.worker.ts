// Scoring worker: a thin adapter that runs the pure, seeded association core off the page.
// Vectors arrive through the proxied embedder (the page forwards to the model worker), so this
// worker holds no model; the page terminates it to cancel a run.
import * as Comlink from 'comlink';
import { buildAssociationInput, runAssociationBatch } from '../core/association';
import type { AssociationInput, BatchProgress } from '../core/association/types';
import { registerErrorTransfer } from './modelProtocol';
import type { RunProgress, ScoringWorkerApi } from './scoringProtocol';

registerErrorTransfer(Comlink);

const api: ScoringWorkerApi = {
  async runBatch(probes, options, embedder, onProgress) {
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
    // Throttle progress messages: at most ~20 per second cross the thread boundary.
    let last = 0;
    const results = runAssociationBatch(inputs, options, (p: BatchProgress) => {
      const now = performance.now();
      if (p.done < p.total && now - last < 50) return;
      last = now;
      const msg: RunProgress = { stage: p.stage, done: p.done, total: p.total, test: p.index + 1, tests: p.tests };
      onProgress(msg);
    });
    onProgress({ stage: 'finishing' });
    return results;
  },
};

Comlink.expose(api);
