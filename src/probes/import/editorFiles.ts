// What the WEAT/SEAT editor's import buttons read, as pure functions over text (so the import
// worker, the CLI and tests call the same code): a word list (TXT/CSV) into one set, pasted words,
// or a whole probe from probe JSON, a WEFE word-set JSON, or a CSV with a `set` column. Every failure
// is a named error with a message the user can act on (line numbers for CSV).
import { ParseError } from '../../core/errors';
import { readJsonText } from '../../core/input/jsonText';
import { stimulusLines } from '../../core/input/stimulusLines';
import type { AssociationProbe } from '../schema';
import { csvSetsToProbe } from './csvSets';
import { MAX_IMPORTED_WORDS } from './limits';
import { importProbeJson } from './probeJson';
import { guessWefeMapping, parseWefeWordSets, wefeToProbe, type WefeMapping, type WefeWordSets } from './wefe';
import { parseWordListCsv, parseWordListText } from './wordList';

const ext = (name: string) => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
const slug = (name: string) =>
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

export type ProbeImport = { kind: 'probe'; probe: AssociationProbe } | { kind: 'wefe'; sets: WefeWordSets; suggested: WefeMapping | null; id: string };

/** A probe (or a WEFE file needing a set mapping) from a file the user chose. */
export function probeFromFile(text: string, filename: string): ProbeImport {
  const e = ext(filename);
  if (e === 'csv') {
    const r = parseWordListCsv(text);
    if (r.kind === 'list')
      throw new ParseError(`${filename} is a single word list (no "set" column): import it into one set with that set's “Import list” button, or add a set column (X, Y, A, B).`);
    return { kind: 'probe', probe: csvSetsToProbe(r, { id: slug(filename), title: `Imported from ${filename}` }) };
  }
  if (e === 'txt') throw new ParseError(`${filename} is a plain word list: import it into one set with that set's “Import list” button.`);
  const read = readJsonText(text);
  const json = read.ok ? read.value : null;
  const looksLikeProbe = Array.isArray(json) || (json !== null && typeof json === 'object' && ['family', 'targets', 'attributes', 'probes', 'format'].some((k) => k in (json as object)));
  // Malformed JSON too goes to the probe-file reader, so its message is the CLI's for the same file.
  if (!read.ok || looksLikeProbe) return { kind: 'probe', probe: importProbeJson(text, filename) };
  const sets = parseWefeWordSets(json);
  return { kind: 'wefe', sets, suggested: guessWefeMapping(sets), id: slug(filename) };
}

export const probeFromWefe = (sets: WefeWordSets, mapping: WefeMapping, id: string): AssociationProbe => wefeToProbe(sets, mapping, { id });
