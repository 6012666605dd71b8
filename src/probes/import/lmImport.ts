// The LM editor's text and files as probes, pure (the import worker, the page and tests call the
// same code): the probe JSON validated against the schema of every family (errors name their path,
// "pairs.3.less: is missing", and a JSON syntax error its line and column), a CrowS-Pairs CSV or a
// probe JSON file read into an LM probe (by the probe-file reader the CLI uses), and the pretty
// text the editor shows.
import { ProbeValidationError } from '../../core/errors';
import { isJsonEditorProbe, type JsonEditorProbe, type LmProbe } from '../lmSchema';
import { readJsonText } from '../../core/input/jsonText';
import { parseAnyProbe, validateAnyProbe } from '../validate';
import { importCrowsPairsCsv } from './crowsPairs';
import { readSingleProbeFile } from './probeJson';

/**
 * Above this many characters of probe JSON the editor stops checking it on the page: validation
 * moves to the import worker, and an imported probe this large is shown as a summary instead of a
 * text box (a multi-megabyte textarea makes every keystroke slow).
 */
export const LARGE_LM_DRAFT_CHARS = 256 * 1024;

export interface LmIssue {
  level: 'error' | 'warning';
  path: string;
  message: string;
}

export interface LmDraftValidation {
  probe: JsonEditorProbe | null;
  issues: LmIssue[];
  errors: number;
}

export function validateLmDraft(text: string): LmDraftValidation {
  if (!text.trim()) return { probe: null, issues: [{ level: 'error', path: '', message: 'The editor is empty: open an LM probe from the library or paste probe JSON.' }], errors: 1 };
  const read = readJsonText(text);
  if (!read.ok) return { probe: null, issues: [{ level: 'error', path: '', message: `Not valid JSON${read.at}: ${read.detail}` }], errors: 1 };
  const json = read.value;
  const v = validateAnyProbe(json);
  const issues: LmIssue[] = v.issues.map((i) => ({ level: i.severity, path: i.path, message: i.message }));
  if (v.probe && !isJsonEditorProbe(v.probe)) {
    issues.push({ level: 'error', path: 'family', message: `"${v.probe.family}" is a word-vector test: open it with “Import probe or word sets…” in the WEAT/SEAT editor.` });
  }
  const errors = issues.filter((i) => i.level === 'error').length;
  return { probe: errors === 0 && v.probe && isJsonEditorProbe(v.probe) ? v.probe : null, issues, errors };
}

export const lmProbeText = (p: JsonEditorProbe): string => `${JSON.stringify(p, null, 2)}\n`;

/**
 * A CrowS-Pairs CSV as a counterfactual-pairs probe; rejected rows are listed with line numbers.
 * `limit` keeps the first that many pairs (the CLI's --limit).
 */
export function lmProbeFromCrowsCsv(
  text: string,
  filename: string,
  onProgress?: (done: number, total: number) => void,
  limit?: number,
): { probe: LmProbe; skipped: string[] } {
  const id = filename.replace(/\.[^.]+$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'crows-pairs';
  const r = importCrowsPairsCsv(text, { id, title: `CrowS-Pairs from ${filename}`, ...(onProgress ? { onProgress } : {}), ...(limit !== undefined ? { limit } : {}) });
  return { probe: r.probe, skipped: r.errors.map((e) => e.message) };
}

/**
 * A probe JSON file for the JSON editor (any family without a word-set form), read as the CLI reads it
 * (readSingleProbeFile): one probe, or a collection holding exactly one.
 */
export function lmProbeFromJsonFile(text: string, filename: string): JsonEditorProbe {
  const probe = readSingleProbeFile(text, parseAnyProbe, filename);
  if (!isJsonEditorProbe(probe)) throw new ProbeValidationError(`${filename} holds a “${probe.family}” probe, a word-vector test: open it with “Import probe or word sets…” in the WEAT/SEAT editor.`);
  return probe;
}
