// What the WEAT/SEAT editor's import buttons read, as pure functions over text (so the import
// worker, the CLI and tests call the same code): a word list (TXT/CSV) into one set, pasted words,
// or a whole probe from probe JSON, a WEFE word-set JSON, a CSV with a `set` column or a SEAT test
// file (sent-bias .jsonl). Every failure is a named error with a message the user can act on (line
// numbers for CSV).
import { ParseError } from '../../core/errors';
import { readJsonText } from '../../core/input/jsonText';
import { stimulusLines } from '../../core/input/stimulusLines';
import type { AssociationProbe } from '../schema';
import { csvSetsToProbe } from './csvSets';
import { detectInputFormat } from './inputFormat';
import { LM_EDITOR_IMPORT_LABEL } from './lmEditorFormats';
import { MAX_IMPORTED_WORDS } from './limits';
import { importProbeJson } from './probeJson';
import { importSeatTestFile } from './seatTestFile';
import { guessWefeMapping, parseWefeWordSets, wefeToProbe, type WefeMapping, type WefeWordSets } from './wefe';
import { parseWordListCsv, parseWordListText } from './wordList';

const ext = (name: string) => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
/** The id an imported file's probe gets: its name without the extension, as a probe id. */
export const importedProbeId = (name: string) =>
  name.replace(/\.[^.]+$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'imported-probe';

/** @throws {ParseError} when a file or paste holds more than MAX_IMPORTED_WORDS words */
const capped = (words: string[], from: string): string[] => {
  if (words.length > MAX_IMPORTED_WORDS)
    throw new ParseError(`${from} holds ${words.length.toLocaleString('en-US')} words; one set takes at most ${MAX_IMPORTED_WORDS.toLocaleString('en-US')} from a file or paste.`);
  return words;
};

/** Words for one set from a .txt/.csv file's content (or text named like one). */
export function wordsFromText(text: string, filename = 'pasted.txt'): string[] {
  if (ext(filename) === 'csv') {
    const r = parseWordListCsv(text);
    if (r.kind === 'list') return capped(r.words, filename);
    throw new ParseError(`${filename} assigns words to sets (it has a "set" column): use “Import probe or word sets” to fill all four sets at once.`);
  }
  return capped(parseWordListText(text), filename);
}

/** Words pasted into a set's box, split as the box splits what is typed (one per line). */
export const wordsFromPaste = (text: string): string[] => capped(stimulusLines(text), 'The pasted text');

/** A whole WEAT probe from a CSV of words with a set column. @throws {ParseError} for a CSV without one */
export function probeFromWordSetsCsv(text: string, filename: string): AssociationProbe {
  const r = parseWordListCsv(text);
  if (r.kind === 'list')
    throw new ParseError(`${filename} is a single word list (no "set" column): import it into one set with that set's “Import list” button, or add a set column (X, Y, A, B).`);
  return csvSetsToProbe(r, { id: importedProbeId(filename), title: `Imported from ${filename}` });
}

export type ProbeImport = { kind: 'probe'; probe: AssociationProbe } | { kind: 'wefe'; sets: WefeWordSets; suggested: WefeMapping | null; id: string };

/**
 * A probe (or a WEFE file needing a set mapping) from a file the user chose, read as the format
 * detectInputFormat finds (the CLI's `run <file>` asks the same function).
 */
export function probeFromFile(text: string, filename: string): ProbeImport {
  if (ext(filename) === 'txt') throw new ParseError(`${filename} is a plain word list: import it into one set with that set's “Import list” button.`);
  const detected = detectInputFormat(text, filename);
  const format = detected.ok ? detected.format : null;
  if (format === 'seat-jsonl') return { kind: 'probe', probe: importSeatTestFile(text, { id: importedProbeId(filename), name: filename }) };
  if (format === 'crows-csv')
    throw new ParseError(`${filename} is a CrowS-Pairs CSV, sentence pairs for a language model: open it with “${LM_EDITOR_IMPORT_LABEL}” in the language-model editor.`);
  if (format === 'word-lists' || ext(filename) === 'csv') return { kind: 'probe', probe: probeFromWordSetsCsv(text, filename) };
  // Malformed JSON and run records too go to the probe-file reader, whose refusal is the CLI's for
  // the same file read as probe JSON ("… not a probe file … opened in History").
  const read = readJsonText(text);
  if (format === 'probe-json' || format === 'run-record' || !read.ok) return { kind: 'probe', probe: importProbeJson(text, filename) };
  const sets = parseWefeWordSets(read.value);
  return { kind: 'wefe', sets, suggested: guessWefeMapping(sets), id: importedProbeId(filename) };
}

export const probeFromWefe = (sets: WefeWordSets, mapping: WefeMapping, id: string): AssociationProbe => wefeToProbe(sets, mapping, { id });
