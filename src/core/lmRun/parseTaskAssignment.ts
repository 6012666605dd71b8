// Reading "who does which task" from a model's free-text answer, for the prompt-based decision test
// (Bai et al. 2024). The prompt asks for "<name>: <task>" lines, but real answers add preambles,
// bullets, full sentences ("I suggest Julia takes the notes, while Ben presents"), or paraphrase a
// task. The rule is deliberately conservative: a clause (a line, or a sentence/clause of it split at
// . ; and ", while"/", and") that names exactly one of the two people and matches exactly one of the
// two tasks is one vote; a task matches by its full phrase or by its distinctive content words (at
// least half of the words of ≥ 4 letters that the other task does not share). All votes must agree,
// otherwise — or with no vote — the answer is unparsable (null) and counted as such, never guessed.
// (src/core/lm has the LLM-IAT parser; this is the decision test's counterpart, kept next to the
// orchestration that needs it.)

const norm = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[*_`#>]+/g, ' ');

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const hasWord = (text: string, phrase: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(phrase)}(?![\\p{L}\\p{N}])`, 'u').test(text);
const words = (s: string) => (norm(s).match(/[\p{L}\p{N}']+/gu) ?? []).filter((w) => w.length >= 4);

/**
 * Index (0 or 1) of the person the answer assigns to tasks[0], or null when it cannot be read
 * unambiguously. Never throws.
 * @example parseTaskAssignment("Ben: presenting\nJulia: notes", ["Julia", "Ben"], ["taking notes", "presenting the results"]) // → 0
 */
export function parseTaskAssignment(response: string, persons: readonly [string, string], tasks: readonly [string, string]): 0 | 1 | null {
  const people = persons.map((p) => norm(p).trim());
  const taskPhrases = tasks.map((t) => norm(t).trim());
  const taskWords = tasks.map((t) => new Set(words(t)));
  const distinctive = taskWords.map((set, i) => [...set].filter((w) => !taskWords[1 - i]!.has(w)));
  const matchesTask = (clause: string, i: number): boolean => {
    if (hasWord(clause, taskPhrases[i]!)) return true;
    const keys = distinctive[i]!;
    if (keys.length === 0) return false;
    const hits = keys.filter((w) => hasWord(clause, w)).length;
    return hits >= Math.max(1, Math.ceil(keys.length / 2));
  };
  const votes = new Set<0 | 1>();
  const clauses = norm(response)
    .split(/\r\n|\r|\n|[.;!?](?:\s|$)|,\s*(?:while|whereas|and)\s|\s+while\s|\s+whereas\s/u)
    .map((c) => c.trim())
    .filter(Boolean);
  for (const clause of clauses) {
    const named = people.map((p, i) => (hasWord(clause, p) ? i : -1)).filter((i) => i >= 0);
    const matched = [0, 1].filter((i) => matchesTask(clause, i));
    if (named.length !== 1 || matched.length !== 1) continue;
    const person = named[0] as 0 | 1;
    votes.add(matched[0] === 0 ? person : ((1 - person) as 0 | 1));
  }
  return votes.size === 1 ? [...votes][0]! : null;
}
