// Probe JSON files: the same schema the CLI reads (`bias-workbench run probe.json`), with a
// `format: "bias-workbench-probe@1"` marker written first so a file says what it is. Import
// accepts a file with or without the marker, a list of probes, or {format, probes: [...]}.
import { ProbeValidationError } from '../../core/errors';
import { PROBE_FORMAT, type Probe } from '../schema';
import { parseProbe, probeValidationError } from '../validate';

/** Pretty JSON of one probe with the format marker first. */
export const exportProbeJson = (probe: Probe): string => {
  const { format: _f, $schema: _s, ...rest } = probe;
  return `${JSON.stringify({ format: PROBE_FORMAT, ...rest }, null, 2)}\n`;
};

const parseText = (text: string): unknown => {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw probeValidationError([
      { severity: 'error', code: 'malformed-json', path: '', message: `the file is not valid JSON (${(e as Error).message})` },
    ], 'The probe file');
  }
};

/** One probe from a probe JSON file. Throws ProbeValidationError (malformed JSON included). */
export const importProbeJson = (text: string): Probe => {
  const json = parseText(text);
  const list = importList(json);
  if (list.length !== 1) {
    throw new ProbeValidationError(`The file holds ${list.length} probes; import it as a probe collection.`);
  }
  return list[0]!;
};

const importList = (json: unknown): Probe[] => {
  if (Array.isArray(json)) return json.map((p, i) => withIndex(p, i));
  if (json && typeof json === 'object' && 'probes' in json) {
    const probes = (json as { probes: unknown }).probes;
    if (!Array.isArray(probes)) throw new ProbeValidationError('"probes" must be a list of probes.');
    return probes.map((p, i) => withIndex(p, i));
  }
  return [parseProbe(json)];
};

const withIndex = (p: unknown, i: number): Probe => {
  try {
    return parseProbe(p);
  } catch (e) {
    if (e instanceof ProbeValidationError) {
      e.message = `Probe ${i + 1} in the file: ${e.message}`;
    }
    throw e;
  }
};

/** Every probe from a file holding one probe, a list, or {format, probes: [...]}. */
export const importProbesJson = (text: string): Probe[] => importList(parseText(text));

/** Pretty JSON of several probes ({format, probes}). */
export const exportProbesJson = (probes: readonly Probe[]): string =>
  `${JSON.stringify({ format: PROBE_FORMAT, probes: probes.map((p) => JSON.parse(exportProbeJson(p)) as unknown) }, null, 2)}\n`;
