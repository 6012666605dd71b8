// The size limits of every import, in one table: a file or paste over its kind's limit is refused
// before a byte of it is read (reading 500 MB into a string can take the tab down with it). The
// limits are generous for real files (the CrowS-Pairs CSV is 0.5 MB; 64 MB holds about 250,000 of
// its rows, more than an LM probe may hold) and small enough that reading, parsing and one pretty
// copy of the result fit comfortably in a tab's memory.
import { InputTooLargeError } from '../../core/errors';

const MB = 1_000_000;

export const IMPORT_LIMITS = Object.freeze({
  'crows-csv': { bytes: 64 * MB, what: 'CrowS-Pairs CSV imports' },
  'lm-probe-json': { bytes: 64 * MB, what: 'LM probe JSON imports' },
  'association-probe': { bytes: 64 * MB, what: 'probe and word-set imports (probe JSON, WEFE JSON, CSV with a set column)' },
  'word-list': { bytes: 16 * MB, what: 'word-list imports' },
  'run-record': { bytes: 64 * MB, what: 'run record imports' },
  'coref-text': { bytes: 16 * MB, what: 'WinoBias and Winogender files' },
  'pasted-words': { bytes: 16 * MB, what: 'pasted word lists' },
  'stereoset-json': { bytes: 64 * MB, what: 'StereoSet JSON imports' },
  'bbq-jsonl': { bytes: 64 * MB, what: 'BBQ JSONL imports' },
  'holistic-bias-json': { bytes: 4 * MB, what: 'HolisticBias imports (the published files are 45 kB together)' },
  'discrim-eval-jsonl': { bytes: 64 * MB, what: 'discrim-eval JSONL imports' },
} as const);

export type ImportKind = keyof typeof IMPORT_LIMITS;

/**
 * Files read elsewhere than the import worker. Word vectors are streamed by the model worker and
 * never held as text: the parsed float32 table (≈ 0.45 × the file for 300-d text) must fit.
 */
export const OTHER_FILE_LIMITS = Object.freeze({
  'word-vectors': { bytes: 2_000 * MB, what: 'word-vector files' },
} as const);

/** Most words one set's list may take from a file or a paste (the schema's per-set limit is lower: the editor then says so). */
export const MAX_IMPORTED_WORDS = 100_000;

const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

/**
 * @throws {InputTooLargeError} "big.csv is 80.0 MB; the limit for CrowS-Pairs CSV imports is 64 MB"
 */
export function checkImportSize(kind: ImportKind | keyof typeof OTHER_FILE_LIMITS, bytes: number, name: string): void {
  const limit = kind === 'word-vectors' ? OTHER_FILE_LIMITS[kind] : IMPORT_LIMITS[kind];
  if (bytes > limit.bytes) throw new InputTooLargeError(`${name} is ${mb(bytes)}; the limit for ${limit.what} is ${limit.bytes / MB} MB.`);
}
