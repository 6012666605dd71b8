// Import of HolisticBias (Smith et al. 2022; facebookresearch/ResponsibleNLP holistic_bias/dataset/
// v1.1, CC BY-SA 4.0, import only). The dataset is four JSON files — descriptors.json (axis → bucket
// → descriptors, strings or {descriptor, preference, gender, article}), nouns.json (female / male /
// neutral → [singular, plural] pairs), sentence_templates.json (template → flags),
// standalone_noun_phrases.json (optional: axis → phrases) — so it is read as one combined JSON
// object with those four names as keys ({"descriptors": …, "nouns": …, "sentence_templates": …}).
// The page's multi-file pick and the CLI's folder argument build that object from the files
// (holisticBiasBundleText); a user may also write it by hand, with an optional "sample"
// ({perCell, templates, seed}) and "axes" to choose the sample.
//
// Bad entries do not abort the import: each becomes a HolisticBiasEntryError naming the file and the
// path of the entry ("descriptors.json › ability › auditory › 2: …"); every good entry is kept.
import { ParseError } from '../../core/errors';
import { notValidJson, readJsonText } from '../../core/input/jsonText';
import { NOUN_GENDERS, NOUN_PHRASE_SLOTS, type HolisticBiasDataset, type HolisticBiasProbe } from '../families/holistic-bias/schema';
import { datasetAxes, sampleSize } from '../families/holistic-bias/sample';
import { parseAnyProbe } from '../validate';

export const HOLISTIC_BIAS_CITATION = {
  text: 'Smith, E. M., Hall, M., Kambadur, M., Presani, E., & Williams, A. (2022). "I\'m sorry to hear that": Finding new biases in language models with a holistic descriptor dataset. EMNLP 2022, 9180–9211. Data: facebookresearch/ResponsibleNLP holistic_bias, CC BY-SA 4.0 (imported by the user, not distributed with the workbench).',
  url: 'https://doi.org/10.18653/v1/2022.emnlp-main.625',
};

/** The dataset's files, by the key each takes in the combined object. */
export const HOLISTIC_BIAS_FILES = Object.freeze({
  descriptors: 'descriptors.json',
  nouns: 'nouns.json',
  sentence_templates: 'sentence_templates.json',
  standalone_noun_phrases: 'standalone_noun_phrases.json',
} as const);

type DatasetKey = keyof typeof HOLISTIC_BIAS_FILES;
const REQUIRED: readonly DatasetKey[] = ['descriptors', 'nouns', 'sentence_templates'];

export class HolisticBiasEntryError extends ParseError {
  constructor(
    readonly file: string,
    readonly path: readonly (string | number)[],
    readonly reason: string,
  ) {
    super(`${file}${path.length ? ` › ${path.join(' › ')}` : ''}: ${reason}`);
    this.name = 'ParseError';
  }
}

export interface HolisticBiasImport {
  probe: HolisticBiasProbe;
  /** Sentences the probe's sample holds. */
  sentences: number;
  errors: HolisticBiasEntryError[];
}

export interface HolisticBiasImportMeta {
  id: string;
  title?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;
const describe = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'string' ? `"${v.slice(0, 40)}"` : `a ${typeof v}`);

/** Whether parsed JSON is the combined HolisticBias object (the detection in inputFormat.ts asks this). */
export const looksLikeHolisticBias = (json: unknown): boolean => isObject(json) && REQUIRED.every((k) => isObject(json[k]));

/** The key a file of the dataset goes under, from its name (any folder part ignored); null for another file. */
export const holisticBiasKeyOf = (fileName: string): DatasetKey | null => {
  const base = fileName.split(/[\\/]/).pop()!.toLowerCase();
  return (Object.keys(HOLISTIC_BIAS_FILES) as DatasetKey[]).find((k) => HOLISTIC_BIAS_FILES[k] === base) ?? null;
};

/**
 * The combined object's text from the dataset's files, chosen together (other files are ignored).
 * @throws {ParseError} when a required file is missing or a file is not JSON
 */
export function holisticBiasBundleText(files: readonly { name: string; text: string }[]): string {
  const bundle: Record<string, unknown> = {};
  for (const f of files) {
    const key = holisticBiasKeyOf(f.name);
    if (!key) continue;
    const read = readJsonText(f.text);
    if (!read.ok) throw new ParseError(`${HOLISTIC_BIAS_FILES[key]} is ${notValidJson(read)}.`);
    bundle[key] = read.value;
  }
  const missing = REQUIRED.filter((k) => !(k in bundle));
  if (missing.length) throw new ParseError(`HolisticBias needs ${REQUIRED.map((k) => HOLISTIC_BIAS_FILES[k]).join(', ')} (standalone_noun_phrases.json optional); missing: ${missing.map((k) => HOLISTIC_BIAS_FILES[k]).join(', ')}.`);
  return JSON.stringify(bundle);
}

type Errors = HolisticBiasEntryError[];

/** An object's entries, or an error at its path and nothing. */
function entriesOf(v: unknown, file: string, path: (string | number)[], what: string, errors: Errors): [string, unknown][] {
  if (isObject(v)) return Object.entries(v);
  errors.push(new HolisticBiasEntryError(file, path, `expected ${what}, got ${describe(v)}`));
  return [];
}

function listOf(v: unknown, file: string, path: (string | number)[], errors: Errors): unknown[] {
  if (Array.isArray(v)) return v;
  errors.push(new HolisticBiasEntryError(file, path, `expected a list, got ${describe(v)}`));
  return [];
}

function readDescriptors(raw: unknown, errors: Errors): HolisticBiasDataset['descriptors'] {
  const file = HOLISTIC_BIAS_FILES.descriptors;
  const out: HolisticBiasDataset['descriptors'] = {};
  for (const [axis, buckets] of entriesOf(raw, file, [], 'an object of axes', errors)) {
    for (const [bucket, list] of entriesOf(buckets, file, [axis], 'an object of buckets', errors)) {
      const kept = listOf(list, file, [axis, bucket], errors).filter((e, i) => {
        const bad = (reason: string) => (errors.push(new HolisticBiasEntryError(file, [axis, bucket, i], reason)), false);
        if (typeof e === 'string') return nonEmpty(e) || bad('empty descriptor');
        if (!isObject(e)) return bad(`expected a descriptor or {descriptor, …}, got ${describe(e)}`);
        if (!nonEmpty(e.descriptor)) return bad('no descriptor');
        if (e.gender !== undefined && !(NOUN_GENDERS as readonly unknown[]).includes(e.gender)) return bad(`gender ${describe(e.gender)} is none of ${NOUN_GENDERS.join(', ')}`);
        if (e.article !== undefined && !nonEmpty(e.article)) return bad('empty article');
        if (e.preference !== undefined && typeof e.preference !== 'string') return bad('preference is not text');
        return true;
      }) as HolisticBiasDataset['descriptors'][string][string];
      if (kept.length) (out[axis] ??= {})[bucket] = kept;
    }
  }
  return out;
}

function readNouns(raw: unknown, errors: Errors): HolisticBiasDataset['nouns'] {
  const file = HOLISTIC_BIAS_FILES.nouns;
  const out: HolisticBiasDataset['nouns'] = {};
  for (const [gender, list] of entriesOf(raw, file, [], 'an object of gender groups', errors)) {
    if (!(NOUN_GENDERS as readonly string[]).includes(gender)) {
      errors.push(new HolisticBiasEntryError(file, [gender], `gender group is none of ${NOUN_GENDERS.join(', ')}`));
      continue;
    }
    const kept = listOf(list, file, [gender], errors).filter((pair, i) => {
      if (Array.isArray(pair) && pair.length === 2 && pair.every(nonEmpty)) return true;
      errors.push(new HolisticBiasEntryError(file, [gender, i], `expected [singular, plural], got ${describe(pair)}`));
      return false;
    }) as [string, string][];
    if (kept.length) out[gender as (typeof NOUN_GENDERS)[number]] = kept;
  }
  return out;
}

function readTemplates(raw: unknown, errors: Errors): HolisticBiasDataset['sentence_templates'] {
  const file = HOLISTIC_BIAS_FILES.sentence_templates;
  const out: HolisticBiasDataset['sentence_templates'] = {};
  for (const [template, flags] of entriesOf(raw, file, [], 'an object of templates', errors)) {
    const bad = (reason: string) => errors.push(new HolisticBiasEntryError(file, [template], reason));
    if (NOUN_PHRASE_SLOTS.filter((s) => template.includes(s)).length !== 1 || template.split(/\{[a-z_]+\}/).length !== 2) bad(`a template holds exactly one of ${NOUN_PHRASE_SLOTS.join(', ')}`);
    else if (!isObject(flags)) bad(`expected an object of flags, got ${describe(flags)}`);
    else if (['must_be_noun', 'first_turn_only'].some((k) => flags[k] !== undefined && typeof flags[k] !== 'boolean')) bad('must_be_noun and first_turn_only are true or false');
    else out[template] = flags;
  }
  return out;
}

function readStandalone(raw: unknown, errors: Errors): NonNullable<HolisticBiasDataset['standalone_noun_phrases']> {
  const file = HOLISTIC_BIAS_FILES.standalone_noun_phrases;
  const out: NonNullable<HolisticBiasDataset['standalone_noun_phrases']> = {};
  for (const [axis, list] of entriesOf(raw, file, [], 'an object of axes', errors)) {
    const kept = listOf(list, file, [axis], errors).filter((e, i) => {
      if (nonEmpty(e)) return true;
      if (isObject(e) && nonEmpty(e.noun_phrase) && (e.plural_noun_phrase === undefined || nonEmpty(e.plural_noun_phrase))) return true;
      errors.push(new HolisticBiasEntryError(file, [axis, i], `expected a noun phrase or {noun_phrase, plural_noun_phrase?}, got ${describe(e)}`));
      return false;
    }) as NonNullable<HolisticBiasDataset['standalone_noun_phrases']>[string];
    if (kept.length) out[axis] = kept;
  }
  return out;
}

/**
 * Read the combined HolisticBias object into a holistic-bias probe (see the header).
 * @throws {ParseError} for text that is not the combined object, or one left without a descriptor, noun or template
 * @throws {ProbeValidationError} for a "sample" or "axes" the probe refuses
 */
export function importHolisticBiasJson(input: string, meta: HolisticBiasImportMeta): HolisticBiasImport {
  const read = readJsonText(input);
  if (!read.ok) throw new ParseError(`The HolisticBias file is ${notValidJson(read)}.`);
  const raw = read.value;
  if (!looksLikeHolisticBias(raw)) throw new ParseError(`A HolisticBias file is one object with the keys ${REQUIRED.join(', ')} (the contents of ${REQUIRED.map((k) => HOLISTIC_BIAS_FILES[k]).join(', ')}).`);
  const json = raw as Record<string, unknown>;
  const errors: Errors = [];
  const dataset: HolisticBiasDataset = {
    descriptors: readDescriptors(json.descriptors, errors),
    nouns: readNouns(json.nouns, errors),
    sentence_templates: readTemplates(json.sentence_templates, errors),
    ...(json.standalone_noun_phrases !== undefined ? { standalone_noun_phrases: readStandalone(json.standalone_noun_phrases, errors) } : {}),
  };
  const empty = [
    Object.keys(dataset.descriptors).length === 0 && 'descriptor',
    Object.values(dataset.nouns).every((l) => !l?.length) && 'noun',
    Object.keys(dataset.sentence_templates).length === 0 && 'template',
  ].filter(Boolean);
  if (empty.length) {
    const first = errors.slice(0, 3).map((e) => e.message).join(' ');
    throw new ParseError(`No ${empty.join(', no ')} could be imported from the HolisticBias files.${first ? ` ${first}` : ''}`);
  }
  const axes = datasetAxes(dataset).length;
  const probe = parseAnyProbe({
    family: 'holistic-bias',
    id: meta.id,
    title: meta.title ?? `HolisticBias (${axes} ax${axes === 1 ? 'is' : 'es'})`,
    citation: HOLISTIC_BIAS_CITATION,
    source: `Imported from the HolisticBias files${errors.length ? ` (${errors.length} entr${errors.length === 1 ? 'y' : 'ies'} skipped)` : ''}.`,
    ...(json.sample !== undefined ? { sample: json.sample } : {}),
    ...(json.axes !== undefined ? { axes: json.axes } : {}),
    dataset,
  }) as HolisticBiasProbe;
  return { probe, sentences: sampleSize(probe), errors };
}
