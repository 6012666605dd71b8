// Checks of a RIPA probe the schema cannot express: a repeated or shared target word, a pair of one
// word with itself, a repeated pair, and (a warning) a target word that is also a pair word, whose
// score along its own pair's relation is inflated.
import type { ProbeIssue } from '../../validate';
import type { RipaProbe } from './schema';

const quote = (ws: readonly string[]) => ws.map((w) => `"${w}"`).join(', ');

const repeated = (words: readonly string[]): string[] => {
  const seen = new Set<string>();
  const again = new Set<string>();
  for (const w of words) (seen.has(w) ? again : seen).add(w);
  return [...again];
};

export function lintRipa(probe: RipaProbe): ProbeIssue[] {
  const issues: ProbeIssue[] = [];
  const X = probe.targets.X.words.map((w) => w.trim());
  const Y = probe.targets.Y.words.map((w) => w.trim());
  for (const [key, words] of [['X', X], ['Y', Y]] as const) {
    const again = repeated(words);
    if (again.length > 0) issues.push({ severity: 'error', code: 'duplicate-word', path: `targets.${key}.words`, message: `set ${key} lists ${quote(again)} more than once; remove the repeat (a repeated word would count twice)` });
  }
  const inY = new Set(Y);
  const both = [...new Set(X.filter((w) => inY.has(w)))];
  if (both.length > 0) issues.push({ severity: 'error', code: 'word-in-two-sets', path: 'targets', message: `${quote(both)} ${both.length === 1 ? 'is' : 'are'} in both X and Y; a word can belong to only one target set` });

  const pairs = probe.attributePairs.pairs.map(([a, b]) => [a.trim(), b.trim()] as const);
  const selfPairs = pairs.filter(([a, b]) => a.toLowerCase() === b.toLowerCase()).map(([a]) => a);
  if (selfPairs.length > 0) issues.push({ severity: 'error', code: 'pair-of-one-word', path: 'attributePairs.pairs', message: `the pair ${quote(selfPairs)} pairs a word with itself; its relation vector is undefined` });
  const againPairs = repeated(pairs.map(([a, b]) => `${a}/${b}`));
  if (againPairs.length > 0) issues.push({ severity: 'warning', code: 'duplicate-pair', path: 'attributePairs.pairs', message: `the pair ${quote(againPairs)} is listed more than once; it then weighs more in the average` });
  const pairWords = new Set(pairs.flat());
  const shared = [...new Set([...X, ...Y].filter((w) => pairWords.has(w)))];
  if (shared.length > 0) issues.push({ severity: 'warning', code: 'target-is-attribute', path: 'targets', message: `${quote(shared)} ${shared.length === 1 ? 'is' : 'are'} both a target word and a pair word; its score along its own pair's relation is inflated` });
  return issues;
}
