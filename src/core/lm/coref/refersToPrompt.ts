// The text a causal LM reads to resolve a pronoun: the sentence, then `"<pronoun>" refers to`, and
// each candidate referent as the continuation (Brown et al. 2020, §6.2.1). The pronoun stays in the
// sentence because its gender is the condition the datasets vary (docs/methods/winobias-winogender.md
// says why substituting the candidates for it would erase the condition).

/** The prefix: the sentence, a space, the pronoun in double quotes as written, ` refers to`. */
export const refersToPrefix = (sentence: string, pronoun: string): string => `${sentence.trim()} "${pronoun}" refers to`;

/** The continuation scored for one candidate noun phrase ("the developer", "someone"). */
export const refersToContinuation = (candidate: string): string => ` ${candidate.trim()}`;

/** Which candidate the scores choose: the index of the larger, null for a tie (counted as wrong). */
export function chosenCandidate(scores: readonly [number, number]): 0 | 1 | null {
  if (scores[0] > scores[1]) return 0;
  if (scores[1] > scores[0]) return 1;
  return null;
}
