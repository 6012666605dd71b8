// Sentence vectors for SEAT with word-vector models: the mean of the in-vocabulary token vectors
// (May et al. 2019 use this "bag of words" encoder for GloVe/word2vec). Tokenisation follows the
// conventions GloVe's 6B/840B corpora were tokenised with (Stanford PTB-style): lower-case, words
// and punctuation as separate tokens (case can be kept for cased tables), clitics split ("person's" → "person 's", "don't" →
// "do n't"), hyphenated words kept whole. This file is the single implementation: the runtime's
// sentence embedding, buildAssociationInput and the tests all call it.

export interface TokenizeOptions {
  /** Keep the original case (for cased vocabularies; lookups then fall back to lower case). */
  preserveCase?: boolean;
}

/**
 * PTB-style tokens of a sentence, lower-cased unless `preserveCase`: "This is a rose." → ["this",
 * "is", "a", "rose", "."]; "The person's name is Amy." → ["the", "person", "'s", "name", "is",
 * "amy", "."]. Curly apostrophes are treated as straight ones. Never throws.
 */
export function tokenizeSentence(sentence: string, options: TokenizeOptions = {}): string[] {
  const normalised = (options.preserveCase ? sentence : sentence.toLowerCase())
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/n't\b/gi, (clitic) => ` ${clitic}`);
  return normalised.match(/n't|'(?:s|re|ve|ll|d|m)\b|[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/giu) ?? [];
}

export interface PooledSentence {
  /** Mean of the found token vectors (Float64 accumulation, stored as Float32), or null if none. */
  vector: Float32Array | null;
  tokens: string[];
  /** Tokens the lookup did not find (ignored in the mean). */
  missing: string[];
}

/**
 * Sentence vector = (1/|T|) Σ_{t∈T} v(t) over the tokens T of tokenizeSentence(sentence, options)
 * that `lookup` finds; null when none is found.
 * Source: May, Wang, Bordia, Bowman & Rudinger (2019), "On Measuring Social Biases in Sentence
 * Encoders", NAACL (bag-of-words baseline: average of word vectors).
 * @throws {RangeError} when found vectors differ in dimension
 */
export function meanPoolSentence(
  sentence: string,
  lookup: (token: string) => ArrayLike<number> | null | undefined,
  options: TokenizeOptions = {},
): PooledSentence {
  const tokens = tokenizeSentence(sentence, options);
  const found: ArrayLike<number>[] = [];
  const missing: string[] = [];
  for (const token of tokens) {
    const vector = lookup(token);
    if (vector) found.push(vector);
    else missing.push(token);
  }
  return { vector: meanOfVectors(found), tokens, missing };
}

/**
 * Element-wise mean of vectors (Float64 sums) as a Float32Array; null for an empty list.
 * @throws {RangeError} when vectors differ in dimension
 */
export function meanOfVectors(vectors: readonly ArrayLike<number>[]): Float32Array | null {
  const first = vectors[0];
  if (!first) return null;
  const sums = new Float64Array(first.length);
  for (const v of vectors) {
    if (v.length !== sums.length) throw new RangeError(`token vectors differ in dimension: ${v.length} vs ${sums.length}`);
    for (let i = 0; i < sums.length; i++) sums[i]! += v[i]!;
  }
  return Float32Array.from(sums, (sum) => sum / vectors.length);
}
