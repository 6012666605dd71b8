// The narrow interface the core needs from any embedding model. The runtime (ONNX GloVe, user
// word-vector files, later sentence encoders) implements it; the core never imports the runtime,
// and tests implement it with a plain Map.

/**
 * Something that maps stimuli to vectors.
 * - `embedWords`: one vector per word, `null` = out of vocabulary. The result has the input's length.
 * - `embedSentences`: for true sentence encoders only (kind 'sentence-encoder'). For word-vector
 *   models (kind 'word-vectors', the default) the core builds sentence vectors itself with
 *   meanPoolSentence, so SEAT's tokenisation is the same everywhere.
 */
export interface Embedder {
  kind?: 'word-vectors' | 'sentence-encoder';
  embedWords(words: string[]): Promise<(Float32Array | null)[]>;
  embedSentences?(sentences: string[]): Promise<(Float32Array | null)[]>;
}
