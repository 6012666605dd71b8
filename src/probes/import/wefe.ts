// WEFE-style WEAT word-set files: one JSON object of named word lists, as returned by WEFE's
// `wefe.datasets.load_weat()` (dccuchile/wefe wefe/datasets/data/WEAT.json): {"flowers": [...],
// "insects": [...], "pleasant_5": [...], …}. A file usually holds more than four lists, so the
// caller picks which keys become X, Y, A and B; guessWefeMapping only guesses when there are
// exactly four (in file order). Note WEFE's lists differ from the paper in a few places (see
// builtin/caliskanWords.ts) — importing them reproduces WEFE, not Caliskan et al.
import { ParseError } from '../../core/errors';
import type { Probe, ProbeSetKey } from '../schema';
import { parseProbe } from '../validate';

export type WefeWordSets = Record<string, string[]>;
export type WefeMapping = Record<ProbeSetKey, string>;

/** Parse and check a WEFE word-set file (text or already-parsed JSON). Throws ParseError. */
export const parseWefeWordSets = (input: string | unknown): WefeWordSets => {
  let json: unknown = input;
  if (typeof input === 'string') {
    try {
      json = JSON.parse(input);
    } catch (e) {
      throw new ParseError(`The WEFE word-set file is not valid JSON (${(e as Error).message}).`);
    }
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new ParseError('A WEFE word-set file is a JSON object of named word lists, e.g. {"flowers": ["aster", …]}.');
  }
  const lists: [string, string[]][] = [];
  for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
    if (!Array.isArray(value) || !value.every((w) => typeof w === 'string')) {
      throw new ParseError(`WEFE key "${key}" must be a list of words (strings).`);
    }
    lists.push([key, (value as string[]).map((w) => w.trim()).filter((w) => w.length > 0)]);
  }
  // fromEntries defines own keys: a list named "__proto__" stays a list, never the object's prototype.
  const out: WefeWordSets = Object.fromEntries(lists);
  if (Object.keys(out).length === 0) throw new ParseError('The WEFE word-set file has no word lists.');
  return out;
};

/** X, Y, A, B in file order when the file has exactly four lists; otherwise null (ask the user). */
export const guessWefeMapping = (sets: WefeWordSets): WefeMapping | null => {
  const keys = Object.keys(sets);
  if (keys.length !== 4) return null;
  const [X, Y, A, B] = keys as [string, string, string, string];
  return { X, Y, A, B };
};

const labelOf = (key: string): string => {
  const words = key.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export interface WefeProbeMeta {
  id: string;
  title?: string;
  family?: 'weat';
  description?: string;
}

/**
 * Build a WEAT probe from a WEFE file and a mapping of its keys to X/Y/A/B. A mapped key missing
 * from the file is a ParseError naming the keys the file has; the probe is then validated
 * (ProbeValidationError for e.g. a one-word list).
 */
export const wefeToProbe = (sets: WefeWordSets, mapping: WefeMapping, meta: WefeProbeMeta): Probe => {
  const missing = (Object.entries(mapping) as [ProbeSetKey, string][]).filter(([, key]) => !Object.hasOwn(sets, key));
  if (missing.length > 0) {
    throw new ParseError(
      `The WEFE file has no list ${missing.map(([set, key]) => `"${key}" (for ${set})`).join(', ')}; ` +
        `it has: ${Object.keys(sets).join(', ')}.`,
    );
  }
  const ws = (k: ProbeSetKey) => ({ label: labelOf(mapping[k]), words: [...sets[mapping[k]]!] });
  return parseProbe({
    family: 'weat',
    id: meta.id,
    title: meta.title ?? `${labelOf(mapping.X)} vs ${labelOf(mapping.Y).toLowerCase()} × ${labelOf(mapping.A).toLowerCase()} vs ${labelOf(mapping.B).toLowerCase()}`,
    ...(meta.description ? { description: meta.description } : {}),
    targets: { X: ws('X'), Y: ws('Y') },
    attributes: { A: ws('A'), B: ws('B') },
  });
};
