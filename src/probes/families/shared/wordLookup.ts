// Word lookup for the word-vector families that take their own input shape (RIPA, the
// representation probe): each distinct word looked up as given, then lower-cased when that is out
// of vocabulary (as WEAT's lookup in core/association/buildAssociationInput.ts), and a set split
// into the words found (with their vectors) and the words dropped.
import type { Embedder } from '../../../core/embeddings/embedder';
import { InvalidVectorError } from '../../../core/errors';

export type WordVectors = Map<string, Float32Array | null>;

/** Each distinct word looked up as given, then, when that is out of vocabulary, lower-cased. */
export async function lookUpWords(embedder: Embedder, words: readonly string[]): Promise<WordVectors> {
  const distinct = [...new Set(words)];
  const embed = async (batch: string[]) => {
    if (batch.length === 0) return [];
    const vectors = await embedder.embedWords(batch);
    if (vectors.length !== batch.length) throw new InvalidVectorError(`the model returned ${vectors.length} vectors for ${batch.length} words`);
    return vectors;
  };
  const first = await embed(distinct);
  const found = new Map(distinct.map((w, i) => [w, first[i] ?? null]));
  const retry = distinct.filter((w) => found.get(w) === null && w.toLowerCase() !== w);
  const second = await embed(retry.map((w) => w.toLowerCase()));
  retry.forEach((w, i) => found.set(w, second[i] ?? null));
  return found;
}

export interface EmbeddedWordSet {
  label: string;
  items: string[];
  vectors: Float32Array[];
  oov: string[];
  duplicates: string[];
}

/** A de-duplicated set as core's input: the words with vectors in order, the rest listed as out of vocabulary. */
export function embeddedWordSet(label: string, set: { unique: string[]; duplicates: string[] }, vectors: WordVectors): EmbeddedWordSet {
  const found = set.unique.filter((w) => vectors.get(w));
  return { label, items: found, vectors: found.map((w) => vectors.get(w)!), oov: set.unique.filter((w) => !vectors.get(w)), duplicates: set.duplicates };
}
