// The probe library as the UI sees it: built-in probes (with citations) and named suites, from the
// data registry in src/probes/builtin.
import { BUILTIN_SUITES, getBuiltinProbe, getLmBuiltinProbe, listBuiltinProbes, LM_BUILTIN_SUITES, resolveProbeOrSuite } from '../probes/builtin';
import type { LmProbe } from '../probes/lmSchema';
import type { AssociationProbe } from '../probes/schema';

export interface Suite {
  id: string;
  title: string;
  probeIds: readonly string[];
}

export const builtinProbes = (): AssociationProbe[] => listBuiltinProbes().map((s) => getBuiltinProbe(s.id));

export const builtinSuites = (): Suite[] =>
  Object.entries(BUILTIN_SUITES).map(([id, s]) => ({ id, title: s.title, probeIds: s.probeIds }));

export const getBuiltin = (id: string): AssociationProbe | undefined => getBuiltinProbe(id);

/** The probes a suite (or a single probe id) names. Throws ProbeValidationError for unknown ids. */
export const resolveSuite = (id: string): AssociationProbe[] => resolveProbeOrSuite(id);

/** LM suites (a causal-LM battery; the Bai et al. prompt probes for instruction models). */
export const lmBuiltinSuites = (): (Suite & { probes: () => LmProbe[] })[] =>
  Object.entries(LM_BUILTIN_SUITES).map(([id, s]) => ({ id, title: s.title, probeIds: s.probeIds, probes: () => s.probeIds.map((p) => getLmBuiltinProbe(p)!) }));

/** Probes grouped by family, in the order the families first appear. */
export function groupByFamily<P extends { family: string }>(probes: readonly P[]): { family: P['family']; probes: P[] }[] {
  const groups = new Map<P['family'], P[]>();
  for (const p of probes) groups.set(p.family, [...(groups.get(p.family) ?? []), p]);
  return [...groups].map(([family, list]) => ({ family, probes: list }));
}
