// Probe JSON files: the same schema the CLI reads (`bias-workbench run probe.json`), with a
// `format: "bias-workbench-probe@1"` marker written first so a file says what it is. Reading
// accepts a file with or without the marker, a list of probes, or {format, probes: [...]}, by the
// one grammar of core/input/probeCollection.ts, so the page and the CLI read a file alike.
import { ProbeValidationError } from '../../core/errors';
import { probeFileEntries, refuseDuplicateIds } from '../../core/input/probeCollection';
import type { AnyProbe } from '../lmSchema';
import { PROBE_FORMAT, type Probe } from '../schema';
import { parseAnyProbe, parseProbe } from '../validate';

/** Pretty JSON of one probe with the format marker first. */
export const exportProbeJson = (probe: Probe): string => {
  const { format: _f, $schema: _s, ...rest } = probe;
  return `${JSON.stringify({ format: PROBE_FORMAT, ...rest }, null, 2)}\n`;
};

/**
 * Every probe of a probe file (core/input/probeCollection.ts: one probe, a list, or {format,
 * probes}), each checked by `parse`, ids unique. The one reader of probe files: the CLI's `run`
 * and the page's probe imports come through here, and name the file alike (`name`: the file name
 * as the user gave it), so the same file is refused with the same sentence.
 * @throws {ProbeValidationError} naming the probe ("Probe 2 in the file: …") where one is invalid
 */
export function readProbeFile<P extends { id: string }>(text: string, parse: (json: unknown) => P, name?: string): P[] {
  const what = name ?? 'The probe file';
  const probes = probeFileEntries(text, what).map((entry, i, all) => withIndex(entry, i, all.length, parse));
  refuseDuplicateIds(probes, what);
  return probes;
}

const withIndex = <P>(entry: unknown, i: number, count: number, parse: (json: unknown) => P): P => {
  try {
    return parse(entry);
  } catch (e) {
    if (e instanceof ProbeValidationError && count > 1) e.message = `Probe ${i + 1} in the file: ${e.message}`;
    throw e;
  }
};

/**
 * The one probe of a file the page opens in an editor. A collection is refused with what to do:
 * the editor holds one probe at a time.
 * @throws {ProbeValidationError}
 */
export function readSingleProbeFile<P extends { id: string }>(text: string, parse: (json: unknown) => P, name?: string): P {
  const probes = readProbeFile(text, parse, name);
  if (probes.length !== 1) {
    const ids = probes.slice(0, 5).map((p) => p.id).join(', ') + (probes.length > 5 ? ', …' : '');
    throw new ProbeValidationError(
      `The file holds ${probes.length} probes (${ids}); the editor opens one probe at a time. Run the whole file with the CLI (bias-workbench run <file> --model …), or save each probe in a file of its own.`,
    );
  }
  return probes[0]!;
}

/** One word-vector probe from a probe JSON file. Throws ProbeValidationError (malformed JSON included). */
export const importProbeJson = (text: string, name?: string): Probe => readSingleProbeFile(text, parseProbe, name);

/** Every word-vector probe from a file holding one probe, a list, or {format, probes: [...]}. */
export const importProbesJson = (text: string): Probe[] => readProbeFile(text, parseProbe);

/** Every probe (any family, LM families included) from a probe file; defaults filled in. */
export const importAnyProbesJson = (text: string, name?: string): AnyProbe[] => readProbeFile(text, parseAnyProbe, name);

/** Pretty JSON of one probe of any family with the format marker first. */
export const exportAnyProbeJson = (probe: AnyProbe): string => {
  const { format: _f, $schema: _s, ...rest } = probe;
  return `${JSON.stringify({ format: PROBE_FORMAT, ...rest }, null, 2)}\n`;
};

/** Pretty JSON of several probes ({format, probes}). */
export const exportProbesJson = (probes: readonly Probe[]): string =>
  `${JSON.stringify({ format: PROBE_FORMAT, probes: probes.map((p) => JSON.parse(exportProbeJson(p)) as unknown) }, null, 2)}\n`;
