// The shape of a probe file, read one way by the page's imports and the CLI: one probe object, a
// list of probes, or {"format": "bias-workbench-probe@1", "probes": [...]} (what exportProbesJson
// writes). Files of earlier versions are one of these three. What a user would not mean is refused
// here, before any probe is checked: an empty collection (nothing would run), a collection over
// MAX_PROBES_PER_FILE, a file of another format (a run record is not a probe file), and — once the
// probes are read — two probes with the same id (results, history and exports are keyed by it).
// The schema of each probe is the probes layer's; it is passed in, so this file stays pure.
import { ProbeValidationError } from '../errors';
import { notValidJson, readJsonText } from './jsonText';
import { quoteInput } from './quoteInput';

/** The marker an exported probe file (or collection) carries. */
export const PROBE_FILE_FORMAT = 'bias-workbench-probe@1';

/** Most probes one file may hold: far above any suite (the built-in ones hold up to 40). */
export const MAX_PROBES_PER_FILE = 1_000;

const SHAPE = `a probe file holds one probe {"family": …}, a list of probes [...], or {"format": "${PROBE_FILE_FORMAT}", "probes": [...]}`;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The file's probes as untyped JSON values, in file order. @throws {ProbeValidationError} */
export function probeFileEntries(text: string, what = 'The probe file'): unknown[] {
  const json = readJsonText(text);
  if (!json.ok) throw new ProbeValidationError(`${what} is ${notValidJson(json)}.`);
  const value = json.value;
  let entries: unknown[];
  if (Array.isArray(value)) entries = value;
  else if (isObject(value) && 'probes' in value) {
    if (value.format !== undefined && value.format !== PROBE_FILE_FORMAT) {
      const format = typeof value.format === 'string' ? quoteInput(value.format) : 'another format';
      throw new ProbeValidationError(`${what} is ${format}, not a probe file: ${SHAPE}. A run record is opened in History (“Open run record…”), not run as probes.`);
    }
    if (!Array.isArray(value.probes)) throw new ProbeValidationError(`${what}: "probes" must be a list of probes; ${SHAPE}.`);
    entries = value.probes;
  } else if (isObject(value)) entries = [value];
  else throw new ProbeValidationError(`${what} holds ${value === null ? 'null' : typeof value}; ${SHAPE}.`);
  if (entries.length === 0) throw new ProbeValidationError(`${what} holds an empty list of probes: nothing would run. Add at least one probe; ${SHAPE}.`);
  if (entries.length > MAX_PROBES_PER_FILE) {
    throw new ProbeValidationError(`${what} holds ${entries.length.toLocaleString('en-US')} probes; the limit is ${MAX_PROBES_PER_FILE.toLocaleString('en-US')} per file. Split it into several files.`);
  }
  return entries;
}

/** Refuse two probes with one id, naming the id and the probes' positions. @throws {ProbeValidationError} */
export function refuseDuplicateIds(probes: readonly { id: string }[], what = 'The probe file'): void {
  const first = new Map<string, number>();
  for (const [i, p] of probes.entries()) {
    const seen = first.get(p.id);
    if (seen !== undefined) {
      throw new ProbeValidationError(`${what} has two probes with the id ${quoteInput(p.id)} (probes ${seen + 1} and ${i + 1}): every probe in a file needs its own id. Rename one of them.`);
    }
    first.set(p.id, i);
  }
}
