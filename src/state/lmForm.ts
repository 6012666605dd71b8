// The LM probe form, as data: a family's zod schema (from the registry) read through
// z.toJSONSchema and turned, together with the probe's current JSON value, into a tree of fields
// (text, number, choice, flag, one-per-line list, group, rows, named entries). The renderer
// (src/ui/lm/form) only draws this tree and reports edits; the edits themselves are pure functions
// on the JSON value (./lmFormEdits.ts). Nothing here knows a family: whatever a schema uses — an
// enum, a tuple, a record of lists, a union of a string and an object — has one generic reading,
// and anything not covered falls back to a small JSON box for that one value, so every family
// gets a form. The checks shown beside the fields are the editor's own validation, placed by path.
import { z } from 'zod';
import { familyOf, FAMILY_IDS } from '../probes/families';
import type { LmIssue } from '../probes/import/lmImport';

/** A place in the probe's JSON value. */
export type FieldPath = readonly (string | number)[];

/**
 * What must be true of an ancestor before a field below it is written: an absent object with a
 * default is written out whole first (so editing one answer list keeps the other), and an item
 * written as its string shorthand becomes the object it stands for.
 */
export type Ensure = { path: FieldPath; absentBecomes: unknown } | { path: FieldPath; expandStringTo: string };

interface Base {
  path: FieldPath;
  label: string;
  /** A short sentence under the label (the schema's description, the list convention, the default). */
  hint?: string;
  required: boolean;
  /** The value shown is the schema's default: the probe does not set it. */
  isDefault: boolean;
  ensure: readonly Ensure[];
}

export type FormField =
  | (Base & { kind: 'text'; value: string; multiline: boolean })
  | (Base & { kind: 'number'; value: string; integer: boolean; min?: number; max?: number })
  | (Base & { kind: 'choice'; value: string; options: readonly { value: string | number; label: string }[] })
  | (Base & { kind: 'flag'; value: boolean | undefined })
  | (Base & { kind: 'lines'; value: readonly string[] })
  | (Base & { kind: 'group'; present: boolean; template: unknown; children: readonly FormField[]; fixed: boolean })
  | (Base & { kind: 'rows'; itemLabel: string; rows: readonly FormField[]; count: number; newItem: unknown; minItems: number; maxItems?: number })
  | (Base & { kind: 'entries'; itemLabel: string; entries: readonly { key: string; field: FormField }[]; newKey: string; newValue: unknown })
  | (Base & { kind: 'json'; value: unknown });

/** A JSON Schema node as z.toJSONSchema writes it (the parts read here). */
export interface JsonSchema {
  type?: string;
  const?: unknown;
  enum?: readonly unknown[];
  default?: unknown;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  items?: JsonSchema | false;
  prefixItems?: readonly JsonSchema[];
  additionalProperties?: JsonSchema | boolean;
  anyOf?: readonly JsonSchema[];
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
}

const schemaCache = new Map<string, JsonSchema>();

/** The input shape of a family's probe (defaults optional), or null for an id that is no LM family. */
export function lmFormSchemaOf(family: unknown): JsonSchema | null {
  if (typeof family !== 'string' || !(FAMILY_IDS as readonly string[]).includes(family)) return null;
  const module = familyOf(family);
  if (module.modality !== 'lm') return null;
  let s = schemaCache.get(family);
  if (!s) {
    s = z.toJSONSchema(module.schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
    schemaCache.set(family, s);
  }
  return s;
}

const ACRONYMS: Record<string, string> = { id: 'ID', url: 'URL', doi: 'DOI' };

/** "promptTemplate" → "Prompt template", "maxNewTokens" → "Max new tokens", "X" → "X", "id" → "ID". */
export function readableKey(key: string): string {
  if (/^[A-Z0-9]+$/.test(key)) return key;
  if (ACRONYMS[key]) return ACRONYMS[key];
  const words = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "Pairs" → "Pair", "Questions" → "Question", "Entries" → "Entry": what one row of a list is called. */
export const singular = (label: string): string => (/ies$/.test(label) ? label.replace(/ies$/, 'y') : /ss$/.test(label) ? label : label.replace(/s$/, ''));

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Fields the form does not show: file markers ("$schema") and constants (the family). */
const isHiddenKey = (key: string, s: JsonSchema) => key.startsWith('$') || s.const !== undefined;

/** The string-or-object union read as one object whose first required string property the bare string stands for. */
function shorthandOf(s: JsonSchema): { object: JsonSchema; key: string } | null {
  if (!s.anyOf || s.anyOf.length !== 2) return null;
  const str = s.anyOf.find((x) => x.type === 'string' && x.const === undefined);
  const obj = s.anyOf.find((x) => x.type === 'object' && x.properties);
  const key = obj?.required?.[0];
  if (!str || !obj || !key || obj.properties![key]?.type !== 'string') return null;
  return { object: obj, key };
}

/** The constants a union of constants allows (e.g. 0 | 1), or null. */
const constChoices = (s: JsonSchema): (string | number)[] | null =>
  s.anyOf && s.anyOf.every((x) => typeof x.const === 'string' || typeof x.const === 'number') ? s.anyOf.map((x) => x.const as string | number) : null;

/**
 * A fresh value of a schema for a new row: required properties only, strings empty, lists empty
 * (two empty strings for a fixed pair), numbers at their minimum. A required `id` gets one that none
 * of the `siblings` has ("pair-4"), so a new row is valid as soon as its text is filled in.
 */
export function newValueOf(s: JsonSchema, itemLabel = 'item', siblings: readonly unknown[] = []): unknown {
  if (s.default !== undefined) return structuredClone(s.default);
  if (s.const !== undefined) return s.const;
  const short = shorthandOf(s);
  if (short) return '';
  const choices = constChoices(s);
  if (choices) return choices[0];
  if (s.enum) return s.enum[0];
  switch (s.type) {
    case 'string':
      return '';
    case 'number':
    case 'integer':
      return s.minimum !== undefined && s.minimum > Number.MIN_SAFE_INTEGER ? s.minimum : 0;
    case 'boolean':
      return false;
    case 'array': {
      if (s.prefixItems) {
        const out: unknown[] = [];
        for (const x of s.prefixItems) out.push(newValueOf(x, singular(itemLabel), out));
        return out;
      }
      // a list of objects that must hold some starts with that many rows, so there is a row to fill in
      const items = s.items || {};
      const out: unknown[] = [];
      if (items.type === 'object') for (let i = 0; i < (s.minItems ?? 0); i++) out.push(newValueOf(items, singular(itemLabel), out));
      return out;
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of s.required ?? []) {
        const p = s.properties?.[key];
        if (!p) continue;
        if (key === 'id' && p.type === 'string') {
          const taken = new Set(siblings.map((x) => (isObject(x) ? x.id : undefined)));
          const stem = itemLabel.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'item';
          let n = siblings.length + 1;
          while (taken.has(`${stem}-${n}`)) n++;
          out[key] = `${stem}-${n}`;
        } else out[key] = newValueOf(p, readableKey(key));
      }
      return out;
    }
    default:
      return null;
  }
}

/** Strings edited as a block of text (a template, a prompt, a long description) rather than one line. */
const isLongText = (key: string, s: JsonSchema) =>
  (s.maxLength ?? 0) >= 2000 || (typeof s.default === 'string' && (s.default.length > 60 || s.default.includes('\n'))) || /template|prompt/i.test(key);

/** A new name for an entry of a named list: "slot1", "slot2", … whichever is free. */
const freshKey = (stem: string, taken: readonly string[]) => {
  let n = taken.length + 1;
  while (taken.includes(`${stem}${n}`)) n++;
  return `${stem}${n}`;
};

interface Ctx {
  path: FieldPath;
  key: string;
  label: string;
  required: boolean;
  ensure: readonly Ensure[];
  /** An ancestor is absent and shown at its default, so this value is the default too. */
  underDefault?: boolean;
  /** What one row of this list is called, where the label's singular would not say it ("“occupation” value"). */
  rowName?: string;
  /** How many rows of the list at a path are drawn (the rest are counted: `count`). */
  rowsShown: (path: FieldPath) => number;
}

function fieldOf(s: JsonSchema, value: unknown, c: Ctx): FormField {
  const isDefault = (value === undefined && s.default !== undefined) || !!c.underDefault;
  const shown = value === undefined ? s.default : value;
  const base = { path: c.path, label: c.label, required: c.required, isDefault, ensure: c.ensure, ...(s.description ? { hint: s.description } : {}) };
  const defaultHint = (text: string) => (isDefault ? { hint: [base.hint, `Default: ${text}.`].filter(Boolean).join(' ') } : {});

  const choices = constChoices(s) ?? (s.enum as (string | number)[] | undefined) ?? null;
  if (choices) {
    return { ...base, ...defaultHint(String(shown)), kind: 'choice', value: shown === undefined ? '' : String(shown), options: choices.map((v) => ({ value: v, label: String(v) })) };
  }
  const short = shorthandOf(s);
  if (short) {
    const item = typeof shown === 'string' ? { [short.key]: shown } : shown;
    return groupOf(short.object, item, { ...c, ensure: [...c.ensure, { path: c.path, expandStringTo: short.key }] }, base, true);
  }
  switch (s.type) {
    case 'string':
      if (typeof shown === 'string' || shown === undefined) return { ...base, ...defaultHint('as shown'), kind: 'text', value: shown ?? '', multiline: isLongText(c.key, s) };
      break;
    case 'number':
    case 'integer':
      if (typeof shown === 'number' || typeof shown === 'string' || shown === undefined) {
        return {
          ...base,
          ...defaultHint(String(shown)),
          kind: 'number',
          value: shown === undefined ? '' : String(shown),
          integer: s.type === 'integer',
          ...(s.minimum !== undefined && s.minimum > Number.MIN_SAFE_INTEGER ? { min: s.minimum } : {}),
          ...(s.maximum !== undefined && s.maximum < Number.MAX_SAFE_INTEGER ? { max: s.maximum } : {}),
        };
      }
      break;
    case 'boolean':
      if (typeof shown === 'boolean' || shown === undefined) return { ...base, kind: 'flag', value: shown };
      break;
    case 'object':
      if (s.properties && (shown === undefined || isObject(shown))) return groupOf(s, value, c, base, false);
      if (isObject(s.additionalProperties) && (shown === undefined || isObject(shown))) {
        const entries = Object.entries(shown ?? {});
        const itemLabel = singular(c.label);
        const stem = itemLabel.toLowerCase().replace(/[^a-z0-9]+/g, '') || 'entry';
        const valueSchema = s.additionalProperties;
        return {
          ...base,
          kind: 'entries',
          itemLabel,
          entries: entries.map(([key, v]) => ({
            key,
            field: fieldOf(valueSchema, v, { path: [...c.path, key], key, label: `${itemLabel} “${key}”`, required: true, ensure: c.ensure, rowName: `“${key}” value`, rowsShown: c.rowsShown }),
          })),
          newKey: freshKey(stem, entries.map(([k]) => k)),
          newValue: newValueOf(valueSchema),
        };
      }
      break;
    case 'array': {
      if (shown !== undefined && !Array.isArray(shown)) break;
      const list = (shown ?? []) as unknown[];
      if (s.prefixItems) {
        if (list.length !== s.prefixItems.length && shown !== undefined) break;
        const children = s.prefixItems.map((item, i) =>
          fieldOf(item, list[i], {
            path: [...c.path, i],
            key: c.key,
            label: `${singular(c.label)} ${i + 1}`,
            required: true,
            ensure: value === undefined && s.default !== undefined ? [...c.ensure, { path: c.path, absentBecomes: s.default }] : c.ensure,
            underDefault: isDefault,
            rowsShown: c.rowsShown,
          }),
        );
        return { ...base, ...defaultHint('as shown'), kind: 'group', present: value !== undefined, template: newValueOf(s), children, fixed: true };
      }
      const items = s.items || {};
      if (items.type === 'string' && items.enum === undefined && list.every((x) => typeof x === 'string')) {
        const lineHint = 'One per line.';
        return { ...base, hint: [base.hint, lineHint, isDefault ? 'Default: as shown.' : ''].filter(Boolean).join(' '), kind: 'lines', value: list as string[] };
      }
      const itemLabel = c.rowName ?? singular(c.label);
      return {
        ...base,
        kind: 'rows',
        itemLabel,
        rows: list
          .slice(0, c.rowsShown(c.path))
          .map((v, i) => fieldOf(items, v, { path: [...c.path, i], key: c.key, label: `${itemLabel} ${i + 1}`, required: true, ensure: c.ensure, rowsShown: c.rowsShown })),
        count: list.length,
        newItem: newValueOf(items, itemLabel, list),
        minItems: s.minItems ?? 0,
        ...(s.maxItems !== undefined ? { maxItems: s.maxItems } : {}),
      };
    }
  }
  return { ...base, kind: 'json', value: shown };
}

function groupOf(s: JsonSchema, value: unknown, c: Ctx, base: Omit<Base, never>, fixed: boolean): FormField {
  const obj = isObject(value) ? value : undefined;
  const ownDefault = value === undefined && s.default !== undefined;
  const source = obj ?? (ownDefault ? (s.default as Record<string, unknown>) : undefined);
  const ensure = ownDefault ? [...c.ensure, { path: c.path, absentBecomes: structuredClone(s.default) }] : c.ensure;
  const required = new Set(s.required ?? []);
  const children = Object.entries(s.properties ?? {})
    .filter(([key, p]) => !isHiddenKey(key, p))
    .map(([key, p]) => fieldOf(p, source?.[key], { path: [...c.path, key], key, label: readableKey(key), required: required.has(key), ensure, underDefault: ownDefault || !!c.underDefault, rowsShown: c.rowsShown }));
  return { ...base, kind: 'group', present: value !== undefined, template: newValueOf(s), children, fixed: fixed || c.required || ownDefault || !!c.underDefault };
}

/**
 * The form of a probe's JSON value: the top group's fields, or null when its family has no LM
 * schema. `rowsShown` limits the rows drawn per list (all by default): a 1,500-pair import drawn
 * whole is 9,000 controls rebuilt on every keystroke.
 */
export function lmFormOf(value: unknown, rowsShown: (path: FieldPath) => number = () => Infinity): readonly FormField[] | null {
  if (!isObject(value)) return null;
  const s = lmFormSchemaOf(value.family);
  if (!s) return null;
  const top = groupOf(s, value, { path: [], key: '', label: '', required: true, ensure: [], rowsShown }, { path: [], label: '', required: true, isDefault: false, ensure: [] }, true);
  return top.kind === 'group' ? top.children : null;
}

/** The LM families a new probe can be started in, with their titles (registry order). */
export const lmFormFamilies = (): { id: string; title: string }[] =>
  FAMILY_IDS.filter((id) => familyOf(id).modality === 'lm').map((id) => ({ id, title: familyOf(id).title }));

export const pathKey = (path: FieldPath): string => path.join('.');

/** Every path the form draws (fields, groups, rows, entries), for placing the checks. */
export function formPaths(fields: readonly FormField[]): Set<string> {
  const out = new Set<string>();
  const walk = (f: FormField) => {
    out.add(pathKey(f.path));
    if (f.kind === 'group') f.children.forEach(walk);
    if (f.kind === 'rows') f.rows.forEach(walk);
    if (f.kind === 'entries') f.entries.forEach((e) => walk(e.field));
  };
  fields.forEach(walk);
  return out;
}

/**
 * Each check of the validation beside the field it is about: at its own path where the form draws
 * one, else at the nearest drawn ancestor (a check on "pairs.3" sits on the third pair's row; one
 * inside a JSON box on that box); checks on the whole probe ("") stay in the list below the form.
 */
export function placeIssues(fields: readonly FormField[], issues: readonly LmIssue[]): Map<string, LmIssue[]> {
  const drawn = formPaths(fields);
  const out = new Map<string, LmIssue[]>();
  for (const issue of issues) {
    const parts = issue.path ? issue.path.split('.') : [];
    while (parts.length && !drawn.has(parts.join('.'))) parts.pop();
    if (!parts.length) continue;
    const key = parts.join('.');
    out.set(key, [...(out.get(key) ?? []), issue]);
  }
  return out;
}

/** A new probe of an LM family as the form starts it: its required fields, empty, under a new id. */
export function blankLmProbe(family: string): Record<string, unknown> | null {
  const s = lmFormSchemaOf(family);
  if (!s) return null;
  const value = newValueOf(s) as Record<string, unknown>;
  return { ...value, family, id: `my-${family}`, title: '' };
}
