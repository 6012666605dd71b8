// A language model's hidden states as an Embedder: each word (or text) becomes the model's last
// hidden layer mean-pooled over its tokens (LanguageModelScorer.hiddenStates), so the word-vector
// code path — lookup, core's representation probe — runs unchanged on an LM. Nothing is out of
// vocabulary for a tokenizer, so every word gets a vector. A model whose export has no hidden-state
// output is refused before any work, with what to pick instead.
import type { Embedder } from '../../../core/embeddings/embedder';
import { InvalidVectorError, UnsupportedModelError } from '../../../core/errors';
import type { CallProgress, LanguageModelScorer, ScorerCallOptions } from '../../../core/lmRun/scorer';

export interface HiddenStateCalls {
  /** Sequences per forward pass. */
  batchSize: number;
  signal?: AbortSignal;
  /** Texts done of the call's texts. */
  onProgress?: (p: CallProgress) => void;
}

export function hiddenStateEmbedder(scorer: LanguageModelScorer, what: string, calls: HiddenStateCalls): Embedder {
  const op = scorer.hiddenStates;
  if (typeof op !== 'function') {
    const model = scorer.info?.id ? `"${scorer.info.id}"` : 'this model';
    throw new UnsupportedModelError(
      `${what} reads the model's hidden states; ${model} does not offer them. Pick a model whose export outputs them (a feature-extraction export, e.g. Xenova/all-MiniLM-L6-v2).`,
    );
  }
  const options: ScorerCallOptions = { batchSize: calls.batchSize, ...(calls.signal ? { signal: calls.signal } : {}), ...(calls.onProgress ? { onProgress: calls.onProgress } : {}) };
  return {
    kind: 'sentence-encoder',
    async embedWords(words) {
      if (words.length === 0) return [];
      const vectors = await op.call(scorer, words, options);
      if (vectors.length !== words.length) throw new InvalidVectorError(`the model returned ${vectors.length} hidden-state vectors for ${words.length} texts`);
      return [...vectors];
    },
  };
}
