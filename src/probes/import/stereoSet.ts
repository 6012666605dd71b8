// Import of StereoSet's dev.json (Nadeem et al. 2021; moinnadeem/StereoSet data/dev.json, CC BY-SA
// 4.0, so nothing of it ships here): {"version": …, "data": {"intersentence": […], "intrasentence":
// […]}}, each intrasentence item {id, target, bias_type, context (with BLANK), sentences: [{sentence,
// id, labels, gold_label}]} with one sentence per gold label stereotype / anti-stereotype /
// unrelated — the fields the authors' dataloader.py reads. Intersentence items are counted, not
// read (the family scores single sentences).
//
// Bad items do not abort the import: each becomes a StereoSetItemError naming its place — the line
// of its id in the file (dev.json is one line, so also its index among the intrasentence items) and
// the reason; every good item is imported. The file is one JSON document, read whole (JSON.parse of
// the 2 MB dev.json takes milliseconds; the size limit bounds it), with progress at its start and end.
import { ParseError } from '../../core/errors';
import { readJsonText } from '../../core/input/jsonText';
import type { StereoSetItem, StereoSetProbe } from '../families/stereoset/schema';
import { parseAnyProbe } from '../validate';
import { lineCounter } from './lineCounter';

export const STEREOSET_CITATION = {
  text: 'Nadeem, M., Bethke, A., & Reddy, S. (2021). StereoSet: Measuring stereotypical bias in pretrained language models. ACL-IJCNLP 2021, 5356–5371. Data: moinnadeem/StereoSet, CC BY-SA 4.0 (imported by the user, not distributed with the workbench).',
  url: 'https://doi.org/10.18653/v1/2021.acl-long.416',
};

/** A rejected item: a ParseError saying where it is and why. */
export class StereoSetItemError extends ParseError {
  constructor(
    readonly where: string,
    readonly reason: string,
  ) {
    super(`${where}: ${reason}`);
    this.name = 'ParseError';
  }
}

export interface StereoSetImport {
  probe: StereoSetProbe;
  imported: number;
  /** Intersentence items in the file (not read). */
  intersentence: number;
  errors: StereoSetItemError[];
}

export interface StereoSetImportMeta {
  id: string;
  title?: string;
  scoring?: StereoSetProbe['scoring'];
  onProgress?: (done: number, total: number) => void;
  /** Keep only the first this many good items. */
  limit?: number;
}

const LABELS = { stereotype: 'stereotype', 'anti-stereotype': 'antiStereotype', unrelated: 'unrelated' } as const;
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

/** Whether parsed JSON is a StereoSet file (the detection in inputFormat.ts asks this). */
export const looksLikeStereoSet = (json: unknown): boolean => isObject(json) && isObject(json.data) && Array.isArray(json.data.intrasentence);

/** The item's fields, or the reason it cannot be read. */
function readItem(raw: unknown): StereoSetItem | string {
  if (!isObject(raw)) return 'the item is not an object';
  for (const key of ['id', 'target', 'bias_type'] as const) if (!nonEmpty(raw[key])) return `${key} is missing or empty`;
  if (typeof raw.context !== 'string') return 'context is missing';
  if (!Array.isArray(raw.sentences)) return 'sentences is not a list';
  const found: Partial<Record<(typeof LABELS)[keyof typeof LABELS], string>> = {};
  for (const [i, s] of raw.sentences.entries()) {
    if (!isObject(s) || !nonEmpty(s.sentence)) return `sentence ${i + 1} has no text`;
    const slot = LABELS[s.gold_label as keyof typeof LABELS];
    if (!slot) return `sentence ${i + 1} has gold_label ${JSON.stringify(s.gold_label)}; expected stereotype, anti-stereotype or unrelated`;
    if (found[slot]) return `two sentences have gold_label "${String(s.gold_label)}"`;
    found[slot] = s.sentence.trim();
  }
  const missing = Object.entries(LABELS).filter(([, slot]) => !found[slot]).map(([label]) => label);
  if (missing.length) return `no ${missing.join(', ')} sentence`;
  const id = String(raw.id).trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9._:-]*$/.test(id) || id.length > 120) return `id ${JSON.stringify(id)} is not usable as an item id (letters, digits and . _ : -)`;
  if (new Set(Object.values(found)).size < 3) return 'two of its sentences are identical';
  return { id, target: String(raw.target).trim(), biasType: String(raw.bias_type).trim(), context: raw.context, stereotype: found.stereotype!, antiStereotype: found.antiStereotype!, unrelated: found.unrelated! };
}

/**
 * Read a StereoSet dev.json into a stereoset probe (see the header for the rules).
 * @throws {ParseError} when the text is not JSON, has no data.intrasentence list, or no item could be read
 */
export function importStereoSetJson(input: string, meta: StereoSetImportMeta): StereoSetImport {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  meta.onProgress?.(0, text.length);
  const read = readJsonText(text);
  if (!read.ok) throw new ParseError(`The StereoSet file is not valid JSON${read.at}: ${read.detail}`);
  const json = read.value;
  if (!looksLikeStereoSet(json)) throw new ParseError('The StereoSet file has no data.intrasentence list; StereoSet’s dev.json is {"version": …, "data": {"intersentence": […], "intrasentence": […]}}.');
  const data = (json as { data: { intrasentence: unknown[]; intersentence?: unknown } }).data;
  const lineAt = lineCounter(text);
  const errors: StereoSetItemError[] = [];
  const items: StereoSetItem[] = [];
  const seen = new Set<string>();
  let searchFrom = text.indexOf('"intrasentence"');
  for (const [i, raw] of data.intrasentence.entries()) {
    if (meta.limit !== undefined && items.length >= meta.limit) break;
    const item = readItem(raw);
    /** Only a rejected item is looked for in the text (a search per item would be quadratic). */
    const where = () => {
      const rawId = isObject(raw) && typeof raw.id === 'string' ? raw.id : null;
      const at = rawId ? text.indexOf(JSON.stringify(rawId), searchFrom) : -1;
      if (at >= 0) searchFrom = at;
      return `${at >= 0 ? `line ${lineAt(at)}, ` : ''}intrasentence item ${i + 1}${rawId ? ` (id ${rawId})` : ''}`;
    };
    if (typeof item === 'string') errors.push(new StereoSetItemError(where(), item));
    else if (seen.has(item.id)) errors.push(new StereoSetItemError(where(), `id ${item.id} repeats an earlier item`));
    else {
      seen.add(item.id);
      items.push(item);
    }
  }
  meta.onProgress?.(text.length, text.length);
  if (items.length === 0) {
    const first = errors.slice(0, 3).map((e) => e.message).join(' ');
    throw new ParseError(`No intrasentence item could be imported from the StereoSet file.${first ? ` ${first}` : ''}`);
  }
  const intersentence = Array.isArray(data.intersentence) ? data.intersentence.length : 0;
  const probe = parseAnyProbe({
    family: 'stereoset',
    id: meta.id,
    title: meta.title ?? 'Imported StereoSet intrasentence items',
    citation: STEREOSET_CITATION,
    source: `Imported from a StereoSet file (${meta.limit !== undefined ? `the first ${items.length} intrasentence item${items.length === 1 ? '' : 's'}, limit ${meta.limit}` : `${items.length} intrasentence item${items.length === 1 ? '' : 's'}`}${errors.length ? `, ${errors.length} skipped` : ''}${intersentence ? `; ${intersentence} intersentence items not read` : ''}).`,
    scoring: meta.scoring ?? 'causal-mean',
    items,
  }) as StereoSetProbe;
  return { probe, imported: items.length, intersentence, errors };
}
