// Templates × group terms → aligned variant sets. A variant set holds one sentence per group that
// differ ONLY in the group term, so the group comparison is a paired design: every non-group slot
// value and the i-th term of every group are held fixed within a set (groups' term lists are
// aligned by position: he/she, man/woman, …). Each variant is also split at the end of the first
// group term into prefix and continuation, so the runtime can score log P(continuation | prefix) —
// the "continuation log-prob given the shared prefix" of the probe definition.
import { InvalidLmInputError, MissingSlotValueError, UnknownSlotError } from '../../errors';
import { fillTemplate, parseTemplate, templateSlots } from './templateSlots';

export interface GroupTerms {
  /** Group label, e.g. "female". */
  name: string;
  /** Terms substituted for the group slot, aligned across groups by position. */
  terms: string[];
}

export interface GroupTemplateSpec {
  templates: string[];
  /** Name of the slot that carries the group term, e.g. "group". */
  groupSlot: string;
  /** At least two groups with equally many terms. */
  groups: GroupTerms[];
  /** Values of every other slot used by the templates. */
  slotValues: Record<string, string[]>;
}

export interface GroupVariant {
  group: string;
  term: string;
  text: string;
  /** Text up to and including the first group term. */
  prefix: string;
  /** The rest of the text, scored given the prefix. */
  continuation: string;
}

export interface GroupVariantSet {
  /** Stable id: "t<template index>|<slot>=<value>|…|term<i>". */
  id: string;
  templateIndex: number;
  template: string;
  /** Values of the non-group slots. */
  fill: Record<string, string>;
  termIndex: number;
  variants: GroupVariant[];
  /** True when every variant has the same continuation (the group slot occurs only once). */
  continuationShared: boolean;
}

/** Refuse expansions larger than this (a typo in a slot list should not freeze the tab). */
export const MAX_VARIANT_SETS = 100_000;

/**
 * Expand every template with the Cartesian product of its non-group slot values and, for each term
 * position i, one variant per group (group g's i-th term in the group slot).
 * Source: template-based bias probes as in Kurita et al. (2019) and May et al. (2019, SEAT); the
 * paired (aligned) construction is what makes the sign-flip test of summarizeDeltas valid.
 * @throws {TemplateSyntaxError} on a malformed template
 * @throws {UnknownSlotError} when a template uses a slot with no entry in slotValues
 * @throws {MissingSlotValueError} when a used slot has an empty value list
 * @throws {InvalidLmInputError} when there are < 2 groups, duplicate group names, unequal or empty
 *   term lists, a template without the group slot, or more than MAX_VARIANT_SETS sets
 */
export function expandGroupTemplates(spec: GroupTemplateSpec): GroupVariantSet[] {
  const { templates, groupSlot, groups, slotValues } = spec;
  if (templates.length === 0) throw new InvalidLmInputError('no templates given');
  if (groups.length < 2) throw new InvalidLmInputError(`need at least two groups to compare, got ${groups.length}`);
  const names = new Set(groups.map((g) => g.name));
  if (names.size !== groups.length) throw new InvalidLmInputError('group names must be distinct');
  const termCount = groups[0]!.terms.length;
  for (const group of groups) {
    if (group.terms.length === 0) throw new MissingSlotValueError(groupSlot, `group "${group.name}" has no terms for slot {${groupSlot}}`);
    if (group.terms.length !== termCount) throw new InvalidLmInputError(`groups must have equally many (aligned) terms: "${groups[0]!.name}" has ${termCount}, "${group.name}" has ${group.terms.length}`);
  }
  const sets: GroupVariantSet[] = [];
  templates.forEach((template, templateIndex) => {
    const slots = templateSlots(template);
    if (!slots.includes(groupSlot)) throw new InvalidLmInputError(`template ${templateIndex} ("${template}") does not contain the group slot {${groupSlot}}`);
    const otherSlots = slots.filter((slot) => slot !== groupSlot);
    for (const slot of otherSlots) {
      const values = slotValues[slot];
      if (values === undefined) throw new UnknownSlotError(slot);
      if (values.length === 0) throw new MissingSlotValueError(slot, `slot {${slot}} has an empty value list`);
    }
    for (const fill of cartesian(otherSlots, slotValues)) {
      for (let termIndex = 0; termIndex < termCount; termIndex++) {
        if (sets.length >= MAX_VARIANT_SETS) throw new InvalidLmInputError(`the templates expand to more than ${MAX_VARIANT_SETS} variant sets`);
        const variants = groups.map((group) => variantOf(template, groupSlot, group.name, group.terms[termIndex]!, fill));
        const id = [`t${templateIndex}`, ...otherSlots.map((slot) => `${slot}=${fill[slot]}`), `term${termIndex}`].join('|');
        const continuationShared = variants.every((v) => v.continuation === variants[0]!.continuation);
        sets.push({ id, templateIndex, template, fill, termIndex, variants, continuationShared });
      }
    }
  });
  return sets;
}

function variantOf(template: string, groupSlot: string, group: string, term: string, fill: Record<string, string>): GroupVariant {
  const values = { ...fill, [groupSlot]: term };
  const parts = parseTemplate(template);
  const split = parts.findIndex((part) => part.kind === 'slot' && part.slot === groupSlot) + 1;
  const render = (subset: typeof parts) => subset.map((part) => (part.kind === 'text' ? part.text : values[part.slot]!)).join('');
  const prefix = render(parts.slice(0, split));
  const continuation = render(parts.slice(split));
  return { group, term, text: fillTemplate(template, values), prefix, continuation };
}

/** All combinations of the slots' values, first slot varying slowest. */
function* cartesian(slots: string[], slotValues: Record<string, string[]>): Generator<Record<string, string>> {
  if (slots.length === 0) {
    yield {};
    return;
  }
  const [first, ...rest] = slots;
  for (const value of slotValues[first!]!) for (const tail of cartesian(rest, slotValues)) yield { [first!]: value, ...tail };
}
