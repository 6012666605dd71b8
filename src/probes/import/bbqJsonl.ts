// Import of BBQ's JSONL (Parrish et al. 2022; nyu-mll/BBQ data/<Category>.jsonl, CC BY 4.0, import
// only): one question per line, {example_id, question_index, question_polarity, context_condition,
// category, answer_info: {ans0: [text, group tag], …}, additional_metadata: {stereotyped_groups, …},
// context, question, ans0, ans1, ans2, label}. The eleven category files may be imported one by one
// or concatenated into one file (ids are category-example_id, unique across the files).
//
// The UNKNOWN option is the answer tagged "unknown"; the biased answer is derived from answer_info and
// the stereotyped groups as docs/methods/bbq.md states (null when they do not single one out).
// Bad lines do not abort the import: each becomes a JsonLineError naming its line and reason; every
// good line is imported. The text is walked line by line, with progress every few thousand lines
// (the whole dataset is 58,492 lines).
import { firstJsonLineIs, readJsonLineItems, type JsonLineError } from './jsonLines';
import type { BbqItem, BbqProbe } from '../families/bbq/schema';
import { parseAnyProbe } from '../validate';

export const BBQ_CITATION = {
  text: 'Parrish, A., Chen, A., Nangia, N., Padmakumar, V., Phang, J., Thompson, J., Htut, P. M., & Bowman, S. R. (2022). BBQ: A hand-built bias benchmark for question answering. Findings of ACL 2022, 2086–2105. Data: nyu-mll/BBQ, CC BY 4.0 (imported by the user, not distributed with the workbench).',
  url: 'https://doi.org/10.18653/v1/2022.findings-acl.165',
};

export interface BbqImport {
  probe: BbqProbe;
  imported: number;
  /** Questions whose bias target could not be derived (imported; accuracy only). */
  withoutTarget: number;
  errors: JsonLineError[];
}

export interface BbqImportMeta {
  id: string;
  title?: string;
  scoring?: BbqProbe['scoring'];
  onProgress?: (done: number, total: number) => void;
  /** Keep only the first this many good questions. */
  limit?: number;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;
const ANSWERS = ['ans0', 'ans1', 'ans2'] as const;

/** Whether a parsed line is a BBQ question (the detection in inputFormat.ts asks this of the first line). */
export const looksLikeBbqLine = (json: unknown): boolean => isObject(json) && 'context_condition' in json && 'question_polarity' in json && 'ans0' in json;

/** Whether a text's first non-empty line is a BBQ question (parsed only when it names BBQ's fields). */
export const looksLikeBbqJsonl = (text: string): boolean => firstJsonLineIs(text, 'context_condition', looksLikeBbqLine);

/** "F-Black" → f-black, f, black: a tag matches a stereotyped group whole or by one of its parts. */
const tagParts = (tag: string): string[] => {
  const t = tag.trim().toLowerCase();
  return [t, ...t.split(/[-_]/).filter((p) => p.length > 0)];
};

/**
 * The answer the targeted bias picks: for a neg question the one answer that names a stereotyped
 * group — by its group tag (whole or a part: "F-Black") or by its answer_info text ("British", whose
 * tag is the region "Europe") — for nonneg the other non-UNKNOWN answer; null when no single answer does.
 */
export function biasedAnswer(info: readonly { text: string; tag: string }[], unknown: number, stereotyped: readonly string[], polarity: 'neg' | 'nonneg'): number | null {
  const groups = new Set(stereotyped.map((g) => g.trim().toLowerCase()));
  const candidates = [0, 1, 2].filter((i) => i !== unknown);
  const targets = candidates.filter((i) => groups.has(info[i]!.text.trim().toLowerCase()) || tagParts(info[i]!.tag).some((p) => groups.has(p)));
  if (targets.length !== 1) return null;
  return polarity === 'neg' ? targets[0]! : candidates.find((i) => i !== targets[0])!;
}

/** The question of one parsed line, or the reason it cannot be read. */
function readLine(raw: unknown): BbqItem | string {
  if (!isObject(raw)) return 'the line is not a JSON object';
  if (raw.example_id === undefined || raw.example_id === null || String(raw.example_id).trim() === '') return 'example_id is missing';
  if (!nonEmpty(raw.category)) return 'category is missing or empty';
  const polarity = raw.question_polarity;
  if (polarity !== 'neg' && polarity !== 'nonneg') return `question_polarity is ${JSON.stringify(polarity)}; expected "neg" or "nonneg"`;
  const condition = raw.context_condition;
  if (condition !== 'ambig' && condition !== 'disambig') return `context_condition is ${JSON.stringify(condition)}; expected "ambig" or "disambig"`;
  for (const key of ['context', 'question', ...ANSWERS] as const) if (!nonEmpty(raw[key])) return `${key} is missing or empty`;
  const label = raw.label;
  if (label !== 0 && label !== 1 && label !== 2) return `label is ${JSON.stringify(label)}; expected 0, 1 or 2`;
  const info = raw.answer_info;
  if (!isObject(info)) return 'answer_info is missing';
  const tagged: { text: string; tag: string }[] = [];
  for (const a of ANSWERS) {
    const entry = info[a];
    if (!Array.isArray(entry) || typeof entry[0] !== 'string' || typeof entry[1] !== 'string') return `answer_info.${a} is not [text, group tag]`;
    tagged.push({ text: entry[0], tag: entry[1] });
  }
  const unknowns = tagged.flatMap((t, i) => (t.tag.trim().toLowerCase() === 'unknown' ? [i] : []));
  if (unknowns.length !== 1) return `${unknowns.length} answers are tagged "unknown" in answer_info; a BBQ question has exactly one`;
  const meta = raw.additional_metadata;
  const stereotyped = isObject(meta) && Array.isArray(meta.stereotyped_groups) ? meta.stereotyped_groups.filter((g): g is string => typeof g === 'string') : null;
  if (!stereotyped) return 'additional_metadata.stereotyped_groups is missing';
  const category = raw.category.trim();
  const id = `${category}-${String(raw.example_id).trim()}`.replace(/[^A-Za-z0-9._:-]/g, '_');
  return {
    id,
    category,
    polarity,
    condition,
    context: (raw.context as string).trim(),
    question: (raw.question as string).trim(),
    answers: ANSWERS.map((a) => (raw[a] as string).trim()) as [string, string, string],
    label,
    unknown: unknowns[0]!,
    biased: biasedAnswer(tagged, unknowns[0]!, stereotyped, polarity),
  };
}

/**
 * Read BBQ JSONL into a bbq probe (see the header for the rules).
 * @throws {ParseError} when no line could be imported
 */
export function importBbqJsonl(input: string, meta: BbqImportMeta): BbqImport {
  const { items, errors } = readJsonLineItems(input, {
    readLine,
    repeated: (item) => `${item.id} repeats an earlier question (same category and example_id)`,
    nothingImported: 'No question could be imported from the BBQ file.',
    ...(meta.limit === undefined ? {} : { limit: meta.limit }),
    ...(meta.onProgress ? { onProgress: meta.onProgress } : {}),
  });
  const withoutTarget = items.filter((i) => i.biased === null).length;
  const categories = [...new Set(items.map((i) => i.category))];
  const probe = parseAnyProbe({
    family: 'bbq',
    id: meta.id,
    title: meta.title ?? `BBQ: ${categories.slice(0, 3).join(', ')}${categories.length > 3 ? ` and ${categories.length - 3} more` : ''}`,
    citation: BBQ_CITATION,
    source: `Imported from BBQ JSONL (${meta.limit !== undefined ? `the first ${items.length} question${items.length === 1 ? '' : 's'}, limit ${meta.limit}` : `${items.length} question${items.length === 1 ? '' : 's'}`}${errors.length ? `, ${errors.length} line${errors.length === 1 ? '' : 's'} skipped` : ''}${withoutTarget ? `; ${withoutTarget} without a bias target` : ''}).`,
    scoring: meta.scoring ?? 'causal-mean',
    items,
  }) as BbqProbe;
  return { probe, imported: items.length, withoutTarget, errors };
}
