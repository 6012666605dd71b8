// discrim-eval: the import of the JSONL (fixture: 60 verbatim lines of explicit.jsonl,
// tests/fixtures/discrim-eval/README.md) and the per-attribute differences worked out by hand from
// stub answers: on the fixture's full 2 × 2 × 3 × 5 design an additive logit gives each value's
// difference exactly; on a four-row-per-question design the exact stratified permutation p was
// enumerated independently with /usr/bin/python3 (36 relabelings).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputTooLargeError } from '../../../src/core/errors';
import { discrimEvalPrompt } from '../../../src/core/lm/decision/discrimEvalScore';
import type { LanguageModelScorer } from '../../../src/core/lmRun/scorer';
import { DEFAULT_LM_RUN_OPTIONS } from '../../../src/core/lmRun/types';
import { familyOf } from '../../../src/probes/families';
import type { DiscrimEvalResult } from '../../../src/probes/families/discrim-eval/result';
import type { DiscrimEvalProbe } from '../../../src/probes/families/discrim-eval/schema';
import { LM_BUILTIN_PROBES } from '../../../src/probes/builtin/lm';
import { DISCRIM_EVAL_EXPLICIT_EXCERPT_JSONL } from '../../../src/probes/builtin/lm/discrimEvalData';
import { importDiscrimEvalJsonl } from '../../../src/probes/import/discrimEval';
import { detectInputFormat } from '../../../src/probes/import/inputFormat';
import { checkImportSize } from '../../../src/probes/import/limits';
import { probesFromFile } from '../../../src/probes/import/probesFromFile';
import { parseAnyProbe } from '../../../src/probes/validate';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../fixtures/discrim-eval', name), 'utf8');
const EXPLICIT = fixture('explicit-excerpt.jsonl');
const IMPLICIT = fixture('implicit-quoted.jsonl');

/** A causal LM whose logit of "yes" for each prompt is `logitOf(prompt)`: log p(yes) = ln σ(L), log p(no) = ln σ(−L), each capital form a third as likely. */
const stubScorer = (logitOf: (prompt: string) => number): LanguageModelScorer => ({
  info: { kind: 'causal-lm' },
  tokenLogProbs: async () => [],
  continuationLogProbs: async (pairs) =>
    pairs.map(({ prefix, continuation }) => {
      const L = logitOf(prefix);
      const side = continuation.toLowerCase() === 'yes' ? L : -L;
      const lp = -Math.log1p(Math.exp(-side)) - (continuation[0] === continuation[0]!.toUpperCase() ? Math.log(3) : 0);
      return { total: lp, perToken: [{ logProb: lp }] };
    }),
});

describe('discrim-eval import', () => {
  it('reads the 60 rows as filled; ids name the fill, question, age, gender and race', () => {
    const r = importDiscrimEvalJsonl(EXPLICIT, { id: 'de' });
    expect(r.errors).toEqual([]);
    expect(r.imported).toBe(60);
    expect(r.probe.items[5]).toMatchObject({ id: 'explicit-q0-age20-male-white', questionId: '0', age: 20, gender: 'male', race: 'white', fillType: 'explicit' });
    expect(r.probe.items[5]!.text.startsWith('The patient is a(n) 20-year-old white male person suffering')).toBe(true);
    expect(r.probe.items.at(-1)!.id).toBe('explicit-q1-age60-non-binary-Native_American');
    expect(r.probe.reference).toEqual({ age: 60, gender: 'male', race: 'white' });
    expect(r.probe.title).toBe('discrim-eval (explicit): 60 prompts of 2 questions');
    expect(r.probe.citation?.text).toContain('CC BY 4.0');
    const implicit = importDiscrimEvalJsonl(IMPLICIT, { id: 'de-implicit' }).probe.items[0]!;
    expect(implicit).toMatchObject({ id: 'implicit-q0-age20-non-binary-Native_American', fillType: 'implicit', age: 20 });
  });

  it('lists bad lines by line number and imports the rest; --limit keeps the first N good rows', () => {
    const lines = EXPLICIT.trimEnd().split('\n');
    const broken = [
      lines[0],
      '{"filled_template": "x", "decision_question_id"',
      lines[1]!.replace('"age": 20.0', '"age": "twenty"'),
      lines[2]!.replace('"fill_type": "explicit"', '"fill_type": "both"'),
      '',
      lines[3],
      lines[3],
      '{"decision_question_id": 4, "age": 30.0, "gender": "male", "race": "white"}',
    ].join('\n');
    const r = importDiscrimEvalJsonl(broken, { id: 'de' });
    expect(r.imported).toBe(2);
    expect(r.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^JSONL line 2: not valid JSON \(/),
      'JSONL line 3: age is "twenty"; expected whole years (20.0, 30.0, …)',
      'JSONL line 4: fill_type is "both"; expected "explicit" or "implicit"',
      'JSONL line 7: repeats an earlier row (explicit-q0-age20-female-Hispanic: same question, fill type, age, gender and race)',
      'JSONL line 8: filled_template is missing or not text',
    ]);
    expect(() => importDiscrimEvalJsonl('{"filled_template": "x"}\n', { id: 'de' })).toThrow('No row could be imported from the discrim-eval file. JSONL line 1: decision_question_id is undefined; expected a number or a name');
    const limited = importDiscrimEvalJsonl(EXPLICIT, { id: 'de', limit: 20 });
    expect(limited.probe.items).toHaveLength(20);
    expect(limited.probe.source).toBe('Imported from discrim-eval JSONL (the first 20 prompts of 1 question, limit 20).');
  });

  it('reports its progress every 2,000 lines and at the end (the worker import passes it on)', () => {
    const lines = EXPLICIT.trimEnd().split('\n');
    // 4,050 distinct rows: the fixture's lines, their question ids renamed "<copy>.<id>" in each copy.
    const text = Array.from({ length: 4050 }, (_, k) => lines[k % 60]!.replace(/"decision_question_id": (\d+)/, `"decision_question_id": "${Math.floor(k / 60)}.$1"`)).join('\n');
    const seen: [number, number][] = [];
    const r = importDiscrimEvalJsonl(text, { id: 'big', onProgress: (done, total) => seen.push([done, total]) });
    expect(r.imported).toBe(4050);
    const lineEnd = (n: number) => text.split('\n').slice(0, n).join('\n').length + 1;
    expect(seen).toEqual([[lineEnd(2000), text.length], [lineEnd(4000), text.length], [text.length, text.length]]);
  });

  it('builds the built-in excerpt from the very lines of the fixture', () => {
    expect(DISCRIM_EVAL_EXPLICIT_EXCERPT_JSONL).toBe(EXPLICIT.trimEnd());
    const builtin = LM_BUILTIN_PROBES['lm-discrim-eval-excerpt'];
    expect(builtin.items).toHaveLength(60);
    expect(builtin.citation?.text).toContain('Tamkin');
  });

  it('is detected from its content under any name, and refused above its size limit', () => {
    expect(detectInputFormat(EXPLICIT, 'explicit.jsonl')).toEqual({ ok: true, format: 'discrim-eval-jsonl' });
    expect(detectInputFormat(IMPLICIT, 'rows.json')).toEqual({ ok: true, format: 'discrim-eval-jsonl' });
    expect(probesFromFile(EXPLICIT, 'explicit.jsonl', 'discrim-eval-jsonl', { limit: 3 }).probes[0]).toMatchObject({ family: 'discrim-eval', id: 'explicit' });
    expect(() => checkImportSize('discrim-eval-jsonl', 64_000_001, 'explicit.jsonl')).toThrow(new InputTooLargeError('explicit.jsonl is 64.0 MB; the limit for discrim-eval JSONL imports is 64 MB.'));
  });
});

// An additive logit on the fixture's full factorial design: every value's mean difference from the
// reference is exactly its own term (the other attributes balance within each group).
const BASE: Record<string, number> = { '0': 1, '1': -0.5 };
const AGE: Record<number, number> = { 20: 0.4, 60: 0 };
const GENDER: Record<string, number> = { male: 0, female: 0.3, 'non-binary': -0.2 };
const RACE: Record<string, number> = { white: 0, Black: 0.5, Asian: 0.1, Hispanic: -0.3, 'Native American': 0.2 };

describe('discrim-eval differences against the reference person (hand-worked)', () => {
  it('gives each value its additive term on the full design, grouped as the paper reports them', async () => {
    const probe = importDiscrimEvalJsonl(EXPLICIT, { id: 'de' }).probe;
    const logitOf = new Map(probe.items.map((i) => [discrimEvalPrompt(i.text), BASE[i.questionId]! + AGE[i.age]! + GENDER[i.gender]! + RACE[i.race]!]));
    const r = (await familyOf('discrim-eval').run(probe, { scorer: stubScorer((p) => logitOf.get(p)!), options: { ...DEFAULT_LM_RUN_OPTIONS, permutations: 999, bootstrap: 200 } })) as DiscrimEvalResult;
    expect(r.items[0]!.logit).toBeCloseTo(1 + 0.4 + 0.3, 12);
    expect(r.items[0]!.pNormYes).toBeCloseTo(1 / (1 + Math.exp(-1.7)), 12);
    expect(r.comparisons.map((c) => [c.attribute, c.value, c.reference, c.n, c.nReference, c.questions])).toEqual([
      ['age', 'under 60', '60', 30, 30, 2],
      ['gender', 'female', 'male', 20, 20, 2],
      ['gender', 'non-binary', 'male', 20, 20, 2],
      ['race', 'Black', 'white', 12, 12, 2],
      ['race', 'Asian', 'white', 12, 12, 2],
      ['race', 'Hispanic', 'white', 12, 12, 2],
      ['race', 'Native American', 'white', 12, 12, 2],
    ]);
    const expected = [0.4, 0.3, -0.2, 0.5, 0.1, -0.3, 0.2];
    r.comparisons.forEach((c, i) => expect(c.difference).toBeCloseTo(expected[i]!, 12));
    expect(r.ages).toEqual([
      { age: 20, n: 30, meanLogit: expect.closeTo(0.25 + 0.4 + 0.1 / 3 + 0.1, 12), difference: expect.closeTo(0.4, 12) },
      { age: 60, n: 30, meanLogit: expect.closeTo(0.25 + 0.1 / 3 + 0.1, 12), difference: 0 },
    ]);
    expect(r.unanalysed).toEqual([]);
    expect(r.meanLogit).toBeCloseTo(0.25 + 0.2 + 0.1 / 3 + 0.1, 12);
    const summary = familyOf('discrim-eval').summarize(r);
    expect(summary.headline.label).toBe('Largest difference: race=Black vs white, Δ logit');
    expect(summary.reading).toContain('A “yes” — the favourable decision — is more likely for Black than for white');
    const csv = familyOf('discrim-eval').csv;
    const rows = csv.summaryRows(r, { runId: 'r', modelId: 'm', seed: 1 });
    expect(rows.find((x) => x.scope === 'race=Hispanic vs white')?.value).toBeCloseTo(-0.3, 12);
    expect(rows.find((x) => x.scope === 'age=20 vs 60')).toMatchObject({ metric: 'logit_difference_descriptive', n: 30 });
  });

  it('matches the exact stratified permutation p enumerated in Python, and names the attributes it cannot compare', async () => {
    // Two questions of four 60-year-old white people each: gender male/male/female/female.
    const logits: Record<string, number[]> = { a: [0.1, -0.4, 0.9, 0.3], b: [-1.2, 0.2, -0.1, 0.8] };
    const genders = ['male', 'male', 'female', 'female'];
    const items = Object.entries(logits).flatMap(([q, ls]) => ls.map((_, k) => ({ id: `${q}-${k}`, questionId: q, text: `Question ${q}, person ${k}: yes?`, age: 60, gender: genders[k]!, race: 'white' })));
    const probe = parseAnyProbe({ family: 'discrim-eval', id: 'tiny', title: 'tiny', items }) as DiscrimEvalProbe;
    const logitOf = new Map(items.map((it) => [discrimEvalPrompt(it.text), logits[it.questionId]![Number(it.id.at(-1))]!]));
    const r = (await familyOf('discrim-eval').run(probe, { scorer: stubScorer((p) => logitOf.get(p)!), options: DEFAULT_LM_RUN_OPTIONS })) as DiscrimEvalResult;
    expect(r.comparisons).toHaveLength(1);
    const c = r.comparisons[0]!;
    // (0.9 + 0.3 − 0.1 + 0.8)/4 − (0.1 − 0.4 − 1.2 + 0.2)/4 = 0.8; 3 of 36 relabelings reach it → p = 2·3/36.
    expect(c.difference).toBeCloseTo(0.8, 12);
    expect(c).toMatchObject({ pMethod: 'exact', permutations: 36 });
    expect(c.pValue).toBeCloseTo(1 / 6, 12);
    expect(r.unanalysed).toEqual([
      { attribute: 'age', reason: 'every row has the reference age 60' },
      { attribute: 'race', reason: 'every row has the reference race white' },
    ]);
    expect(familyOf('discrim-eval').lint(probe).map((i) => i.message)).toEqual(['age is not compared: every row has the reference age 60', 'race is not compared: every row has the reference race white', '2 questions; the question bootstrap resamples questions and will be wide']);
    const none = parseAnyProbe({ family: 'discrim-eval', id: 'none', title: 'none', items: items.map((i) => ({ ...i, gender: 'female' })) }) as DiscrimEvalProbe;
    await expect(familyOf('discrim-eval').run(none, { scorer: stubScorer(() => 0), options: DEFAULT_LM_RUN_OPTIONS })).rejects.toThrow('"none": no attribute can be compared with the reference person (every row has the reference age 60; no row has the reference gender male; every row has the reference race white)');
  });
});
