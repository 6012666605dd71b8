// Templates × group terms: slot parsing, aligned expansion, prefix/continuation split, the group
// comparison through the counterfactual summaries, and named errors naming the slot.
import { describe, expect, it } from 'vitest';
import { DEFAULT_COUNTERFACTUAL_OPTIONS } from '../../../src/core/lm/counterfactual/types';
import { InvalidLmInputError, MissingSlotValueError, TemplateSyntaxError, UnknownSlotError } from '../../../src/core/errors';
import { compareGroupVariants } from '../../../src/core/lm/templates/compareGroupVariants';
import { expandGroupTemplates } from '../../../src/core/lm/templates/expandGroupTemplates';
import { fillTemplate, templateSlots } from '../../../src/core/lm/templates/templateSlots';

const groups = [
  { name: 'male', terms: ['man', 'he'] },
  { name: 'female', terms: ['woman', 'she'] },
];

describe('slots', () => {
  it('lists slots in order of first use; doubled braces are literal', () => {
    expect(templateSlots('The {group} worked as a {occupation}; {group} liked it {{really}}.')).toEqual(['group', 'occupation']);
    expect(fillTemplate('{{x}} {a}-{b}', { a: '1', b: '2' })).toBe('{x} 1-2');
  });
  it('syntax errors', () => {
    expect(() => templateSlots('The {group worked')).toThrow(TemplateSyntaxError);
    expect(() => templateSlots('The {} worked')).toThrow(TemplateSyntaxError);
    expect(() => templateSlots('The group} worked')).toThrow(TemplateSyntaxError);
    expect(() => templateSlots('The {two words} worked')).toThrow(TemplateSyntaxError);
  });
  it('a fill without a value names the slot', () => {
    try {
      fillTemplate('The {group} worked as a {occupation}.', { group: 'man' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(MissingSlotValueError);
      expect((e as MissingSlotValueError).slot).toBe('occupation');
      expect((e as Error).name).toBe('MissingSlotValueError');
    }
  });
});

describe('expansion', () => {
  const sets = expandGroupTemplates({
    templates: ['The {group} worked as a {occupation}.', '{group} was a {occupation} in {city}.'],
    groupSlot: 'group',
    groups,
    slotValues: { occupation: ['nurse', 'pilot'], city: ['Paris'] },
  });
  it('one aligned set per template × slot values × term index', () => {
    expect(sets).toHaveLength(2 * 2 + 2 * 1 * 2); // t0: occupation × term; t1: occupation × city × term
    expect(sets[0]!.id).toBe('t0|occupation=nurse|term0');
    expect(sets[0]!.variants.map((v) => v.text)).toEqual(['The man worked as a nurse.', 'The woman worked as a nurse.']);
    expect(sets[1]!.variants.map((v) => v.term)).toEqual(['he', 'she']);
  });
  it('prefix ends after the group term; the continuation is shared', () => {
    const v = sets[0]!.variants[1]!;
    expect(v.prefix).toBe('The woman');
    expect(v.continuation).toBe(' worked as a nurse.');
    expect(sets.every((s) => s.continuationShared)).toBe(true);
    const twice = expandGroupTemplates({ templates: ['{group} said {group} was late.'], groupSlot: 'group', groups, slotValues: {} });
    expect(twice[0]!.continuationShared).toBe(false);
  });
  it('unknown slot names the slot; empty value lists and bad groups are named errors', () => {
    const bad = () => expandGroupTemplates({ templates: ['The {group} is a {ocupation}.'], groupSlot: 'group', groups, slotValues: { occupation: ['nurse'] } });
    expect(bad).toThrow(UnknownSlotError);
    expect(bad).toThrow(/\{ocupation\}/);
    expect(() => expandGroupTemplates({ templates: ['The {group} is a {occupation}.'], groupSlot: 'group', groups, slotValues: { occupation: [] } })).toThrow(MissingSlotValueError);
    expect(() => expandGroupTemplates({ templates: ['No slot here.'], groupSlot: 'group', groups, slotValues: {} })).toThrow(InvalidLmInputError);
    expect(() => expandGroupTemplates({ templates: ['{group}.'], groupSlot: 'group', groups: [groups[0]!], slotValues: {} })).toThrow(InvalidLmInputError);
    expect(() => expandGroupTemplates({ templates: ['{group}.'], groupSlot: 'group', groups: [groups[0]!, { name: 'f', terms: ['she'] }], slotValues: {} })).toThrow(/equally many/);
    expect(() => expandGroupTemplates({ templates: ['{group}.'], groupSlot: 'group', groups: [groups[0]!, { name: 'f', terms: [] }], slotValues: {} })).toThrow(MissingSlotValueError);
  });
});

describe('group comparison', () => {
  const scored = [
    { id: 's1', category: 'nurse', scores: { male: { logProb: -9, tokens: 4 }, female: { logProb: -7, tokens: 4 } } },
    { id: 's2', category: 'nurse', scores: { male: { logProb: -8, tokens: 4 }, female: { logProb: -7.5, tokens: 4 } } },
    { id: 's3', category: 'pilot', scores: { male: { logProb: -6, tokens: 4 }, female: { logProb: -8, tokens: 4 } } },
  ];
  const options = { ...DEFAULT_COUNTERFACTUAL_OPTIONS, bootstrap: 0 };
  it('Δ = LL(stereotyped) − LL(comparison) per set, with the pair summaries', () => {
    const r = compareGroupVariants(scored, 'female', 'male', options);
    expect(r.items.map((i) => i.delta)).toEqual([2, 0.5, -2]);
    expect(r.overall.pctStereotype).toBeCloseTo(2 / 3, 15);
    expect(r.byCategory.map((c) => c.category)).toEqual(['nurse', 'pilot']);
    expect(compareGroupVariants(scored, 'male', 'female', options).overall.meanDelta).toBeCloseTo(-r.overall.meanDelta, 15);
  });
  it('named errors', () => {
    expect(() => compareGroupVariants(scored, 'male', 'male', options)).toThrow(InvalidLmInputError);
    expect(() => compareGroupVariants(scored, 'female', 'nonbinary', options)).toThrow(/no score for group "nonbinary"/);
  });
});
