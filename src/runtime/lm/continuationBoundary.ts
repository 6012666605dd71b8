// Where the context of a (prefix, continuation) pair ends in the tokens of prefix + continuation
// (languageModel.ts, continuationLogProbs): the largest k such that the first k text tokens decode
// to a prefix of `prefix`, found by decoding ever longer runs until one is not a prefix of it (a
// token straddling the boundary is continuation) or equals it. Decoding is the tokenizer's, and
// decoding is not additive over tokens in general (byte-level tokens that split a character,
// decoders that clean up spaces), so every run is decoded whole: quadratic in the prefix's length.
// The answers of one prompt (a decision's yes/Yes/no/No, an MCQ's labels) share the prompt's
// tokens up to the boundary, and the search reads only the tokens up to where it stopped, so its
// outcome is remembered per prefix and reused for any later pair whose tokens agree over that run —
// the same answer, decoded once per prompt instead of once per answer.
interface Boundary {
  /** Tokens of the context after `start` (the BOS, when prepended, is before `start`). */
  k: number;
  /** The context decodes to exactly `prefix`. */
  aligned: boolean;
}

interface Searched extends Boundary {
  start: number;
  /** ids[start ..] that the search read. */
  run: readonly number[];
  /** The search ran out of tokens (so its outcome holds only for sequences that end there too). */
  exhausted: boolean;
}

/** A boundary search over `decode` that reuses its outcomes for pairs with the same prefix; one per scoring call. */
export function continuationBoundaries(decode: (ids: readonly number[]) => string): (prefix: string, ids: readonly number[], start: number) => Boundary {
  const seen = new Map<string, Searched[]>();
  const agrees = (s: Searched, ids: readonly number[], start: number) =>
    s.start === start && (!s.exhausted || ids.length === start + s.run.length) && s.run.every((id, j) => ids[start + j] === id);
  return (prefix, ids, start) => {
    const earlier = seen.get(prefix)?.find((s) => agrees(s, ids, start));
    if (earlier) return { k: earlier.k, aligned: earlier.aligned };
    let k = 0;
    let aligned = prefix.length === 0;
    let j = start;
    for (; j < ids.length; j++) {
      const text = decode(ids.slice(start, j + 1));
      if (!prefix.startsWith(text)) break;
      k = j + 1 - start;
      aligned = text === prefix;
      if (aligned) break;
    }
    const exhausted = j === ids.length;
    const searched: Searched = { start, run: ids.slice(start, exhausted ? ids.length : j + 1), exhausted, k, aligned };
    seen.set(prefix, [...(seen.get(prefix) ?? []), searched]);
    return { k, aligned };
  };
}
