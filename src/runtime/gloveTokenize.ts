// Tokenisation for word-vector "sentence embeddings" (SEAT with GloVe: the mean of the sentence's
// word vectors). GloVe 6B was trained on lower-cased Stanford-tokenised text, where punctuation is
// its own token ("." "," "?") and clitics are split ("it's" → "it" "'s", "don't" → "do" "n't").
// This is an approximation of that tokeniser, good for short template sentences; it is shared by
// the runtime and by scripts/build-glove.ts (which force-includes template tokens).

const TOKEN = /[\p{L}\p{M}\p{N}]+(?=n['’]t\b)|n['’]t\b|['’][\p{L}]+|[\p{L}\p{M}\p{N}]+(?:[-.][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]/gu;

/** Lower-cased tokens of a sentence, punctuation split off. `{term}` placeholders are dropped. */
export function tokenizeForWordVectors(sentence: string): string[] {
  const text = sentence.replace(/\{term\}/g, ' ').toLowerCase().replace(/’/g, "'");
  return text.match(TOKEN) ?? [];
}
