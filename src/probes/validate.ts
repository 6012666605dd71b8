// Turning untrusted JSON into a Probe, with messages a person can act on.
//
// Two layers: the zod schema (shape, types, the per-set size limit) and lintProbe (judgements the
// schema cannot express well: duplicates, a word in two sets, unbalanced sizes). parseProbe runs
// both and throws one ProbeValidationError listing every error with its path, e.g.
//   "The probe is not valid (2 problems):
//    - targets.X.words: a set needs at least two stimuli
//    - attributes: "love" is in both A and B"
// Warnings never throw; the UI shows them next to the editor (validateProbe returns them).
import { ProbeValidationError } from '../core/errors';
import { ALL_PROBE_FAMILIES, anyProbeSchema, isLmProbe, type AnyProbe, type LmProbe } from './lmSchema';
import { MAX_WORDS_PER_SET, PROBE_FAMILIES, probeSchema, probeSet, type Probe, type ProbeSetKey } from './schema';
import type { z } from 'zod';

export type IssueSeverity = 'error' | 'warning';

export interface ProbeIssue {
  severity: IssueSeverity;
  /** Stable machine code for the UI ("duplicate-word", "word-in-two-sets", …). */
  code: string;
  /** Dotted path into the probe ("targets.X.words"); "" for the whole probe. */
  path: string;
  message: string;
}

/** A ProbeValidationError that also carries the structured issues (still named ProbeValidationError). */
export interface ProbeValidationErrorWithIssues extends ProbeValidationError {
  issues: ProbeIssue[];
}

/** Target sets more than this many times larger than their partner get a warning. */
export const UNBALANCED_RATIO = 2;

const SET_PATHS: Record<ProbeSetKey, string> = {
  X: 'targets.X.words',
  Y: 'targets.Y.words',
  A: 'attributes.A.words',
  B: 'attributes.B.words',
};

const describe = (value: unknown): string => {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return `a ${typeof value}`;
};

const getAt = (root: unknown, path: PropertyKey[]): unknown => {
  let cur: unknown = root;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[k as string];
  }
  return cur;
};

const EXPECTED_WORDS: Record<string, string> = {
  string: 'text',
  object: 'an object',
  array: 'a list',
  number: 'a number',
};

/** One zod issue as a sentence a person understands. */
const humanise = (issue: z.core.$ZodIssue, input: unknown, families: readonly string[] = PROBE_FAMILIES): ProbeIssue => {
  const path = issue.path.map(String).join('.');
  let message = issue.message;
  if (issue.code === 'invalid_type') {
    const actual = getAt(input, issue.path);
    const expected = EXPECTED_WORDS[issue.expected] ?? issue.expected;
    message = actual === undefined ? `is missing (expected ${expected})` : `expected ${expected}, got ${describe(actual)}`;
  } else if (issue.code === 'invalid_union' && path === 'family') {
    const actual = getAt(input, issue.path);
    message =
      actual === undefined
        ? `is missing; every probe needs a family (one of: ${families.join(', ')})`
        : `unknown family ${JSON.stringify(actual)}; this version understands: ${families.join(', ')}`;
  } else if (issue.code === 'invalid_value' && path === 'format') {
    message = `unknown format marker ${JSON.stringify(getAt(input, issue.path))}; expected "bias-workbench-probe@1"`;
  }
  return { severity: 'error', code: `schema-${issue.code}`, path, message };
};

const formatList = (issues: ProbeIssue[]): string =>
  issues.map((i) => `- ${i.path ? `${i.path}: ` : ''}${i.message}`).join('\n');

/** Build the error the rest of the app catches, with the issues attached. */
export const probeValidationError = (issues: ProbeIssue[], what = 'The probe'): ProbeValidationErrorWithIssues => {
  const n = issues.length;
  const err = new ProbeValidationError(
    `${what} is not valid (${n} problem${n === 1 ? '' : 's'}):\n${formatList(issues)}`,
  ) as ProbeValidationErrorWithIssues;
  err.issues = issues;
  return err;
};

/**
 * Checks beyond the schema. Errors: the same word twice in one set; a word in both targets or in
 * both attributes (the test would compare a word with itself); more than MAX_WORDS_PER_SET words.
 * Warnings: a word that is both a target and an attribute (cos(w, w) = 1 inflates s(w, A, B)); the
 * same word in different case within a set; target or attribute sets more than UNBALANCED_RATIO
 * times the size of their partner.
 */
export const lintProbe = (probe: Probe): ProbeIssue[] => {
  const issues: ProbeIssue[] = [];
  const keys: ProbeSetKey[] = ['X', 'Y', 'A', 'B'];
  const words = Object.fromEntries(keys.map((k) => [k, probeSet(probe, k).words.map((w) => w.trim())])) as Record<
    ProbeSetKey,
    string[]
  >;

  for (const k of keys) {
    const n = words[k].length;
    if (n > MAX_WORDS_PER_SET) {
      issues.push({
        severity: 'error',
        code: 'set-too-large',
        path: SET_PATHS[k],
        message: `set ${k} has ${n.toLocaleString('en-US')} words; the limit is ${MAX_WORDS_PER_SET.toLocaleString('en-US')}`,
      });
    }
    const seen = new Set<string>();
    const dups = new Set<string>();
    const lower = new Map<string, string>();
    const caseDups = new Set<string>();
    for (const w of words[k]) {
      if (seen.has(w)) dups.add(w);
      seen.add(w);
      const l = w.toLowerCase();
      const prev = lower.get(l);
      if (prev !== undefined && prev !== w) caseDups.add(`"${prev}" and "${w}"`);
      else lower.set(l, w);
    }
    if (dups.size > 0) {
      const list = [...dups].map((w) => `"${w}"`).join(', ');
      issues.push({
        severity: 'error',
        code: 'duplicate-word',
        path: SET_PATHS[k],
        message: `set ${k} lists ${list} more than once; remove the repeat${dups.size === 1 ? '' : 's'} (a repeated word would count twice)`,
      });
    }
    if (caseDups.size > 0) {
      issues.push({
        severity: 'warning',
        code: 'case-duplicate',
        path: SET_PATHS[k],
        message: `set ${k} has words that differ only in case: ${[...caseDups].join(', ')}; an uncased model sees them as one word`,
      });
    }
  }

  const overlap = (a: ProbeSetKey, b: ProbeSetKey): string[] => {
    const inB = new Set(words[b]);
    return [...new Set(words[a].filter((w) => inB.has(w)))];
  };
  const quote = (ws: string[]) => ws.map((w) => `"${w}"`).join(', ');
  for (const [a, b, group] of [
    ['X', 'Y', 'targets'],
    ['A', 'B', 'attributes'],
  ] as const) {
    const both = overlap(a, b);
    if (both.length > 0) {
      issues.push({
        severity: 'error',
        code: 'word-in-two-sets',
        path: group,
        message: `${quote(both)} ${both.length === 1 ? 'is' : 'are'} in both ${a} and ${b}; a word can belong to only one of the two ${group === 'targets' ? 'target' : 'attribute'} sets`,
      });
    }
  }
  for (const t of ['X', 'Y'] as const) {
    for (const a of ['A', 'B'] as const) {
      const both = overlap(t, a);
      if (both.length > 0) {
        issues.push({
          severity: 'warning',
          code: 'target-is-attribute',
          path: SET_PATHS[t],
          message: `${quote(both)} ${both.length === 1 ? 'is' : 'are'} both target ${t} and attribute ${a}; its similarity to itself (1) inflates the association`,
        });
      }
    }
  }
  for (const [a, b] of [
    ['X', 'Y'],
    ['A', 'B'],
  ] as const) {
    const na = words[a].length;
    const nb = words[b].length;
    if (Math.min(na, nb) > 0 && Math.max(na, nb) > UNBALANCED_RATIO * Math.min(na, nb)) {
      issues.push({
        severity: 'warning',
        code: 'unbalanced-sets',
        path: a === 'X' ? 'targets' : 'attributes',
        message: `sets ${a} and ${b} are very unbalanced (${na} vs ${nb} words); the effect size is then dominated by the larger set`,
      });
    }
  }
  return issues;
};

export interface ProbeValidation {
  /** The parsed probe when the schema accepted it (even if lint found errors). */
  probe: Probe | null;
  issues: ProbeIssue[];
  ok: boolean;
}

/** Non-throwing validation for live editors: schema issues, then lint issues. */
export const validateProbe = (json: unknown): ProbeValidation => {
  const r = probeSchema.safeParse(json);
  if (!r.success) {
    return { probe: null, issues: r.error.issues.map((i) => humanise(i, json)), ok: false };
  }
  const issues = lintProbe(r.data);
  return { probe: r.data, issues, ok: !issues.some((i) => i.severity === 'error') };
};

/**
 * Parse untrusted JSON (already JSON.parse'd) into a Probe. Throws ProbeValidationError listing
 * every schema or lint error with its path; lint warnings do not throw. The file markers
 * `format`/`$schema` are dropped from the returned probe.
 */
export const parseProbe = (json: unknown): Probe => {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw probeValidationError([
      { severity: 'error', code: 'not-an-object', path: '', message: `a probe must be a JSON object, got ${describe(json)}` },
    ]);
  }
  const v = validateProbe(json);
  const errors = v.issues.filter((i) => i.severity === 'error');
  if (!v.probe || errors.length > 0) throw probeValidationError(errors);
  const { format: _format, $schema: _schema, ...probe } = v.probe;
  return probe as Probe;
};

/** Parse a JSON string into a Probe; malformed JSON is a ProbeValidationError too. */
export const parseProbeJson = (text: string): Probe => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw probeValidationError([
      { severity: 'error', code: 'malformed-json', path: '', message: `the text is not valid JSON (${(e as Error).message})` },
    ]);
  }
  return parseProbe(json);
};

// ── Every family (WEAT, SEAT and the LM families of lmSchema.ts) ─────────────────────────────────

/**
 * Checks of LM probes beyond the schema (all warnings; the schema already rejects what cannot run):
 * very few items for the statistics, pairs whose sentences differ only in case, MCQ questions whose
 * correct answer sits at the same position everywhere.
 */
export const lintLmProbe = (probe: LmProbe): ProbeIssue[] => {
  const issues: ProbeIssue[] = [];
  const warn = (code: string, path: string, message: string) => issues.push({ severity: 'warning', code, path, message });
  switch (probe.family) {
    case 'counterfactual-pairs':
      if (probe.pairs.length < 10) warn('few-items', 'pairs', `only ${probe.pairs.length} pair${probe.pairs.length === 1 ? '' : 's'}; the CI and p-value will be wide`);
      probe.pairs.forEach((p, i) => {
        if (p.more.toLowerCase() === p.less.toLowerCase()) warn('case-only-pair', `pairs.${i}`, 'the two sentences differ only in case');
      });
      break;
    case 'mcq-position': {
      const positions = new Set(probe.questions.map((q) => q.answer));
      if (probe.questions.length > 3 && positions.size === 1) {
        warn('answer-position-constant', 'questions', `every correct answer is option ${probe.labels[[...positions][0]!]} in the canonical order`);
      }
      break;
    }
    case 'decision-template':
      if (probe.questions.length < 3) warn('few-items', 'questions', 'fewer than 3 questions; per-attribute CIs resample questions and will be wide');
      break;
    default:
      break;
  }
  return issues;
};

/** Non-throwing validation of a probe of any family (editors, importers). */
export const validateAnyProbe = (json: unknown): { probe: AnyProbe | null; issues: ProbeIssue[]; ok: boolean } => {
  const r = anyProbeSchema.safeParse(json);
  if (!r.success) return { probe: null, issues: r.error.issues.map((i) => humanise(i, json, ALL_PROBE_FAMILIES)), ok: false };
  const issues = isLmProbe(r.data) ? lintLmProbe(r.data) : lintProbe(r.data as Probe);
  return { probe: r.data, issues, ok: !issues.some((i) => i.severity === 'error') };
};

/**
 * Parse untrusted JSON into a probe of any family (defaults filled in, e.g. the discrim-eval prompt
 * wrapper). Throws ProbeValidationError listing every error with its path; `format`/`$schema` are
 * dropped.
 */
export const parseAnyProbe = (json: unknown): AnyProbe => {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw probeValidationError([
      { severity: 'error', code: 'not-an-object', path: '', message: `a probe must be a JSON object, got ${describe(json)}` },
    ]);
  }
  const v = validateAnyProbe(json);
  const errors = v.issues.filter((i) => i.severity === 'error');
  if (!v.probe || errors.length > 0) throw probeValidationError(errors);
  const { format: _format, $schema: _schema, ...probe } = v.probe;
  return probe as AnyProbe;
};
