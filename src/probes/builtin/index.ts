// The built-in probe registry: frozen data, with the id type derived from it (transformers.js
// SUPPORTED_TASKS pattern), so `BuiltinProbeId` can never list an id that has no probe.
//
// `allBuiltinStimulusWords()` is imported by the GloVe asset builder (scripts/) to force-include
// every word a built-in needs, so the embedded table never drops a Caliskan stimulus. Keep its
// name and return shape stable.
import { ProbeValidationError } from '../../core/errors';
import { tokenizeSentence } from '../../core/embeddings/meanPoolSentence';
import { probeSchema, TERM_PLACEHOLDER, type Probe, type SeatProbe } from '../schema';
import { CALISKAN_SEAT_PROBES, CALISKAN_WEAT_PROBES } from './caliskan';
import { anyProbeSchema, type AnyProbe } from '../lmSchema';
import { getLmBuiltinProbe, isLmBuiltinProbeId, isLmBuiltinSuiteId, LM_BUILTIN_PROBES, LM_BUILTIN_SUITES } from './lm';
import { SUBTLER_BIAS_WEAT_PROBES } from './subtlerBiasesWeat';
import { getRipaBuiltinProbe, isRipaBuiltinProbeId, isRipaBuiltinSuiteId, RIPA_BUILTIN_PROBES, RIPA_BUILTIN_SUITES } from './ripa';
import { CLASS_LAB_PROBES, getClassLabProbe, isClassLabProbeId } from './classLab';
import { getHumanIatBuiltinProbe, HUMAN_IAT_BUILTIN_PROBES, HUMAN_IAT_BUILTIN_SUITES, isHumanIatBuiltinProbeId, isHumanIatBuiltinSuiteId } from '../families/human-iat/builtins';
import { getRepresentationBuiltinProbe, isRepresentationBuiltinProbeId, isRepresentationBuiltinSuiteId, REPRESENTATION_BUILTIN_PROBES, REPRESENTATION_BUILTIN_SUITES } from './representationProbe';

export * from './lm';
export * from './ripa';
export * from './classLab';
export * from './representationProbe';

export { CALISKAN_CITATION, CALISKAN_PUBLISHED_D, MAY_CITATION } from './caliskan';

const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
};

const weat = (n: number): Probe => CALISKAN_WEAT_PROBES[n - 1]!;
const seat = (n: number): Probe => CALISKAN_SEAT_PROBES[n - 1]!;

export const BUILTIN_PROBES = deepFreeze({
  'caliskan-weat-1': weat(1),
  'caliskan-weat-2': weat(2),
  'caliskan-weat-3': weat(3),
  'caliskan-weat-4': weat(4),
  'caliskan-weat-5': weat(5),
  'caliskan-weat-6': weat(6),
  'caliskan-weat-7': weat(7),
  'caliskan-weat-8': weat(8),
  'caliskan-weat-9': weat(9),
  'caliskan-weat-10': weat(10),
  'caliskan-seat-1': seat(1),
  'caliskan-seat-2': seat(2),
  'caliskan-seat-3': seat(3),
  'caliskan-seat-4': seat(4),
  'caliskan-seat-5': seat(5),
  'caliskan-seat-6': seat(6),
  'caliskan-seat-7': seat(7),
  'caliskan-seat-8': seat(8),
  'caliskan-seat-9': seat(9),
  'caliskan-seat-10': seat(10),
  ...SUBTLER_BIAS_WEAT_PROBES,
} as const);

export type BuiltinProbeId = keyof typeof BUILTIN_PROBES;

export const BUILTIN_SUITES = deepFreeze({
  'caliskan-weat': {
    title: 'Caliskan et al. (2017): all ten WEATs',
    family: 'weat',
    probeIds: [
      'caliskan-weat-1', 'caliskan-weat-2', 'caliskan-weat-3', 'caliskan-weat-4', 'caliskan-weat-5',
      'caliskan-weat-6', 'caliskan-weat-7', 'caliskan-weat-8', 'caliskan-weat-9', 'caliskan-weat-10',
    ],
  },
  'caliskan-seat': {
    title: 'Caliskan et al. (2017) as SEAT (May et al. 2019): all ten',
    family: 'seat',
    probeIds: [
      'caliskan-seat-1', 'caliskan-seat-2', 'caliskan-seat-3', 'caliskan-seat-4', 'caliskan-seat-5',
      'caliskan-seat-6', 'caliskan-seat-7', 'caliskan-seat-8', 'caliskan-seat-9', 'caliskan-seat-10',
    ],
  },
  'subtler-biases-weat': {
    title: 'Kamruzzaman et al. (2024) subtler biases on word vectors: beauty and nationality',
    family: 'weat',
    probeIds: ['subtler-weat-beauty', 'subtler-weat-nationality'],
  },
} as const satisfies Record<string, { title: string; family: Probe['family']; probeIds: readonly BuiltinProbeId[] }>);

export type BuiltinSuiteId = keyof typeof BUILTIN_SUITES;

export const isBuiltinProbeId = (id: string): id is BuiltinProbeId => Object.hasOwn(BUILTIN_PROBES, id);
export const isBuiltinSuiteId = (id: string): id is BuiltinSuiteId => Object.hasOwn(BUILTIN_SUITES, id);

/**
 * A built-in probe by id, as a fresh mutable copy (so "duplicate and edit" cannot change the
 * registry). Returns undefined for an unknown id.
 */
export function getBuiltinProbe(id: BuiltinProbeId): Probe;
export function getBuiltinProbe(id: string): Probe | undefined;
export function getBuiltinProbe(id: string): Probe | undefined {
  return isBuiltinProbeId(id) ? (structuredClone(BUILTIN_PROBES[id]) as Probe) : undefined;
}

/**
 * The probes a CLI/UI argument names: a suite id gives its probes in order, a probe id gives that
 * one probe. Throws ProbeValidationError naming the known ids otherwise.
 */
export const resolveProbeOrSuite = (id: string): Probe[] => {
  if (isBuiltinSuiteId(id)) return BUILTIN_SUITES[id].probeIds.map((p) => getBuiltinProbe(p));
  if (isBuiltinProbeId(id)) return [getBuiltinProbe(id)];
  throw new ProbeValidationError(
    `"${id}" is not a built-in probe or suite. Suites: ${Object.keys(BUILTIN_SUITES).join(', ')}; ` +
      `probes: ${Object.keys(BUILTIN_PROBES).join(', ')}.`,
  );
};

export interface BuiltinProbeSummary {
  id: BuiltinProbeId;
  family: Probe['family'];
  title: string;
}

/** Id, family and title of every built-in, in registry order (for `bias-workbench probes`). */
export const listBuiltinProbes = (): BuiltinProbeSummary[] =>
  (Object.keys(BUILTIN_PROBES) as BuiltinProbeId[]).map((id) => ({
    id,
    family: BUILTIN_PROBES[id].family,
    title: BUILTIN_PROBES[id].title,
  }));

/**
 * Lower-case tokens of a stimulus or template text, exactly as the SEAT word-vector path tokenises
 * sentences (src/core/embeddings/meanPoolSentence.ts tokenizeSentence: "person's" → "person",
 * "'s"; sentence punctuation is a token). A hyphenated token is also split ("short-term" →
 * "short-term", "short", "term") so the asset keeps whichever form another tokenizer produces.
 */
export const stimulusTokens = (text: string): string[] =>
  tokenizeSentence(text).flatMap((t) => (t.includes('-') ? [t, ...t.split('-').filter((p) => p.length > 0)] : [t]));

/**
 * Every word any built-in uses, lower-cased, unique and sorted: all stimuli of all sets, plus the
 * tokens of every SEAT template (with `{term}` removed, punctuation tokens such as "." included,
 * because the SEAT mean pools them), tokenised by `stimulusTokens`. The GloVe asset builder
 * force-includes these.
 */
export const allBuiltinStimulusWords = (): string[] => {
  const words = new Set<string>();
  for (const probe of Object.values(BUILTIN_PROBES) as Probe[]) {
    for (const s of [probe.targets.X, probe.targets.Y, probe.attributes.A, probe.attributes.B]) {
      for (const w of s.words) for (const t of stimulusTokens(w)) words.add(t);
    }
    if ('templates' in probe) {
      const p = probe as SeatProbe;
      const templates = [p.templates, ...Object.values(p.setTemplates ?? {})].flat();
      for (const tpl of templates) for (const t of stimulusTokens(tpl.split(TERM_PLACEHOLDER).join(' '))) words.add(t);
    }
  }
  return [...words].sort();
};

/** Validate every built-in (association and LM) against the schema (used by tests; cheap enough to call at start-up). */
export const validateBuiltins = (): void => {
  for (const [id, probe] of Object.entries(BUILTIN_PROBES)) {
    const r = probeSchema.safeParse(probe);
    if (!r.success) throw new ProbeValidationError(`built-in ${id} is invalid: ${r.error.message}`);
  }
  for (const [id, probe] of [...Object.entries(LM_BUILTIN_PROBES), ...Object.entries(RIPA_BUILTIN_PROBES), ...Object.entries(CLASS_LAB_PROBES), ...Object.entries(HUMAN_IAT_BUILTIN_PROBES), ...Object.entries(REPRESENTATION_BUILTIN_PROBES)]) {
    const r = anyProbeSchema.safeParse(probe);
    if (!r.success) throw new ProbeValidationError(`built-in ${id} is invalid: ${r.error.message}`);
  }
};

// ── Every family: WEAT/SEAT and the LM built-ins (lm/index.ts) ───────────────────────────────────

export interface AnyBuiltinProbeSummary {
  id: string;
  family: AnyProbe['family'];
  title: string;
}

/** Id, family and title of every built-in of every family (association first, then LM). */
export const listAllBuiltinProbes = (): AnyBuiltinProbeSummary[] => [
  ...listBuiltinProbes(),
  ...Object.entries(LM_BUILTIN_PROBES).map(([id, p]) => ({ id, family: p.family, title: p.title })),
  ...Object.entries(RIPA_BUILTIN_PROBES).map(([id, p]) => ({ id, family: p.family, title: p.title })),
  ...Object.entries(CLASS_LAB_PROBES).map(([id, p]) => ({ id, family: p.family, title: p.title })),
  ...Object.entries(HUMAN_IAT_BUILTIN_PROBES).map(([id, p]) => ({ id, family: p.family, title: p.title })),
  ...Object.entries(REPRESENTATION_BUILTIN_PROBES).map(([id, p]) => ({ id, family: p.family, title: p.title })),
];

/** Every suite of every family: id, title, probe ids. */
export const listAllBuiltinSuites = (): { id: string; title: string; probeIds: readonly string[] }[] =>
  [...Object.entries(BUILTIN_SUITES), ...Object.entries(LM_BUILTIN_SUITES), ...Object.entries(RIPA_BUILTIN_SUITES), ...Object.entries(HUMAN_IAT_BUILTIN_SUITES), ...Object.entries(REPRESENTATION_BUILTIN_SUITES)].map(([id, s]) => ({ id, title: s.title, probeIds: s.probeIds }));

export const isAnyBuiltinId = (id: string): boolean => isBuiltinProbeId(id) || isBuiltinSuiteId(id) || isLmBuiltinProbeId(id) || isLmBuiltinSuiteId(id) || isRipaBuiltinProbeId(id) || isRipaBuiltinSuiteId(id) || isClassLabProbeId(id) || isHumanIatBuiltinProbeId(id) || isHumanIatBuiltinSuiteId(id) || isRepresentationBuiltinProbeId(id) || isRepresentationBuiltinSuiteId(id);

/** A fresh copy of any built-in probe by id (association or LM); undefined for an unknown id. */
export const getAnyBuiltinProbe = (id: string): AnyProbe | undefined => getBuiltinProbe(id) ?? getLmBuiltinProbe(id) ?? getRipaBuiltinProbe(id) ?? getClassLabProbe(id) ?? getHumanIatBuiltinProbe(id) ?? getRepresentationBuiltinProbe(id);

/**
 * The probes a CLI/UI argument names, any family: a suite gives its probes in order, a probe id
 * that probe. Throws ProbeValidationError naming the known ids otherwise.
 */
export const resolveAnyProbeOrSuite = (id: string): AnyProbe[] => {
  if (isBuiltinSuiteId(id) || isBuiltinProbeId(id)) return resolveProbeOrSuite(id);
  if (isLmBuiltinSuiteId(id)) return LM_BUILTIN_SUITES[id].probeIds.map((p) => getLmBuiltinProbe(p)!);
  if (isRipaBuiltinSuiteId(id)) return RIPA_BUILTIN_SUITES[id].probeIds.map((p) => getRipaBuiltinProbe(p)!);
  if (isHumanIatBuiltinSuiteId(id)) return HUMAN_IAT_BUILTIN_SUITES[id].probeIds.map((p) => getHumanIatBuiltinProbe(p)!);
  if (isRepresentationBuiltinSuiteId(id)) return REPRESENTATION_BUILTIN_SUITES[id].probeIds.map((p) => getRepresentationBuiltinProbe(p)!);
  const single = getLmBuiltinProbe(id) ?? getRipaBuiltinProbe(id) ?? getClassLabProbe(id) ?? getHumanIatBuiltinProbe(id) ?? getRepresentationBuiltinProbe(id);
  if (single) return [single];
  throw new ProbeValidationError(
    `"${id}" is not a built-in probe or suite. Suites: ${listAllBuiltinSuites().map((s) => s.id).join(', ')}; ` +
      `probes: ${listAllBuiltinProbes().map((p) => p.id).join(', ')}.`,
  );
};
