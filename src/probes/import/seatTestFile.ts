// SEAT test files in the format of May et al.'s sent-bias (W4ngatang/sent-bias tests/*.jsonl, also
// McGill-NLP/bias-bench data/seat/): despite the .jsonl name, ONE JSON object per file,
// {"targ1": {"category": "Flowers", "examples": [...]}, "targ2": …, "attr1": …, "attr2": …}.
// targ1/targ2 become the targets X/Y and attr1/attr2 the attributes A/B, each labelled by its
// category. An example is embedded as written (sent-bias encodes each example as one sentence, and
// its word-level files' examples as one-word "sentences"), so the probe's only template is "{term}".
//
// Problems are named by the file's own fields ("attr2.examples[3]: …"), all of them at once, since a
// user fixes the file, not the probe it becomes. The sent-bias tests are CC BY-NC 4.0: nothing of
// them ships here; the user brings the file.
import { ParseError, ProbeValidationError } from '../../core/errors';
import { readJsonText, notValidJson } from '../../core/input/jsonText';
import type { SeatProbe } from '../families/seat/schema';
import { TERM_PLACEHOLDER } from '../probeFields';
import type { ProbeSetKey } from '../schema';
import { probeValidationError, validateProbe, type ProbeIssue } from '../validate';

/** The file's four fields, in the order they become X, Y, A, B. */
export const SEAT_TEST_FIELDS = ['targ1', 'targ2', 'attr1', 'attr2'] as const;
type SeatField = (typeof SEAT_TEST_FIELDS)[number];

const SET_OF: Record<SeatField, ProbeSetKey> = { targ1: 'X', targ2: 'Y', attr1: 'A', attr2: 'B' };
const PROBE_PATH: Record<ProbeSetKey, string> = { X: 'targets.X', Y: 'targets.Y', A: 'attributes.A', B: 'attributes.B' };

export const SEAT_TEST_SHAPE = 'a SEAT test file holds one JSON object {"targ1", "targ2", "attr1", "attr2"}, each {"category": "…", "examples": ["…", …]}';

export const SEAT_FILE_CITATION = {
  text:
    'May, C., Wang, A., Bordia, S., Bowman, S. R., & Rudinger, R. (2019). On Measuring Social Biases in Sentence Encoders. NAACL-HLT 2019, 622–628. (Test file in the sent-bias format; the sent-bias tests are CC BY-NC 4.0.)',
  url: 'https://doi.org/10.18653/v1/N19-1063',
  doi: '10.18653/v1/N19-1063',
} as const;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A parsed JSON value has the shape of a SEAT test file (any of its four fields at the top). */
export const looksLikeSeatTest = (json: unknown): boolean => isObject(json) && SEAT_TEST_FIELDS.some((f) => f in json);

const describe = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : `a ${typeof v}`);

/** The file's field name for a path of the probe it became ("targets.X.words.3" → "targ1.examples[3]"). */
const filePath = (path: string): string => {
  let out = path;
  for (const field of SEAT_TEST_FIELDS) out = out.replace(PROBE_PATH[SET_OF[field]], field);
  return out
    .replace(/\.words(?:\.(\d+))?/, (_m, i: string | undefined) => (i === undefined ? '.examples' : `.examples[${i}]`))
    .replace(/\.label$/, '.category')
    .replace(/^targets$/, 'targ1/targ2')
    .replace(/^attributes$/, 'attr1/attr2');
};

/** Problems of the four fields' shape, named by the file's fields. */
function shapeIssues(json: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const field of SEAT_TEST_FIELDS) {
    const value = json[field];
    if (value === undefined) {
      problems.push(`${field} is missing`);
      continue;
    }
    if (!isObject(value)) {
      problems.push(`${field} is ${describe(value)}; it must be an object {"category", "examples"}`);
      continue;
    }
    if (typeof value.category !== 'string' || value.category.trim() === '')
      problems.push(`${field}.category is ${value.category === undefined ? 'missing' : typeof value.category === 'string' ? 'empty' : describe(value.category)}; it names the set (e.g. "Flowers")`);
    if (!Array.isArray(value.examples)) {
      problems.push(`${field}.examples is ${value.examples === undefined ? 'missing' : describe(value.examples)}; it must be a list of sentences or words`);
      continue;
    }
    value.examples.forEach((example: unknown, i) => {
      if (typeof example !== 'string') problems.push(`${field}.examples[${i}] is ${describe(example)}; every example is a string`);
    });
  }
  return problems;
}

export interface SeatTestMeta {
  id: string;
  /** The file name, for the title and messages. */
  name: string;
}

/**
 * A SEAT probe from the text of a sent-bias test file.
 * @throws {ParseError} when the text is not JSON or not one object of the four fields
 * @throws {ProbeValidationError} naming every bad field (missing, wrong type, a set too small, a repeated example…)
 */
export function importSeatTestFile(text: string, meta: SeatTestMeta): SeatProbe {
  const read = readJsonText(text);
  if (!read.ok) throw new ParseError(`${meta.name} is ${notValidJson(read)}; ${SEAT_TEST_SHAPE}.`);
  const json = read.value;
  if (!isObject(json)) throw new ParseError(`${meta.name} holds ${describe(json)}; ${SEAT_TEST_SHAPE}.`);
  const problems = shapeIssues(json);
  if (problems.length > 0) {
    throw new ProbeValidationError(`${meta.name} is not a SEAT test file (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `- ${p}`).join('\n')}\n(${SEAT_TEST_SHAPE}.)`);
  }
  const set = (field: SeatField) => {
    const value = json[field] as { category: string; examples: string[] };
    return { label: value.category.trim(), words: value.examples.map((e) => e.trim()) };
  };
  const categories = SEAT_TEST_FIELDS.map((f) => set(f).label);
  const candidate = {
    family: 'seat',
    id: meta.id,
    title: `${categories[0]} vs ${categories[1]} × ${categories[2]} vs ${categories[3]} (${meta.name})`.slice(0, 200),
    description: `SEAT test imported from ${meta.name} (sent-bias format): each example is embedded as written.`,
    citation: { ...SEAT_FILE_CITATION },
    targets: { X: set('targ1'), Y: set('targ2') },
    attributes: { A: set('attr1'), B: set('attr2') },
    templates: [TERM_PLACEHOLDER],
  };
  const v = validateProbe(candidate);
  const errors: ProbeIssue[] = v.issues.filter((i) => i.severity === 'error').map((i) => ({ ...i, path: filePath(i.path) }));
  if (!v.probe || errors.length > 0) throw probeValidationError(errors, meta.name);
  const { format: _f, $schema: _s, ...probe } = v.probe;
  return probe as SeatProbe;
}
