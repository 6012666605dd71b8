// The refusal of a word set too small to test, worded once. The probe schema raises it (so the CLI
// prints it for a probe file, after the set's path) and the page's editor shows the same sentence
// after the set's name: "B (Unpleasant) has only one word (“war”): a set needs at least two."
import { quoteInput } from './quoteInput';

/** Fewest stimuli a set may hold: an association needs a spread within each set. */
export const MIN_STIMULI_PER_SET = 2;

/** The predicate of the sentence for a set of `words` (fewer than MIN_STIMULI_PER_SET). */
export const tooFewStimuli = (words: readonly unknown[]): string => {
  if (words.length === 0) return 'is empty: add at least two words.';
  const only = typeof words[0] === 'string' ? ` (${quoteInput(words[0])})` : '';
  return `has only one word${only}: a set needs at least two.`;
};
