// A run record file (exported by the app or the CLI, this version's or the previous one's) as text
// → the validated record (probes/runRecordSchema.ts), migrated to the current format.
import { ParseError } from '../../core/errors';
import type { RunRecord, RunResult } from '../../core/runRecord';
import type { AnyProbe } from '../families';
import { parseRunRecord } from '../runRecordSchema';

export interface ParsedRunRecord {
  record: RunRecord<AnyProbe, RunResult>;
}

/** @throws {ParseError} for text that is not JSON; {ProbeValidationError} naming every problem of a record that does not validate */
export function parseRunRecordJson(text: string): ParsedRunRecord {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new ParseError(`The file is not valid JSON (${(e as Error).message}).`);
  }
  const record = parseRunRecord(json);
  return { record };
}
