// Live validation of the editor draft, shown before running: schema errors (zod), lint findings
// (a word in two sets, very large sets), repeated words (merged, with a plain message), stimuli
// holding a comma (one per line: a comma does not split) and out-of-vocabulary words for the
// selected model. Errors block Run; warnings do not. An empty set
// nobody has touched yet is not shown as an error (visibleIssues): the empty editor teaches first.
// Pure functions, unit-tested in tests/state.
import type { SetKey } from '../core/association/types';
import { MAX_WORDS_PER_SET, type AssociationProbe, type Probe } from '../probes/schema';
import { lintProbe, validateProbe } from '../probes/validate';
import { candidateFromDraft, stimulusLines, type ProbeDraft } from './draft';

export type IssueLevel = 'error' | 'warning';
export interface Issue {
  level: IssueLevel;
  /** Which part of the draft, for display next to the field. */
  where: SetKey | 'templates' | 'id' | 'title' | 'probe';
  message: string;
}

export const SET_ORDER: readonly SetKey[] = ['X', 'Y', 'A', 'B'];
export const LARGE_SET = 1000;

const fmt = (n: number) => n.toLocaleString('en-US');
const quoteList = (ws: readonly string[], max = 8) =>
  ws.slice(0, max).map((w) => `“${w}”`).join(', ') + (ws.length > max ? ` and ${ws.length - max} more` : '');

/** Lint findings this file words itself (duplicateIssues): the run merges repeats, so they do not block it. */
const REWORDED_LINT = new Set(['duplicate-word', 'case-duplicate']);

const setName = (d: ProbeDraft, k: SetKey) => `${k} (${d.labels[k].trim() || 'unlabelled'})`;

const whereOf = (path: string): Issue['where'] => {
  const m = /^(?:targets|attributes|setTemplates)\.([XYAB])/.exec(path);
  if (m) return m[1] as SetKey;
  if (path.startsWith('templates') || path.startsWith('setTemplates')) return 'templates';
  if (path === 'id' || path === 'title') return path;
  return 'probe';
};

/**
 * Sets over MAX_WORDS_PER_SET, as errors. A set that large cannot run whatever else is wrong, and
 * checking up to 100,000 pasted words with the schema and lint on every keystroke stalls the page
 * (≈0.25 s each), so validateDraft reports only these until the set is trimmed.
 */
function oversizeSets(d: ProbeDraft): Issue[] {
  const issues: Issue[] = [];
  for (const k of SET_ORDER) {
    const n = stimulusLines(d.words[k]).length;
    if (n > MAX_WORDS_PER_SET) issues.push({ level: 'error', where: k, message: `${setName(d, k)} has ${fmt(n)} words; the limit is ${fmt(MAX_WORDS_PER_SET)}` });
  }
  return issues;
}

/** Schema + lint (src/probes/validate.ts). Returns the probe when nothing blocks a run. */
export function validateDraft(d: ProbeDraft): { probe: AssociationProbe | null; issues: Issue[] } {
  const oversize = oversizeSets(d);
  if (oversize.length > 0) return { probe: null, issues: oversize };
  const candidate = candidateFromDraft(d);
  const v = validateProbe(candidate);
  // The schema stops at its first failures; lint anyway (duplicates, a word in two sets) so the
  // user sees every problem at once, not one layer after another.
  const raw = v.issues.filter((i) => !REWORDED_LINT.has(i.code));
  if (!v.probe) {
    try {
      for (const i of lintProbe(candidate as unknown as Probe)) if (!REWORDED_LINT.has(i.code) && !raw.some((r) => r.message === i.message)) raw.push(i);
    } catch {
      /* the candidate lacks a set entirely: schema issues already say so */
    }
  }
  const issues: Issue[] = raw.map((i) => {
    const where = whereOf(i.path);
    const key = (SET_ORDER as readonly string[]).includes(where) ? (where as SetKey) : null;
    let message = `${i.path ? `${i.path}: ` : ''}${i.message}`;
    if (key && /^(targets|attributes)\.[XYAB]\.words(\.\d+)?$/.test(i.path)) {
      // The schema's sentences about a set (core/input: too few words, a stimulus that is not one
      // line) read after the set's name here, after its path in the CLI.
      if (i.code === 'schema-too_small') message = `${setName(d, key)} ${i.message}`;
      else message = new RegExp(`^set ${key} `).test(i.message) ? i.message.replace(new RegExp(`^set ${key} `), `${setName(d, key)} `) : `${setName(d, key)}: ${i.message}`;
    } else if (key && /label$/.test(i.path)) message = `${setName(d, key)}: ${i.message}`;
    return { level: i.severity, where, message };
  });
  issues.push(...duplicateIssues(d), ...commaIssues(d));
  for (const k of SET_ORDER) {
    const n = stimulusLines(d.words[k]).length;
    if (n > LARGE_SET && n <= MAX_WORDS_PER_SET)
      issues.push({ level: 'warning', where: k, message: `${setName(d, k)} has ${fmt(n)} words: the run will take longer (Cancel stops it at any time).` });
  }
  const ok = v.probe !== null && !issues.some((i) => i.level === 'error');
  return { probe: ok ? (v.probe as AssociationProbe) : null, issues };
}

/**
 * Words a set lists more than once, as the model will see them: repeats after trimming (the draft
 * keeps one, candidateFromDraft) and spellings that differ only in case, which an uncased model
 * (GloVe 6B) reads as one word and the run merges. Warnings naming the words; they do not block Run.
 */
export function duplicateIssues(d: ProbeDraft): Issue[] {
  const issues: Issue[] = [];
  for (const k of SET_ORDER) {
    const words = stimulusLines(d.words[k]);
    const seen = new Map<string, number>();
    for (const w of words) seen.set(w, (seen.get(w) ?? 0) + 1);
    const repeated = [...seen].filter(([, n]) => n > 1);
    if (repeated.length > 0) {
      const list = repeated.map(([w, n]) => `“${w}” ${n === 2 ? 'twice' : `${n} times`}`).join(', ');
      issues.push({ level: 'warning', where: k, message: `${setName(d, k)} lists ${list}: each counts once when the test runs.` });
    }
    const byFolded = new Map<string, string[]>();
    for (const w of seen.keys()) byFolded.set(w.toLowerCase(), [...(byFolded.get(w.toLowerCase()) ?? []), w]);
    const variants = [...byFolded.values()].filter((ws) => ws.length > 1);
    if (variants.length > 0) {
      const list = variants.map((ws) => ws.map((w) => `“${w}”`).join(' and ')).join('; ');
      issues.push({
        level: 'warning',
        where: k,
        message: `${setName(d, k)}: ${list} differ only in case. An uncased model (such as GloVe 6B) reads them as one word, so the run merges them into one.`,
      });
    }
  }
  return issues;
}

/**
 * Stimuli holding a comma, as warnings: the box reads one stimulus per line (commas do not split, so
 * a probe file reads the same here as in the CLI), and someone who typed "rose, tulip" probably
 * meant two words. A phrase may hold a comma, so this does not block Run.
 */
export function commaIssues(d: ProbeDraft): Issue[] {
  const issues: Issue[] = [];
  for (const k of SET_ORDER) {
    const withComma = stimulusLines(d.words[k]).filter((w) => w.includes(','));
    if (withComma.length === 0) continue;
    const one = withComma.length === 1;
    issues.push({
      level: 'warning',
      where: k,
      message: `${setName(d, k)}: ${quoteList(withComma, 3)} ${one ? 'is' : 'are each'} read as one stimulus, commas included (the box takes one per line). If you meant several words, put each on its own line.`,
    });
  }
  return issues;
}

/**
 * The issues to show now: everything, except errors about a set that is still empty and that the
 * user has neither edited nor left (`touched` holds the parts touched; 'all' once Run was pressed).
 * Held-back errors still block a run; pressing Run reveals them.
 */
export function visibleIssues(d: ProbeDraft, issues: readonly Issue[], touched: readonly string[]): Issue[] {
  if (touched.includes('all')) return [...issues];
  return issues.filter((i) => {
    if (i.level !== 'error' || !(SET_ORDER as readonly string[]).includes(i.where)) return true;
    return touched.includes(i.where) || stimulusLines(d.words[i.where as SetKey]).length > 0;
  });
}

/** Out-of-vocabulary findings given, per set, which words the model knows. */
export function oovIssues(d: ProbeDraft, known: Partial<Record<SetKey, boolean[]>>, modelTitle: string): { issues: Issue[]; oov: Record<SetKey, string[]> } {
  const issues: Issue[] = [];
  const oov = { X: [], Y: [], A: [], B: [] } as Record<SetKey, string[]>;
  for (const k of SET_ORDER) {
    const flags = known[k];
    if (!flags) continue;
    const words = stimulusLines(d.words[k]);
    oov[k] = words.filter((_, i) => flags[i] === false);
    const kept = words.length - oov[k].length;
    if (words.length > 0 && kept === 0)
      issues.push({ level: 'error', where: k, message: `Every word of ${setName(d, k)} is out of vocabulary for ${modelTitle}: nothing left to test.` });
    else if (words.length >= 2 && kept < 2)
      issues.push({ level: 'error', where: k, message: `${setName(d, k)} keeps only ${kept} word after dropping out-of-vocabulary ${quoteList(oov[k])}: a set needs at least two.` });
    else if (oov[k].length)
      issues.push({ level: 'warning', where: k, message: `${setName(d, k)}: ${quoteList(oov[k])} ${oov[k].length === 1 ? 'is' : 'are'} not in ${modelTitle}'s vocabulary and will be dropped (listed in the result).` });
  }
  return { issues, oov };
}
