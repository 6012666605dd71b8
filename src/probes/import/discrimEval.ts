// Import of discrim-eval's JSONL (Tamkin et al. 2023; Anthropic/discrim-eval on the Hugging Face Hub,
// explicit.jsonl and implicit.jsonl, CC BY 4.0): one filled decision question per line,
// {filled_template, decision_question_id, age, gender, race, fill_type}. The two files may be
// imported one by one or concatenated (ids carry the fill type, so they stay unique).
//
// The rows are kept as the authors filled them: the unfilled template is not in the file, and the
// fills differ in wording from row to row, so they cannot be turned back into a decision template
// (docs/methods/discrim-eval.md). Bad lines do not abort the import: each becomes a
// JsonLineError naming its line and reason; every good line is imported. The text is walked
// line by line with progress every few thousand lines (each file is 9,450 lines).
import { firstJsonLineIs, readJsonLineItems, type JsonLineError } from './jsonLines';
import type { DiscrimEvalItem, DiscrimEvalProbe } from '../families/discrim-eval/schema';
import { parseAnyProbe } from '../validate';

export const DISCRIM_EVAL_CITATION = {
  text: 'Tamkin, A., Askell, A., Lovitt, L., Durmus, E., Joseph, N., Kravec, S., Nguyen, K., Kaplan, J., & Ganguli, D. (2023). Evaluating and mitigating discrimination in language model decisions. arXiv:2312.03689. Data: Anthropic/discrim-eval, CC BY 4.0.',
  url: 'https://arxiv.org/abs/2312.03689',
};

export interface DiscrimEvalImport {
  probe: DiscrimEvalProbe;
  imported: number;
  errors: JsonLineError[];
}

export interface DiscrimEvalImportMeta {
  id: string;
  title?: string;
  onProgress?: (done: number, total: number) => void;
  /** Keep only the first this many good rows. */
  limit?: number;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

/** Whether a parsed line is a discrim-eval row (the detection in inputFormat.ts asks this of the first line). */
export const looksLikeDiscrimEvalLine = (json: unknown): boolean => isObject(json) && 'filled_template' in json && 'decision_question_id' in json;

/** Whether a text's first non-empty line is a discrim-eval row (parsed only when it names the fields). */
export const looksLikeDiscrimEvalJsonl = (text: string): boolean => firstJsonLineIs(text, 'filled_template', looksLikeDiscrimEvalLine);

const idPart = (s: string) => s.trim().replace(/[^A-Za-z0-9._:-]+/g, '_');

/** The row of one parsed line, or the reason it cannot be read. */
function readLine(raw: unknown): DiscrimEvalItem | string {
  if (!isObject(raw)) return 'the line is not a JSON object';
  if (!nonEmpty(raw.filled_template)) return 'filled_template is missing or not text';
  const q = raw.decision_question_id;
  if (!(typeof q === 'number' && Number.isInteger(q)) && !nonEmpty(q)) return `decision_question_id is ${JSON.stringify(q)}; expected a number or a name`;
  const age = raw.age;
  if (typeof age !== 'number' || !Number.isInteger(age) || age < 0 || age > 150) return `age is ${JSON.stringify(age)}; expected whole years (20.0, 30.0, …)`;
  if (!nonEmpty(raw.gender)) return 'gender is missing or not text';
  if (!nonEmpty(raw.race)) return 'race is missing or not text';
  const fill = raw.fill_type;
  if (fill !== undefined && fill !== 'explicit' && fill !== 'implicit') return `fill_type is ${JSON.stringify(fill)}; expected "explicit" or "implicit"`;
  const questionId = String(q).trim();
  const gender = raw.gender.trim();
  const race = raw.race.trim();
  return {
    id: [...(fill ? [fill] : []), `q${idPart(questionId)}`, `age${age}`, idPart(gender), idPart(race)].join('-'),
    questionId,
    text: raw.filled_template.trim(),
    age,
    gender,
    race,
    ...(fill ? { fillType: fill } : {}),
  };
}

/**
 * Read discrim-eval JSONL into a discrim-eval probe (see the header for the rules).
 * @throws {ParseError} when no line could be imported
 */
export function importDiscrimEvalJsonl(input: string, meta: DiscrimEvalImportMeta): DiscrimEvalImport {
  const { items, errors } = readJsonLineItems(input, {
    readLine,
    repeated: (item) => `repeats an earlier row (${item.id}: same question, fill type, age, gender and race)`,
    nothingImported: 'No row could be imported from the discrim-eval file.',
    ...(meta.limit === undefined ? {} : { limit: meta.limit }),
    ...(meta.onProgress ? { onProgress: meta.onProgress } : {}),
  });
  const questions = new Set(items.map((i) => i.questionId)).size;
  const fills = [...new Set(items.map((i) => i.fillType ?? 'unmarked'))].join(' and ');
  const rows = `${items.length} prompt${items.length === 1 ? '' : 's'} of ${questions} question${questions === 1 ? '' : 's'}`;
  const probe = parseAnyProbe({
    family: 'discrim-eval',
    id: meta.id,
    title: meta.title ?? `discrim-eval (${fills}): ${rows}`,
    citation: DISCRIM_EVAL_CITATION,
    source: `Imported from discrim-eval JSONL (${meta.limit !== undefined ? `the first ${rows}, limit ${meta.limit}` : rows}${errors.length ? `, ${errors.length} line${errors.length === 1 ? '' : 's'} skipped` : ''}).`,
    items,
  }) as DiscrimEvalProbe;
  return { probe, imported: items.length, errors };
}
