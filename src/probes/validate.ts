// Turning untrusted JSON into a Probe, with messages a person can act on.
//
// Two layers: the zod schema (shape, types, the per-set size limit) and the family's lint
// (judgements the schema cannot express well: duplicates, a word in two sets, unbalanced sizes, too
// few items). parseProbe runs both and throws one ProbeValidationError listing every error with its
// path, e.g.
//   "The probe is not valid (2 problems):
//    - targets.X.words: has only one word (“rose”): a set needs at least two.
//    - attributes: "love" is in both A and B"
// Warnings never throw; the UI shows them next to the editor (validateProbe returns them).
import { ProbeValidationError } from '../core/errors';
import type { z } from 'zod';
import { anyProbeSchema, FAMILY_IDS, familyOf, type AnyProbe } from './families';
import { lintWordSets } from './families/shared/associationFields';
import { probeSchema, type Probe } from './schema';

export { UNBALANCED_RATIO } from './families/shared/associationFields';

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

/** The families `validateProbe` / `parseProbe` (word-vector probes) name in an unknown-family message. */
const WORD_VECTOR_FAMILIES = FAMILY_IDS.filter((id) => familyOf(id).modality === 'vectors');

/** One zod issue as a sentence a person understands. */
const humanise = (issue: z.core.$ZodIssue, input: unknown, families: readonly string[] = WORD_VECTOR_FAMILIES): ProbeIssue => {
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

/** Checks of a word-vector probe beyond the schema (families/shared/associationFields.ts lintWordSets). */
export const lintProbe = (probe: Probe): ProbeIssue[] => lintWordSets(probe);

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

// ── Every family ─────────────────────────────────────────────────────────────────────────────────

/** A probe's checks beyond the schema: its family's lint (warnings, or errors the schema cannot express). */
export const lintAnyProbe = (probe: AnyProbe): ProbeIssue[] => familyOf(probe.family).lint(probe);

/** Non-throwing validation of a probe of any family (editors, importers). */
export const validateAnyProbe = (json: unknown): { probe: AnyProbe | null; issues: ProbeIssue[]; ok: boolean } => {
  const r = anyProbeSchema.safeParse(json);
  if (!r.success) return { probe: null, issues: r.error.issues.map((i) => humanise(i, json, FAMILY_IDS)), ok: false };
  const issues = lintAnyProbe(r.data);
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
