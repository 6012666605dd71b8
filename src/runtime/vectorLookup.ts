// Word lookup shared by every word-embedding model (embedded ONNX table or user vectors in JS):
// exact match first, then lower-case; OOV → null. Sentence embeddings for SEAT with word vectors
// are the mean of the in-vocabulary token vectors (core's meanPoolSentence). Subclasses only say
// how to fetch rows.
import type { LoadedModelInfo, WordEmbeddingModel } from './types';
import { meanPoolSentence, tokenizeSentence } from '../core/embeddings/meanPoolSentence';

export abstract class VectorLookupModel implements WordEmbeddingModel {
  protected constructor(
    public readonly info: LoadedModelInfo,
    protected readonly vocab: ReadonlyMap<string, number>,
  ) {}

  /** Rows `rows` (all valid, unique) as one row-major Float32Array of rows.length × dims. */
  protected abstract fetchRows(rows: readonly number[]): Promise<Float32Array>;

  abstract dispose(): Promise<void>;

  /** Row of a word: exact, then lower-case; undefined when out of vocabulary. */
  rowOf(word: string): number | undefined {
    return this.vocab.get(word) ?? this.vocab.get(word.toLowerCase());
  }

  has(words: readonly string[]): boolean[] {
    return words.map((w) => this.rowOf(w) !== undefined);
  }

  /**
   * One vector per word (null = OOV), all views into ONE fresh ArrayBuffer so a worker can
   * transfer it in one go. Looks rows up in a single batch (one session.run for ONNX models).
   */
  async embedWords(words: readonly string[]): Promise<(Float32Array | null)[]> {
    const dims = this.info.dims;
    const rowOfWord = words.map((w) => this.rowOf(w));
    const unique = [...new Set(rowOfWord.filter((r): r is number => r !== undefined))];
    const found = rowOfWord.filter((r) => r !== undefined).length;
    const out = new Float32Array(found * dims);
    if (unique.length === 0) return words.map(() => null);
    const fetched = await this.fetchRows(unique);
    const pos = new Map(unique.map((r, i) => [r, i]));
    let k = 0;
    return rowOfWord.map((r) => {
      if (r === undefined) return null;
      const src = pos.get(r)! * dims;
      const view = out.subarray(k * dims, (k + 1) * dims);
      view.set(fetched.subarray(src, src + dims));
      k++;
      return view;
    });
  }

  /**
   * Mean of the in-vocabulary token vectors of each sentence; null when no token is known.
   * Tokenisation and pooling are src/core/embeddings/meanPoolSentence.ts (the one implementation
   * the scoring core also uses); here only the lookups are batched into one embedWords call.
   */
  async embedSentences(sentences: readonly string[]): Promise<(Float32Array | null)[]> {
    const dims = this.info.dims;
    const tokens = [...new Set(sentences.flatMap((s) => tokenizeSentence(s)))];
    const vecs = await this.embedWords(tokens);
    const byToken = new Map(tokens.map((t, i) => [t, vecs[i]]));
    const pooled = sentences.map((s) => meanPoolSentence(s, (t) => byToken.get(t)).vector);
    // Copy into one buffer so the worker can transfer all vectors at once.
    const out = new Float32Array(pooled.filter(Boolean).length * dims);
    let k = 0;
    return pooled.map((v) => {
      if (!v) return null;
      const view = out.subarray(k * dims, (k + 1) * dims);
      view.set(v);
      k++;
      return view;
    });
  }
}
