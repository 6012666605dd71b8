// A run record file (exported by the app or the CLI) as text → the validated record. Word-vector
// records are checked against the association schema, records with LM results against the schema
// of every family; which one applied travels with the record so the saving side (src/state) can
// store it as the right kind without looking again.
import { ParseError } from '../../core/errors';
import type { RunRecord, RunResult } from '../../core/runRecord';
import type { AnyProbe } from '../lmSchema';
import { parseAnyRunRecord, parseRunRecord } from '../runRecordSchema';

export interface ParsedRunRecord {
  record: RunRecord<AnyProbe, RunResult>;
  /** True when a result is of an LM family (the record was validated with the any-family schema). */
  isLm: boolean;
}

/** @throws {ParseError} for text that is not JSON; {ProbeValidationError} naming every problem of a record that does not validate */
export function parseRunRecordJson(text: string): ParsedRunRecord {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new ParseError(`The file is not valid JSON (${(e as Error).message}).`);
  }
  const isLm =
    json !== null &&
    typeof json === 'object' &&
    Array.isArray((json as { results?: unknown }).results) &&
    (json as { results: { kind?: string }[] }).results.some((r) => r && r.kind !== 'weat' && r.kind !== 'seat');
  const record = isLm ? parseAnyRunRecord(json) : (parseRunRecord(json) as RunRecord<AnyProbe, RunResult>);
  return { record, isLm };
}
