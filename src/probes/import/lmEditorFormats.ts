// What the language-model editor's import reads, named from the one table of importable formats
// (inputFormat.ts), so a format added there is named on the button's help without an edit here:
// every format except the word-set files, which the WEAT/SEAT editor's import opens, and run records,
// which History opens. Each format is named by its table entry up to the first parenthesis
// ("BBQ JSONL", "StereoSet dev.json"). The button's label lives here too, because other imports'
// refusals point to it by name, and so does which import-worker reader a chosen file goes to.
import { INPUT_FORMAT_IDS, INPUT_FORMATS, type InputFormat } from './inputFormat';

/** The language-model editor's import button. */
export const LM_EDITOR_IMPORT_LABEL = 'Import probe or dataset…';

/** Formats another part of the page opens, and which. */
const OPENED_ELSEWHERE: Readonly<Partial<Record<InputFormat, 'the WEAT/SEAT editor' | 'History'>>> = {
  'wefe-json': 'the WEAT/SEAT editor',
  'word-lists': 'the WEAT/SEAT editor',
  'seat-jsonl': 'the WEAT/SEAT editor',
  'run-record': 'History',
};

/** A format's short name: its description up to the first parenthesis. */
export const formatName = (format: InputFormat): string => INPUT_FORMATS[format].split(' (')[0]!.trim();

/** The formats the language-model editor's import reads, in the table's order. */
export const LM_EDITOR_FORMATS: readonly InputFormat[] = INPUT_FORMAT_IDS.filter((f) => OPENED_ELSEWHERE[f] === undefined);

/**
 * The import worker's reader for a file chosen in the language-model editor: CSV as CrowS-Pairs, the
 * pronoun-resolution files by their extensions, any other file by its content (the worker's probe
 * JSON reader finds a BBQ or StereoSet file and reads it as what it is).
 */
export function lmEditorImportKind(filename: string): 'crows-csv' | 'coref-text' | 'lm-probe-json' {
  if (/\.csv$/i.test(filename)) return 'crows-csv';
  if (/\.(tsv|txt|dev|test)$/i.test(filename)) return 'coref-text';
  return 'lm-probe-json';
}

const list = (names: readonly string[]): string => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`);

/** The button's help: what it reads, and where the other importable files open. */
export function lmEditorImportHelp(): string {
  const elsewhere = [...new Set(Object.values(OPENED_ELSEWHERE))].map((where) => {
    const names = INPUT_FORMAT_IDS.filter((f) => OPENED_ELSEWHERE[f] === where).map(formatName);
    return `${list(names)}: ${where}`;
  });
  return `Reads ${list(LM_EDITOR_FORMATS.map(formatName))}. Opened elsewhere — ${elsewhere.join('; ')}.`;
}
