// Every probe a file holds, in whichever importable format it is (inputFormat.ts), read by the same
// functions the page's imports call: the CrowS-Pairs reader of the LM editor, the WEAT/SEAT editor's
// readers of word-set CSVs, WEFE files and SEAT test files, the probe-file reader and the run-record
// reader of History. This is what `bias-workbench run <file>` runs, so a file gives the CLI the
// probe the page's editor gets from it.
import { ParseError } from '../../core/errors';
import type { AnyProbe } from '../families';
import type { ImportKind } from './limits';
import { importedProbeId, probeFromWordSetsCsv } from './editorFiles';
import type { InputFormat } from './inputFormat';
import { lmProbeFromCrowsCsv } from './lmImport';
import { importAnyProbesJson } from './probeJson';
import { parseRunRecordJson } from './runRecordJson';
import { importSeatTestFile } from './seatTestFile';
import { importStereoSetJson } from './stereoSet';
import { importBbqJsonl } from './bbqJsonl';
import { importHolisticBiasJson } from './holisticBias';
import { importDiscrimEvalJsonl } from './discrimEval';
import { importWinoBiasText } from './winobias';
import { importWinogenderTsv } from './winogender';
import { guessWefeMapping, parseWefeWordSets, wefeToProbe, type WefeMapping } from './wefe';

/** The size limit (limits.ts) each format is read under: the limit of the page's import that reads it. */
export const IMPORT_KIND_OF: Readonly<Record<InputFormat, ImportKind>> = Object.freeze({
  'probe-json': 'association-probe',
  'crows-csv': 'crows-csv',
  'wefe-json': 'association-probe',
  'word-lists': 'association-probe',
  'seat-jsonl': 'association-probe',
  'run-record': 'run-record',
  'stereoset-json': 'stereoset-json',
  'bbq-jsonl': 'bbq-jsonl',
  'winobias-txt': 'coref-text',
  'winogender-tsv': 'coref-text',
  'holistic-bias-json': 'holistic-bias-json',
  'discrim-eval-jsonl': 'discrim-eval-jsonl',
});

/** Formats whose rows --limit can cut (one row, one item). */
export const LIMITABLE_FORMATS: readonly InputFormat[] = ['crows-csv', 'stereoset-json', 'bbq-jsonl', 'winobias-txt', 'winogender-tsv', 'discrim-eval-jsonl'];

export interface FileReadOptions {
  /** Keep the first this many items (a format of LIMITABLE_FORMATS only). */
  limit?: number;
  /** WEFE: the four list names for X, Y, A, B, in that order (needed when the file has other than four lists). */
  wefeSets?: readonly string[];
}

export interface FileProbes {
  probes: AnyProbe[];
  /** Rows read past, each "CSV line N: reason". */
  skipped: string[];
}

/** @throws {ParseError} for a WEFE file whose four lists cannot be named without asking */
function wefeMapping(keys: readonly string[], sets: readonly string[] | undefined, name: string, guessed: WefeMapping | null): WefeMapping {
  if (sets) {
    if (sets.length !== 4) throw new ParseError(`Name four of the lists of ${name} for X, Y, A and B (got ${sets.length}); it has: ${keys.join(', ')}.`);
    const [X, Y, A, B] = sets as [string, string, string, string];
    return { X, Y, A, B };
  }
  if (guessed) return guessed;
  throw new ParseError(
    `${name} has ${keys.length} word lists (${keys.slice(0, 12).join(', ')}${keys.length > 12 ? ', …' : ''}); name the four to test, in the order X, Y, A, B, with --sets (e.g. --sets ${keys.slice(0, 4).join(',')}).`,
  );
}

/**
 * The probes of a file of a known format.
 * @throws {ParseError | ProbeValidationError} as the format's reader does
 */
export function probesFromFile(text: string, name: string, format: InputFormat, options: FileReadOptions = {}): FileProbes {
  switch (format) {
    case 'probe-json':
      return { probes: importAnyProbesJson(text, name), skipped: [] };
    case 'crows-csv': {
      const r = lmProbeFromCrowsCsv(text, name, undefined, options.limit);
      return { probes: [r.probe], skipped: r.skipped };
    }
    case 'word-lists':
      return { probes: [probeFromWordSetsCsv(text, name)], skipped: [] };
    case 'wefe-json': {
      const sets = parseWefeWordSets(text);
      const mapping = wefeMapping(Object.keys(sets), options.wefeSets, name, guessWefeMapping(sets));
      return { probes: [wefeToProbe(sets, mapping, { id: importedProbeId(name) })], skipped: [] };
    }
    case 'seat-jsonl':
      return { probes: [importSeatTestFile(text, { id: importedProbeId(name), name })], skipped: [] };
    case 'run-record':
      return { probes: [...parseRunRecordJson(text).record.probes], skipped: [] };
    case 'stereoset-json': {
      const r = importStereoSetJson(text, { id: importedProbeId(name), title: `StereoSet from ${name}`, ...(options.limit !== undefined ? { limit: options.limit } : {}) });
      return { probes: [r.probe], skipped: r.errors.map((e) => e.message) };
    }
    case 'bbq-jsonl': {
      const r = importBbqJsonl(text, { id: importedProbeId(name), ...(options.limit !== undefined ? { limit: options.limit } : {}) });
      return { probes: [r.probe], skipped: r.errors.map((e) => e.message) };
    }
    case 'winobias-txt':
    case 'winogender-tsv': {
      const meta = { id: importedProbeId(name), ...(options.limit !== undefined ? { limit: options.limit } : {}) };
      const r = format === 'winobias-txt' ? importWinoBiasText(text, name, meta) : importWinogenderTsv(text, meta);
      return { probes: [r.probe], skipped: r.skipped };
    }
    case 'holistic-bias-json': {
      const r = importHolisticBiasJson(text, { id: importedProbeId(name) });
      return { probes: [r.probe], skipped: r.errors.map((e) => e.message) };
    }
    case 'discrim-eval-jsonl': {
      const r = importDiscrimEvalJsonl(text, { id: importedProbeId(name), ...(options.limit !== undefined ? { limit: options.limit } : {}) });
      return { probes: [r.probe], skipped: r.errors.map((e) => e.message) };
    }
  }
}
