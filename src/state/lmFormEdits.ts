// Edits the LM probe form makes, as pure functions on the probe's JSON value (never mutated): set or
// clear a field, add or remove a row, add, rename or remove a named entry. The form and the JSON
// view edit one draft, the JSON text in the store: the form parses it, applies one of these and
// writes the value back in the editor's own format (lmProbeText's), so switching views loses
// nothing and a form edit is exactly the JSON change it names.
import { readPlainDecimal } from '../core/input/plainDecimal';
import type { Ensure, FieldPath } from './lmForm';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const getAt = (root: unknown, path: FieldPath): unknown =>
  path.reduce<unknown>((x, k) => (Array.isArray(x) ? x[k as number] : isObject(x) ? x[k as string] : undefined), root);

/** `root` with the value at `path` replaced (undefined: removed — a key deleted, an array item spliced out). */
export function setAt(root: unknown, path: FieldPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const [k, ...rest] = path;
  if (Array.isArray(root) && typeof k === 'number') {
    const next = root.slice();
    const v = setAt(root[k], rest, value);
    if (v === undefined) next.splice(k, 1);
    else next[k] = v;
    return next;
  }
  const obj = isObject(root) ? root : {};
  const v = setAt(obj[k as string], rest, value);
  const next = { ...obj };
  if (v === undefined) delete next[k as string];
  else next[k as string] = v;
  return next;
}

/**
 * Set the field at `path` after making its ancestors writable (`ensure`, outermost first): an absent
 * defaulted object is written out, a string shorthand item becomes its object. An item left with
 * only the property its shorthand stands for goes back to the bare string.
 */
export function setField(root: unknown, path: FieldPath, value: unknown, ensure: readonly Ensure[] = []): unknown {
  let next = root;
  for (const e of ensure) {
    const cur = getAt(next, e.path);
    if ('absentBecomes' in e && cur === undefined) next = setAt(next, e.path, structuredClone(e.absentBecomes));
    if ('expandStringTo' in e && typeof cur === 'string') next = setAt(next, e.path, { [e.expandStringTo]: cur });
  }
  next = setAt(next, path, value);
  for (const e of ensure) {
    if (!('expandStringTo' in e)) continue;
    const item = getAt(next, e.path);
    if (isObject(item) && Object.keys(item).length === 1 && typeof item[e.expandStringTo] === 'string') next = setAt(next, e.path, item[e.expandStringTo]);
  }
  return next;
}

/** A list with one more item at its end (a list that is not there yet is started). */
export const addRow = (root: unknown, path: FieldPath, item: unknown): unknown => {
  const list = getAt(root, path);
  return setAt(root, path, [...(Array.isArray(list) ? list : []), structuredClone(item)]);
};

export const removeRow = (root: unknown, path: FieldPath, index: number): unknown => setAt(root, [...path, index], undefined);

/** An object with `from` renamed `to`, in the same place among its keys (a name already taken is refused: unchanged). */
export function renameEntry(root: unknown, path: FieldPath, from: string, to: string): unknown {
  const obj = getAt(root, path);
  if (!isObject(obj) || from === to || to in obj) return root;
  return setAt(root, path, Object.fromEntries(Object.entries(obj).map(([k, v]) => [k === from ? to : k, v])));
}

/** The value a text field's input means: an optional field left empty is removed from the probe. */
export const textValue = (text: string, required: boolean): string | undefined => (text === '' && !required ? undefined : text);

/**
 * The value a number field's input means: a number when it is written in plain decimal notation
 * (core/input/plainDecimal.ts); otherwise the text, so the schema's check names it.
 */
export function numberValue(text: string, required: boolean): number | string | undefined {
  if (text.trim() === '') return required ? '' : undefined;
  return readPlainDecimal(text) ?? text;
}

/** The list a one-per-line box means: its lines, blank ones dropped (a blank item is never valid). */
export const linesValue = (text: string): string[] => text.split('\n').filter((l) => l.trim() !== '');

/** The draft text of a value, in the editor's format (the same as lmProbeText). */
export const draftTextOf = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** The draft's JSON value, or the parse error's message. */
export function parseDraft(text: string): { value: unknown; error: null } | { value: null; error: string } {
  try {
    return { value: JSON.parse(text) as unknown, error: null };
  } catch (e) {
    return { value: null, error: (e as Error).message };
  }
}
