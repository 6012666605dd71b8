// The typed boundary between the page and the import worker (src/worker/import.worker.ts). Every
// import the editors and the history offer is one `ImportKind`; its result type is tied to the
// kind by `ImportResults`, so the page never casts. Progress is its own tagged union. The page
// cancels an import by terminating the worker (importClient.ts), so the parsers need no flag.
import type { ProxyMarked } from 'comlink';
import type { ImportKind } from '../probes/import/limits';
import type { LmDraftValidation } from '../probes/import/lmImport';
import type { ProbeImport } from '../probes/import/editorFiles';
import type { ParsedRunRecord } from '../probes/import/runRecordJson';
import type { JsonEditorProbe } from '../probes/lmSchema';

export type { ImportKind, LmDraftValidation, ParsedRunRecord, ProbeImport };

/** A file (read in the worker) or text the page already holds (a paste), with a name for messages. */
export type ImportSource = { name: string; file: Blob } | { name: string; text: string };

/** Reading the file (bytes), parsing (characters of text), then the schema checks (no count). */
export type ImportProgress = { stage: 'reading'; done: number; total: number } | { stage: 'parsing'; done: number; total: number } | { stage: 'validating' };

/**
 * An LM probe for the editor: its pretty JSON when small enough to edit as text, otherwise null
 * (the editor shows a summary) with the size that text would have.
 */
export interface LmProbeImport {
  probe: JsonEditorProbe;
  text: string | null;
  chars: number;
  /** Rows of a CrowS-Pairs CSV, StereoSet, BBQ or discrim-eval file that were skipped, each with its line and reason. */
  skipped: string[];
}

export interface ImportResults {
  'crows-csv': LmProbeImport;
  'lm-probe-json': LmProbeImport;
  'association-probe': ProbeImport;
  'word-list': string[];
  'pasted-words': string[];
  'run-record': ParsedRunRecord;
  'stereoset-json': LmProbeImport;
  'bbq-jsonl': LmProbeImport;
  'discrim-eval-jsonl': LmProbeImport;
  'coref-text': LmProbeImport;
  'holistic-bias-json': LmProbeImport;
}

export interface ImportWorkerApi {
  /**
   * Read and parse one import. Input over the kind's limit is refused before it is read.
   * @throws InputTooLargeError, ParseError, ProbeValidationError as named errors
   */
  importInput<K extends ImportKind>(kind: K, source: ImportSource, onProgress: ((p: ImportProgress) => void) & ProxyMarked): Promise<ImportResults[K]>;
  /** The LM editor's check of a large draft (same function the page runs on small ones). */
  validateLmDraft(text: string): Promise<LmDraftValidation>;
}
