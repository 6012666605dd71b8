// Checks of a representation probe the schema cannot express: a word repeated within a set, a word
// in both targets or both reference concepts (it would train the probe both ways, or count for
// both sides), and (a warning) a target word that also trains the probe, whose alignment is then
// inflated by having been fitted.
import type { ProbeIssue } from '../../validate';
import type { RepresentationProbeSets } from './schema';

const quote = (ws: readonly string[]) => ws.map((w) => `"${w}"`).join(', ');
const trimmed = (words: readonly string[]) => words.map((w) => w.trim());

const repeated = (words: readonly string[]): string[] => {
  const seen = new Set<string>();
  const again = new Set<string>();
  for (const w of words) (seen.has(w) ? again : seen).add(w);
  return [...again];
};
const shared = (a: readonly string[], b: readonly string[]): string[] => [...new Set(a.filter((w) => b.includes(w)))];

export function lintRepresentationProbe(probe: RepresentationProbeSets): ProbeIssue[] {
  const issues: ProbeIssue[] = [];
  const sets = { X: trimmed(probe.targets.X.words), Y: trimmed(probe.targets.Y.words), A: trimmed(probe.attributes.A.words), B: trimmed(probe.attributes.B.words) };
  for (const key of ['X', 'Y', 'A', 'B'] as const) {
    const again = repeated(sets[key]);
    const path = key === 'X' || key === 'Y' ? `targets.${key}.words` : `attributes.${key}.words`;
    if (again.length > 0) issues.push({ severity: 'error', code: 'duplicate-word', path, message: `set ${key} lists ${quote(again)} more than once; remove the repeat` });
  }
  const targetsBoth = shared(sets.X, sets.Y);
  if (targetsBoth.length > 0) issues.push({ severity: 'error', code: 'word-in-two-sets', path: 'targets', message: `${quote(targetsBoth)} ${targetsBoth.length === 1 ? 'is' : 'are'} in both X and Y; a word can belong to only one target set` });
  const refsBoth = shared(sets.A, sets.B);
  if (refsBoth.length > 0) issues.push({ severity: 'error', code: 'word-in-two-sets', path: 'attributes', message: `${quote(refsBoth)} ${refsBoth.length === 1 ? 'is' : 'are'} in both A and B; the probe cannot learn a word as both concepts` });
  const trained = shared([...sets.X, ...sets.Y], [...sets.A, ...sets.B]);
  if (trained.length > 0) issues.push({ severity: 'warning', code: 'target-is-attribute', path: 'targets', message: `${quote(trained)} ${trained.length === 1 ? 'is' : 'are'} both a target word and a word the probe is trained on; its alignment is inflated` });
  return issues;
}
