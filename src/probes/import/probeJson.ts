// Probe JSON files: the same schema the CLI reads (`bias-workbench run probe.json`), with a
// `format: "bias-workbench-probe@1"` marker written first so a file says what it is. Import
// accepts a file with or without the marker, a list of probes, or {format, probes: [...]}.
import { ProbeValidationError } from '../../core/errors';
import type { AnyProbe } from '../lmSchema';
import { PROBE_FORMAT, type Probe } from '../schema';
import { parseAnyProbe, parseProbe, probeValidationError } from '../validate';

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
  const list = importList<Probe>(json);
  if (list.length !== 1) {
    throw new ProbeValidationError(`The file holds ${list.length} probes; import it as a probe collection.`);
  }
  return list[0]!;
};

const importList = <P>(json: unknown, parse: (p: unknown) => P = parseProbe as (p: unknown) => P): P[] => {
  if (Array.isArray(json)) return json.map((p, i) => withIndex(p, i, parse));
  if (json && typeof json === 'object' && 'probes' in json) {
    const probes = (json as { probes: unknown }).probes;
    if (!Array.isArray(probes)) throw new ProbeValidationError('"probes" must be a list of probes.');
    return probes.map((p, i) => withIndex(p, i, parse));
  }
  return [parse(json)];
};

const withIndex = <P>(p: unknown, i: number, parse: (p: unknown) => P): P => {
  try {
    return parse(p);
  } catch (e) {
    if (e instanceof ProbeValidationError) {
      e.message = `Probe ${i + 1} in the file: ${e.message}`;
    }
    throw e;
  }
};

/** Every probe from a file holding one probe, a list, or {format, probes: [...]}. */
export const importProbesJson = (text: string): Probe[] => importList<Probe>(parseText(text));

/** Every probe (any family, LM families included) from a probe file; defaults filled in. */
export const importAnyProbesJson = (text: string): AnyProbe[] => importList<AnyProbe>(parseText(text), parseAnyProbe);

/** Pretty JSON of one probe of any family with the format marker first. */
export const exportAnyProbeJson = (probe: AnyProbe): string => {
  const { format: _f, $schema: _s, ...rest } = probe;
  return `${JSON.stringify({ format: PROBE_FORMAT, ...rest }, null, 2)}\n`;
};

/** Pretty JSON of several probes ({format, probes}). */
export const exportProbesJson = (probes: readonly Probe[]): string =>
  `${JSON.stringify({ format: PROBE_FORMAT, probes: probes.map((p) => JSON.parse(exportProbeJson(p)) as unknown) }, null, 2)}\n`;
