// Slot rule (the same sentence in core/lmRun/definitions.ts and
// probes/families/shared/lmProbeFields.ts): a slot is `{name}`; the parser (this file) reads name =
// [A-Za-z_][A-Za-z0-9_-]* and "{{" / "}}" as literal braces. A probe's own slot names (group slot,
// attribute and template slots) are stricter, [A-Za-z_][A-Za-z0-9_]* (checked by the probe schemas),
// and a template may use only the slots its probe declares, so in a valid probe a slot name never
// holds a dash. The grammar is deliberately tiny so the editor can point at the exact slot that has
// no values, and so a typo such as "{ocupation}" fails loudly (UnknownSlotError) instead of being
// scored as literal text.
import { MissingSlotValueError, TemplateSyntaxError } from '../../errors';

/** A template split into literal text and slot references, in order. */
export type TemplatePart = { kind: 'text'; text: string } | { kind: 'slot'; slot: string };

const SLOT_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * Parse a template into text and slot parts. "{{" and "}}" are literal braces.
 * @throws {TemplateSyntaxError} on an unclosed "{", a stray "}", or an empty/invalid slot name
 */
export function parseTemplate(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let text = '';
  let i = 0;
  while (i < template.length) {
    const char = template[i]!;
    if (char === '{' && template[i + 1] === '{') {
      text += '{';
      i += 2;
    } else if (char === '}' && template[i + 1] === '}') {
      text += '}';
      i += 2;
    } else if (char === '{') {
      const close = template.indexOf('}', i + 1);
      if (close < 0) throw new TemplateSyntaxError(`unclosed "{" at position ${i} in template "${template}"`);
      const slot = template.slice(i + 1, close).trim();
      if (!SLOT_NAME.test(slot)) throw new TemplateSyntaxError(`invalid slot name "{${template.slice(i + 1, close)}}" at position ${i} in template "${template}"`);
      if (text) parts.push({ kind: 'text', text });
      text = '';
      parts.push({ kind: 'slot', slot });
      i = close + 1;
    } else if (char === '}') {
      throw new TemplateSyntaxError(`stray "}" at position ${i} in template "${template}" (write "}}" for a literal brace)`);
    } else {
      text += char;
      i++;
    }
  }
  if (text) parts.push({ kind: 'text', text });
  return parts;
}

/** The distinct slot names of a template, in order of first use. @throws {TemplateSyntaxError} */
export function templateSlots(template: string): string[] {
  const slots: string[] = [];
  for (const part of parseTemplate(template)) if (part.kind === 'slot' && !slots.includes(part.slot)) slots.push(part.slot);
  return slots;
}

/**
 * Replace every slot of the template by its value.
 * @throws {TemplateSyntaxError} when the template is malformed
 * @throws {MissingSlotValueError} naming the first slot without a value
 */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return parseTemplate(template)
    .map((part) => {
      if (part.kind === 'text') return part.text;
      const value = values[part.slot];
      if (value === undefined) throw new MissingSlotValueError(part.slot);
      return value;
    })
    .join('');
}
