// Word lookup shared by every word-embedding model (embedded ONNX table or user vectors in JS):
// exact match first, then lower-case; OOV → null. Sentence embeddings for SEAT with word vectors
// are the mean of the in-vocabulary token vectors. Subclasses only say how to fetch rows.
import type { LoadedModelInfo, WordEmbeddingModel } from './types';
import { tokenizeForWordVectors } from './gloveTokenize';

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

  /** Tokens of a sentence as looked up: hyphenated OOV tokens fall back to their parts. */
  sentenceTokens(sentence: string): { known: string[]; unknown: string[] } {
    const known: string[] = [];
    const unknown: string[] = [];
    for (const t of tokenizeForWordVectors(sentence)) {
      if (this.rowOf(t) !== undefined) known.push(t);
      else if (t.includes('-') && t.split('-').every((p) => p === '' || this.rowOf(p) !== undefined)) known.push(...t.split('-').filter(Boolean));
      else unknown.push(t);
    }
    return { known, unknown };
  }

  /** Mean of the in-vocabulary token vectors of each sentence; null when no token is known. */
  async embedSentences(sentences: readonly string[]): Promise<(Float32Array | null)[]> {
    const dims = this.info.dims;
    const tokenLists = sentences.map((s) => this.sentenceTokens(s).known);
    const vocabTokens = [...new Set(tokenLists.flat())];
    const vecs = await this.embedWords(vocabTokens);
    const byToken = new Map(vocabTokens.map((t, i) => [t, vecs[i]!]));
    const nonEmpty = tokenLists.filter((t) => t.length > 0).length;
    const out = new Float32Array(nonEmpty * dims);
    const acc = new Float64Array(dims);
    let k = 0;
    return tokenLists.map((tokens) => {
      if (tokens.length === 0) return null;
      const mean = out.subarray(k * dims, (k + 1) * dims);
      k++;
      acc.fill(0); // accumulate in float64, store float32
      for (const t of tokens) {
        const v = byToken.get(t)!;
        for (let j = 0; j < dims; j++) acc[j]! += v[j]!;
      }
      for (let j = 0; j < dims; j++) mean[j] = acc[j]! / tokens.length;
      return mean;
    });
  }
}
