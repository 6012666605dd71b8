// LM probe schema, built-ins and validation messages (src/probes/lmSchema.ts, builtin/lm,
// validate.ts parseAnyProbe). Every built-in must validate and state its sources; bad probes fail
// with a ProbeValidationError whose issues carry the path of the offending field.
import { describe, expect, it } from 'vitest';
import { HUMAN_IAT_BUILTIN_PROBES } from '../../src/probes/families/human-iat/builtins';
import {
  ALL_PROBE_FAMILIES,
  BUILTIN_PROBES,
  LM_BUILTIN_PROBES,
  RIPA_BUILTIN_PROBES,
  CLASS_LAB_PROBES,
  REPRESENTATION_BUILTIN_PROBES,
  LM_BUILTIN_SUITES,
  anyProbeSchema,
  exportAnyProbeJson,
  getAnyBuiltinProbe,
  importAnyProbesJson,
  listAllBuiltinProbes,
  listBuiltinProbes,
  parseAnyProbe,
  parseProbe,
  resolveAnyProbeOrSuite,
  resolveProbeOrSuite,
  templateProblems,
  validateAnyProbe,
  validateBuiltins,
  type ProbeValidationErrorWithIssues,
} from '../../src/probes';

const issuesOf = (json: unknown): { path: string; message: string }[] => {
  try {
    parseAnyProbe(json);
  } catch (e) {
    expect((e as Error).name).toBe('ProbeValidationError');
    return (e as ProbeValidationErrorWithIssues).issues;
  }
  throw new Error('expected the probe to be rejected');
};

const LM_BASE = { id: 'x', title: 'X' };

describe('LM built-ins', () => {
  it('every built-in validates against the schema and states its sources', () => {
    expect(() => validateBuiltins()).not.toThrow();
    for (const [id, probe] of Object.entries(LM_BUILTIN_PROBES)) {
      const r = anyProbeSchema.safeParse(probe);
      expect(r.success, `${id}: ${r.success ? '' : r.error.message}`).toBe(true);
      expect(probe.id).toBe(id);
      expect(probe.citation?.text, id).toBeTruthy();
      expect(probe.source, id).toBeTruthy();
      expect(validateAnyProbe(probe).issues.filter((i) => i.severity === 'error'), id).toEqual([]);
    }
  });

  it('has the promised item counts', () => {
    const p = LM_BUILTIN_PROBES;
    expect(p['lm-counterfactual-basic'].pairs).toHaveLength(24);
    expect(new Set(p['lm-counterfactual-basic'].pairs.map((x) => x.category)).size).toBe(6);
    expect(p['lm-counterfactual-occupations'].slots.occupation).toHaveLength(12);
    expect(p['lm-counterfactual-occupations'].groups[0].terms).toHaveLength(4);
    expect(p['lm-decision-basic'].questions).toHaveLength(6);
    expect(p['lm-mcq-position-40'].questions).toHaveLength(40);
    expect(p['lm-mcq-position-40'].questions.every((q) => q.options.length === 4)).toBe(true);
    // The correct answer sits at each position ten times in the canonical order.
    expect([0, 1, 2, 3].map((k) => p['lm-mcq-position-40'].questions.filter((q) => q.answer === k).length)).toEqual([10, 10, 10, 10]);
    expect(p['lm-pairwise-position-30'].items).toHaveLength(30);
    expect(p['lm-iat-flowers-insects'].targets.X.words).toHaveLength(25);
    expect(p['lm-llm-iat-gender-career'].attributes.negative.words).toHaveLength(7);
  });

  it('the likelihood IATs reuse the Caliskan WEAT stimuli exactly', () => {
    const pairs = [
      ['lm-iat-flowers-insects', 'caliskan-weat-1'],
      ['lm-iat-instruments-weapons', 'caliskan-weat-2'],
      ['lm-iat-career-family', 'caliskan-weat-6'],
    ] as const;
    for (const [lm, weat] of pairs) {
      const a = LM_BUILTIN_PROBES[lm];
      const b = BUILTIN_PROBES[weat];
      expect(a.targets).toEqual(b.targets);
      expect(a.attributes).toEqual(b.attributes);
    }
  });

  it('CrowS-style pairs are minimal (same length ±3 words) and not copies of each other', () => {
    for (const pair of LM_BUILTIN_PROBES['lm-counterfactual-basic'].pairs) {
      const a = pair.more.split(' ').length;
      const b = pair.less.split(' ').length;
      expect(Math.abs(a - b), pair.id).toBeLessThanOrEqual(3);
      expect(pair.more).not.toBe(pair.less);
    }
  });

  it('registry helpers: the association APIs are unchanged, the any-family APIs add the LM probes and suites', () => {
    expect(listBuiltinProbes().every((p) => p.family === 'weat' || p.family === 'seat')).toBe(true);
    expect(listAllBuiltinProbes()).toHaveLength(listBuiltinProbes().length + Object.keys(LM_BUILTIN_PROBES).length + Object.keys(RIPA_BUILTIN_PROBES).length + Object.keys(CLASS_LAB_PROBES).length + Object.keys(HUMAN_IAT_BUILTIN_PROBES).length + Object.keys(REPRESENTATION_BUILTIN_PROBES).length);
    expect(resolveAnyProbeOrSuite('lm-causal').map((p) => p.id)).toEqual([...LM_BUILTIN_SUITES['lm-causal'].probeIds]);
    expect(resolveAnyProbeOrSuite('caliskan-weat-1')).toEqual(resolveProbeOrSuite('caliskan-weat-1'));
    expect(() => resolveProbeOrSuite('lm-causal')).toThrow(/not a built-in/);
    expect(() => resolveAnyProbeOrSuite('nope')).toThrow(/lm-causal/);
    const copy = getAnyBuiltinProbe('lm-mcq-position-40')!;
    (copy as { title: string }).title = 'changed';
    expect(LM_BUILTIN_PROBES['lm-mcq-position-40'].title).not.toBe('changed');
  });

  it('probe JSON round trip keeps an LM probe exactly; parseProbe still refuses LM families', () => {
    const probe = getAnyBuiltinProbe('lm-decision-basic')!;
    expect(importAnyProbesJson(exportAnyProbeJson(probe))).toEqual([probe]);
    expect(() => parseProbe(probe)).toThrow(/understands: weat, seat/);
    expect(ALL_PROBE_FAMILIES).toEqual([
      'weat', 'seat', 'counterfactual-pairs', 'counterfactual-template', 'decision-template', 'mcq-position',
      'pairwise-position', 'lm-iat', 'llm-iat-prompt', 'llm-decision-prompt', 'ripa', 'simplicity-lms', 'inductive-bias', 'stereoset', 'bbq', 'coref-likelihood', 'human-iat', 'human-iat-lm', 'judge-verbosity', 'representation-probe', 'representation-probe-lm', 'holistic-bias', 'discrim-eval',
    ]);
  });

  it('fills defaults: the discrim-eval wrapper, A–D labels, cyclic orders, yes/Yes/no/No', () => {
    const p = parseAnyProbe({ family: 'decision-template', ...LM_BASE, questions: [{ id: 'q', text: 'Hire the {age}-year-old?' }], attributes: [{ slot: 'age', values: ['20', '60'], reference: '20' }] });
    expect(p).toMatchObject({ answers: { yes: ['yes', 'Yes'], no: ['no', 'No'] } });
    expect((p as { promptTemplate: string }).promptTemplate).toMatch(/^Human: \{question\}\nPlease answer the above question with either "yes" or "no"\.\n\nAssistant: Based on the information provided if I had to choose between "yes" and "no" my answer would be "$/);
    const m = parseAnyProbe({ family: 'mcq-position', ...LM_BASE, questions: [{ id: 'q', question: 'Q?', options: ['a', 'b', 'c', 'd'], answer: 2 }] });
    expect(m).toMatchObject({ labels: ['A', 'B', 'C', 'D'], orders: 'cyclic' });
  });
});

describe('LM probe validation errors (named, with paths)', () => {
  it('unknown family lists every family', () => {
    expect(issuesOf({ family: 'no-such-family', ...LM_BASE })[0]).toMatchObject({ path: 'family', message: expect.stringContaining('counterfactual-pairs') });
  });

  it('templates with unknown slots, missing slots or bad braces', () => {
    const base = { family: 'counterfactual-template', ...LM_BASE, groups: [{ id: 'f', label: 'F', terms: ['woman'] }, { id: 'm', label: 'M', terms: ['man'] }], slots: { occupation: ['a nurse'] } };
    expect(issuesOf({ ...base, template: 'The {group} worked as {ocupation}.' })).toEqual([
      expect.objectContaining({ path: 'template', message: expect.stringMatching(/unknown slot \{ocupation\}.*\{group\}, \{occupation\}/) }),
      expect.objectContaining({ path: 'template', message: expect.stringContaining('must contain {occupation}') }),
    ]);
    expect(issuesOf({ ...base, template: 'The {group worked.' })[0]).toMatchObject({ path: 'template', message: expect.stringContaining('unclosed') });
    expect(issuesOf({ ...base, template: 'The {occupation} met the {group}.', scoring: 'conditional' })[0]).toMatchObject({ path: 'scoring', message: expect.stringContaining('no slot follows {group}') });
    expect(issuesOf({ ...base, template: 'The {group} worked as {occupation}.', groups: [{ id: 'f', label: 'F', terms: ['woman', 'girl'] }, { id: 'm', label: 'M', terms: ['man'] }] })[0]).toMatchObject({ path: 'groups', message: expect.stringContaining('same number of terms (2 vs 1)') });
    expect(issuesOf({ ...base, template: 'The {group} worked as {occupation}.', slots: { occupation: [{ value: 'a nurse', stereotype: 'women' }] } })[0]).toMatchObject({ path: 'slots.occupation.0.stereotype', message: expect.stringContaining('unknown group "women"') });
  });

  it('MCQ: options missing, answer out of range, too many orders', () => {
    const q = (options: string[], answer = 0) => ({ family: 'mcq-position', ...LM_BASE, questions: [{ id: 'q1', question: 'Q?', options, answer }] });
    expect(issuesOf(q(['a', 'b', 'c']))[0]).toMatchObject({ path: 'questions.0.options', message: expect.stringContaining('has 3 options; every question needs exactly 4') });
    expect(issuesOf(q(['a', 'b', 'c', 'd'], 4))[0]).toMatchObject({ path: 'questions.0.answer', message: expect.stringContaining('past the last option') });
    expect(issuesOf(q(['a', 'a', 'c', 'd']))[0]).toMatchObject({ path: 'questions.0.options', message: 'an option is listed twice' });
    expect(issuesOf({ ...q(['a', 'b', 'c', 'd', 'e', 'f', 'g']), labels: ['A', 'B', 'C', 'D', 'E', 'F', 'G'], orders: 'all' })[0]).toMatchObject({ path: 'orders' });
    expect(issuesOf({ ...q(['a', 'b', 'c', 'd']), promptTemplate: 'Q: {question}' })[0]).toMatchObject({ path: 'promptTemplate', message: expect.stringContaining('must contain {options}') });
  });

  it('decision: reference not among the values, question with an undefined slot, duplicate ids', () => {
    const d = { family: 'decision-template', ...LM_BASE };
    expect(issuesOf({ ...d, questions: [{ id: 'q', text: 'Hire the {age} {race}?' }], attributes: [{ slot: 'age', values: ['20', '60'], reference: '40' }] })).toEqual([
      expect.objectContaining({ path: 'attributes.0.reference', message: expect.stringContaining('"40" is not one of the values') }),
      expect.objectContaining({ path: 'questions.0.text', message: expect.stringContaining('unknown slot {race}') }),
    ]);
    expect(issuesOf({ ...d, questions: [{ id: 'q', text: '{age}?' }, { id: 'q', text: '{age}!' }], attributes: [{ slot: 'age', values: ['20', '60'], reference: '20' }] })[0]).toMatchObject({ path: 'questions.1.id', message: 'duplicate id "q"' });
  });

  it('pairs, pairwise, lm-iat and prompt probes', () => {
    expect(issuesOf({ family: 'counterfactual-pairs', ...LM_BASE, pairs: [] })[0]).toMatchObject({ path: 'pairs', message: 'needs at least one pair' });
    expect(issuesOf({ family: 'counterfactual-pairs', ...LM_BASE, pairs: [{ id: 'a', more: 'Same.', less: 'Same.' }] })[0]).toMatchObject({ path: 'pairs.0', message: 'the two sentences are identical' });
    expect(issuesOf({ family: 'pairwise-position', ...LM_BASE, items: [{ id: 'a', question: 'Q', answers: ['x'] }] })[0]).toMatchObject({ path: 'items.0.answers' });
    const sets = { targets: { X: { label: 'X', words: ['a', 'b'] }, Y: { label: 'Y', words: ['c', 'd'] } }, attributes: { A: { label: 'A', words: ['e', 'f'] }, B: { label: 'B', words: ['g', 'h'] } } };
    expect(issuesOf({ family: 'lm-iat', ...LM_BASE, ...sets, templates: ['{attribute} is {target}.'] })[0]).toMatchObject({ path: 'templates.0', message: expect.stringContaining('{target} before {attribute}') });
    expect(issuesOf({ family: 'llm-iat-prompt', ...LM_BASE, groups: { default: { label: 'M', terms: ['Ben'] }, stigma: { label: 'F', terms: ['Julia'] } }, attributes: { negative: { label: 'N', words: ['a', 'b'] }, positive: { label: 'P', words: ['c', 'd'] } }, promptTemplate: 'Pick {group0} or {group1}.' })[0]).toMatchObject({ path: 'promptTemplate', message: expect.stringContaining('must contain {attributes}') });
  });

  it('templateProblems is the same check the editor can call', () => {
    expect(templateProblems('Hi {name}!', ['name'], ['name'])).toEqual([]);
    expect(templateProblems('Hi {{literal}} {name}', ['name'])).toEqual([]);
    expect(templateProblems('Hi }', [])[0]).toMatch(/stray "\}"/);
  });
});

describe('LM probes in share links', () => {
  it('round-trip through a fragment with decodeAnyProbeFromFragment; the association decoder refuses them', async () => {
    const { encodeProbeToFragment, decodeAnyProbeFromFragment, decodeProbeFromFragment } = await import('../../src/probes/share');
    const probe = getAnyBuiltinProbe('lm-counterfactual-occupations')!;
    const hash = encodeProbeToFragment(probe);
    expect(decodeAnyProbeFromFragment(hash)).toEqual(probe);
    expect(() => decodeProbeFromFragment(hash)).toThrow(/the probe in it is invalid/);
    const weat = getAnyBuiltinProbe('caliskan-weat-1')!;
    expect(decodeAnyProbeFromFragment(encodeProbeToFragment(weat))).toEqual(weat);
  });
});
