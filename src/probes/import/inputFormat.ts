// Which of the importable formats a file is, decided from its content (the extension only breaks a
// tie the content cannot: malformed JSON is read by the reader its name points to, so its error is
// that reader's). The page's "Import probe or word sets…" and the CLI's `run <file>` both ask here,
// so a file is read as the same format in both; the CLI may name the format instead
// (--input-format), which skips the guess but not the reader's checks.
import Papa from 'papaparse';
import { PROBE_FILE_FORMAT } from '../../core/input/probeCollection';
import { readJsonText } from '../../core/input/jsonText';
import { RUN_RECORD_FORMAT } from '../../core/runRecord';
import { CROWS_REQUIRED_COLUMNS } from './crowsPairs';
import { looksLikeSeatTest } from './seatTestFile';
import { looksLikeStereoSet } from './stereoSet';
import { looksLikeBbqJsonl } from './bbqJsonl';
import { looksLikeDiscrimEvalJsonl } from './discrimEval';
import { looksLikeWinoBias } from './winobias';
import { WINOGENDER_COLUMNS } from './winogender';
import { looksLikeHolisticBias } from './holisticBias';

/** Every format a probe can be read from, with the words a refusal names it by. */
export const INPUT_FORMATS = Object.freeze({
  'probe-json': `probe JSON (one probe, a list, or {"format": "${PROBE_FILE_FORMAT}", "probes": […]}, as the app exports)`,
  'crows-csv': `CrowS-Pairs CSV (columns ${CROWS_REQUIRED_COLUMNS.join(', ')})`,
  'wefe-json': 'WEFE word-set JSON ({"flowers": […], "insects": […], …})',
  'word-lists': 'a word-list CSV with a set column (X, Y, A, B; optional word and label columns)',
  'seat-jsonl': 'a SEAT test file of sent-bias (.jsonl: one object {targ1, targ2, attr1, attr2})',
  'run-record': 'a run record the app or the CLI exported (its probes run again)',
  'stereoset-json': 'StereoSet dev.json ({"version", "data": {"intrasentence": […]}}; intrasentence items are read)',
  'bbq-jsonl': 'BBQ JSONL (one question per line: context, question, ans0–ans2, label, context_condition, question_polarity, answer_info)',
  'winobias-txt': 'a WinoBias sentence file (lines "<n> … [referent] … [pronoun] …"; pro and anti files of one type may be concatenated)',
  'winogender-tsv': `Winogender's all_sentences.tsv (tab-separated columns ${WINOGENDER_COLUMNS.join(', ')})`,
  'holistic-bias-json': 'HolisticBias: its folder, or one JSON object {"descriptors", "nouns", "sentence_templates", "standalone_noun_phrases"?} holding those files',
  'discrim-eval-jsonl': 'discrim-eval explicit.jsonl or implicit.jsonl (one filled question per line: filled_template, decision_question_id, age, gender, race)',
} as const);

export type InputFormat = keyof typeof INPUT_FORMATS;
export const INPUT_FORMAT_IDS = Object.keys(INPUT_FORMATS) as InputFormat[];

export type FormatDetection = { ok: true; format: InputFormat } | { ok: false; why: string };

const ext = (name: string) => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The JSON keys that make an object a probe file rather than a WEFE file of word lists. */
const PROBE_KEYS = ['family', 'targets', 'attributes', 'probes', 'format'] as const;

/**
 * Only named lists of words, at least one of them not empty: a WEFE file. Checked before the probe
 * keys, since WEFE's own WEAT.json has a list named "family".
 */
const looksLikeWordLists = (json: unknown): boolean => {
  if (!isObject(json)) return false;
  const values = Object.values(json);
  return values.every((v) => Array.isArray(v) && v.every((w) => typeof w === 'string')) && values.some((v) => (v as unknown[]).length > 0);
};

/** A parsed JSON value the probe-file reader should read (a list, a probe, a collection, a marked file). */
const looksLikeProbeFile = (json: unknown): boolean => Array.isArray(json) || (isObject(json) && !looksLikeWordLists(json) && PROBE_KEYS.some((k) => k in json));

const looksLikeRunRecord = (json: unknown): boolean =>
  isObject(json) && typeof json.format === 'string' && json.format.startsWith(RUN_RECORD_FORMAT.slice(0, RUN_RECORD_FORMAT.indexOf('@') + 1));

/** Named lists (of words or not: the WEFE reader then names the list that is not). */
const looksLikeWefe = (json: unknown): boolean => isObject(json) && Object.keys(json).length > 0 && Object.values(json).every(Array.isArray);

/** The first non-empty row of a CSV, lower-cased and trimmed. */
const csvHeader = (text: string): string[] => {
  const firstLines = text.slice(0, 64 * 1024);
  const rows = Papa.parse<string[]>(firstLines, { delimitersToGuess: [',', '\t', ';'], preview: 5 }).data;
  const first = rows.find((r) => r.some((c) => c.trim().length > 0)) ?? [];
  return first.map((c) => c.trim().toLowerCase());
};

/** Which format `text` (named `name`) is; `why` says what it looked like when it is none. Never throws. */
export function detectInputFormat(text: string, name: string): FormatDetection {
  const body = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).trimStart();
  const e = ext(name);
  if (body.length === 0) return { ok: false, why: `${name} is empty` };
  if (body.startsWith('{') || body.startsWith('[')) {
    if (looksLikeBbqJsonl(body)) return { ok: true, format: 'bbq-jsonl' };
    if (looksLikeDiscrimEvalJsonl(body)) return { ok: true, format: 'discrim-eval-jsonl' };
    const read = readJsonText(body);
    if (!read.ok) return { ok: true, format: e === 'jsonl' ? 'seat-jsonl' : 'probe-json' };
    const json = read.value;
    if (looksLikeRunRecord(json)) return { ok: true, format: 'run-record' };
    if (looksLikeStereoSet(json)) return { ok: true, format: 'stereoset-json' };
    if (looksLikeHolisticBias(json)) return { ok: true, format: 'holistic-bias-json' };
    if (looksLikeSeatTest(json)) return { ok: true, format: 'seat-jsonl' };
    if (looksLikeProbeFile(json)) return { ok: true, format: 'probe-json' };
    if (looksLikeWefe(json)) return { ok: true, format: 'wefe-json' };
    return { ok: false, why: `${name} is JSON, but neither a probe, a WEFE word-set file, a SEAT test file nor a run record` };
  }
  if (e === 'json' || e === 'jsonl') return { ok: true, format: e === 'jsonl' ? 'seat-jsonl' : 'probe-json' };
  if (looksLikeWinoBias(body)) return { ok: true, format: 'winobias-txt' };
  const header = csvHeader(body);
  if (WINOGENDER_COLUMNS.every((c) => header.includes(c))) return { ok: true, format: 'winogender-tsv' };
  // Either sentence column is enough: the CrowS-Pairs reader then names the columns that are missing.
  if (header.includes('sent_more') || header.includes('sent_less')) return { ok: true, format: 'crows-csv' };
  if (header.includes('set')) return { ok: true, format: 'word-lists' };
  return { ok: false, why: `${name} reads as a plain word list (no set column), which fills one set of a probe, not a whole probe` };
}
