// The four word sets of an association probe (WEAT, SEAT): targets X, Y and attributes A, B, the
// per-set size limit and the checks the schema cannot express (duplicates, a word in two sets,
// unbalanced sizes). WEAT and SEAT share them whole, so they are written once here.
import { z } from 'zod';
import type { ProbeIssue } from '../../validate';
import { MAX_WORDS_PER_SET, probeBaseFields, wordSetSchema, type WordSet } from '../../probeFields';

export type ProbeSetKey = 'X' | 'Y' | 'A' | 'B';

/** Target sets more than this many times larger than their partner get a warning. */
export const UNBALANCED_RATIO = 2;

export const associationBaseFields = {
  ...probeBaseFields,
  targets: z.object({ X: wordSetSchema, Y: wordSetSchema }),
  attributes: z.object({ A: wordSetSchema, B: wordSetSchema }),
};

export interface FourSets {
  targets: { X: WordSet; Y: WordSet };
  attributes: { A: WordSet; B: WordSet };
}

/** The word set of a probe by key. */
export const probeSet = (probe: FourSets, key: ProbeSetKey): WordSet => (key === 'X' || key === 'Y' ? probe.targets[key] : probe.attributes[key]);

const thousands = (n: number): string => n.toLocaleString('en-US');

/** The per-set size limit, with a message that names the set and both numbers. */
export const checkSetLimits = (probe: FourSets, ctx: z.RefinementCtx): void => {
  for (const key of ['X', 'Y', 'A', 'B'] as const) {
    const words = probeSet(probe, key).words;
    if (words.length > MAX_WORDS_PER_SET) {
      ctx.addIssue({
        code: 'custom',
        path: [key === 'X' || key === 'Y' ? 'targets' : 'attributes', key, 'words'],
        message: `set ${key} has ${thousands(words.length)} words; the limit is ${thousands(MAX_WORDS_PER_SET)}`,
      });
    }
  }
};

const SET_PATHS: Record<ProbeSetKey, string> = {
  X: 'targets.X.words',
  Y: 'targets.Y.words',
  A: 'attributes.A.words',
  B: 'attributes.B.words',
};

/**
 * Checks beyond the schema. Errors: the same word twice in one set; a word in both targets or in
 * both attributes (the test would compare a word with itself); more than MAX_WORDS_PER_SET words.
 * Warnings: a word that is both a target and an attribute (cos(w, w) = 1 inflates s(w, A, B)); the
 * same word in different case within a set; target or attribute sets more than UNBALANCED_RATIO
 * times the size of their partner.
 */
export const lintWordSets = (probe: FourSets): ProbeIssue[] => {
  const issues: ProbeIssue[] = [];
  const keys: ProbeSetKey[] = ['X', 'Y', 'A', 'B'];
  const words = Object.fromEntries(keys.map((k) => [k, probeSet(probe, k).words.map((w) => w.trim())])) as Record<
    ProbeSetKey,
    string[]
  >;

  for (const k of keys) {
    const n = words[k].length;
    if (n > MAX_WORDS_PER_SET) {
      issues.push({
        severity: 'error',
        code: 'set-too-large',
        path: SET_PATHS[k],
        message: `set ${k} has ${n.toLocaleString('en-US')} words; the limit is ${MAX_WORDS_PER_SET.toLocaleString('en-US')}`,
      });
    }
    const seen = new Set<string>();
    const dups = new Set<string>();
    const lower = new Map<string, string>();
    const caseDups = new Set<string>();
    for (const w of words[k]) {
      if (seen.has(w)) dups.add(w);
      seen.add(w);
      const l = w.toLowerCase();
      const prev = lower.get(l);
      if (prev !== undefined && prev !== w) caseDups.add(`"${prev}" and "${w}"`);
      else lower.set(l, w);
    }
    if (dups.size > 0) {
      const list = [...dups].map((w) => `"${w}"`).join(', ');
      issues.push({
        severity: 'error',
        code: 'duplicate-word',
        path: SET_PATHS[k],
        message: `set ${k} lists ${list} more than once; remove the repeat${dups.size === 1 ? '' : 's'} (a repeated word would count twice)`,
      });
    }
    if (caseDups.size > 0) {
      issues.push({
        severity: 'warning',
        code: 'case-duplicate',
        path: SET_PATHS[k],
        message: `set ${k} has words that differ only in case: ${[...caseDups].join(', ')}; an uncased model sees them as one word`,
      });
    }
  }

  const overlap = (a: ProbeSetKey, b: ProbeSetKey): string[] => {
    const inB = new Set(words[b]);
    return [...new Set(words[a].filter((w) => inB.has(w)))];
  };
  const quote = (ws: string[]) => ws.map((w) => `"${w}"`).join(', ');
  for (const [a, b, group] of [
    ['X', 'Y', 'targets'],
    ['A', 'B', 'attributes'],
  ] as const) {
    const both = overlap(a, b);
    if (both.length > 0) {
      issues.push({
        severity: 'error',
        code: 'word-in-two-sets',
        path: group,
        message: `${quote(both)} ${both.length === 1 ? 'is' : 'are'} in both ${a} and ${b}; a word can belong to only one of the two ${group === 'targets' ? 'target' : 'attribute'} sets`,
      });
    }
  }
  for (const t of ['X', 'Y'] as const) {
    for (const a of ['A', 'B'] as const) {
      const both = overlap(t, a);
      if (both.length > 0) {
        issues.push({
          severity: 'warning',
          code: 'target-is-attribute',
          path: SET_PATHS[t],
          message: `${quote(both)} ${both.length === 1 ? 'is' : 'are'} both target ${t} and attribute ${a}; its similarity to itself (1) inflates the association`,
        });
      }
    }
  }
  for (const [a, b] of [
    ['X', 'Y'],
    ['A', 'B'],
  ] as const) {
    const na = words[a].length;
    const nb = words[b].length;
    if (Math.min(na, nb) > 0 && Math.max(na, nb) > UNBALANCED_RATIO * Math.min(na, nb)) {
      issues.push({
        severity: 'warning',
        code: 'unbalanced-sets',
        path: a === 'X' ? 'targets' : 'attributes',
        message: `sets ${a} and ${b} are very unbalanced (${na} vs ${nb} words); the effect size is then dominated by the larger set`,
      });
    }
  }
  return issues;
};
