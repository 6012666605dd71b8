// Orchestration of every LM family on the hand-computable fake scorer (fakeScorer.ts: log p(token)
// = −0.1·characters, plus the per-test context effects noted at each case). Every expected number
// below is computed by hand in the comment next to it; toBeCloseTo(x, 12) only absorbs the
// floating-point rounding of sums such as −0.1·3 + −0.1·2.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LM_RUN_OPTIONS,
  DISCRIM_EVAL_PROMPT,
  parseTaskAssignment,
  runCounterfactualPairs,
  runCounterfactualTemplate,
  runDecisionTemplate,
  runLlmDecisionPrompt,
  runLlmIatPrompt,
  runLmIat,
  runMcqPosition,
  runPairwisePosition,
  sharedTokenPositions,
  type CounterfactualPairsDefinition,
  type CounterfactualTemplateDefinition,
  type DecisionTemplateDefinition,
  type LmIatDefinition,
  type LmProbeDefinition,
  type LmRunOptions,
  type McqPositionDefinition,
  type PairwisePositionDefinition,
} from '../../../src/core/lmRun';
import { resolveAnyProbeOrSuite } from '../../../src/probes';
import { familyOf, type AnyProbe } from '../../../src/probes/families';
import type { LanguageModelScorer } from '../../../src/core/lmRun';

/** One probe through its family's runner (what the run path does for each probe of a batch). */
const runLmProbe = (probe: LmProbeDefinition, scorer: LanguageModelScorer, options: LmRunOptions, control: { signal?: AbortSignal; onProgress?: (p: { stage: string; done: number; total: number }) => void } = {}) =>
  familyOf(probe.family).run(probe as unknown as AnyProbe, { scorer, options, ...control });
import { BAI_IAT_PROMPT, REQUEST_BATCHES_PER_CALL } from '../../../src/core/lmRun';
import { discrimEvalPrompt } from '../../../src/core/lm/decision/discrimEvalScore';
import { buildIatPrompt, pythonListRepr } from '../../../src/core/lm/iat/iatPrompt';
import { fillTemplate } from '../../../src/core/lm/templates/templateSlots';
import { createFakeScorer } from './fakeScorer';
import { DECISION_PROMPT_PROBE, IAT_PROMPT_PROBE, scenarioOf, stereotypedIatAnswer } from './promptProbes';

const OPTS: LmRunOptions = { ...DEFAULT_LM_RUN_OPTIONS, bootstrap: 0, permutations: 1000 };

const pairsProbe = (scoring: CounterfactualPairsDefinition['scoring']): CounterfactualPairsDefinition => ({
  family: 'counterfactual-pairs',
  id: 'test-pairs',
  title: 'test',
  scoring,
  pairs: [
    // more: a(1) bb.(3) = −0.4; less: aaa(3) bb.(3) = −0.6 → Δ = +0.2
    { id: 'p1', more: 'a bb.', less: 'aaa bb.', category: 'A', direction: 'stereo' },
    // more: x y = −0.2; less: xxxx yy = −0.6 → Δ = +0.4
    { id: 'p2', more: 'x y', less: 'xxxx yy', category: 'A', direction: 'antistereo' },
    // more: q r = −0.2; less: qq r = −0.3 → Δ = +0.1
    { id: 'p3', more: 'q r', less: 'qq r', category: 'B' },
  ],
});

describe('counterfactual pairs', () => {
  it('causal-full: Δ, pct_stereotype, likelihood_diff, exact sign-flip and sign test by hand', async () => {
    const r = await runCounterfactualPairs(pairsProbe('causal-full'), createFakeScorer(), OPTS);
    expect(r.kind).toBe('counterfactual-pairs');
    expect(r.scale).toBe('sum');
    expect(r.items.map((i) => i.delta)).toEqual([expect.closeTo(0.2, 12), expect.closeTo(0.4, 12), expect.closeTo(0.1, 12)]);
    expect(r.items[0]).toMatchObject({ scoreMore: expect.closeTo(-0.4, 12), scoreLess: expect.closeTo(-0.6, 12), tokensMore: 2, tokensLess: 2 });
    expect(r.summary.n).toBe(3);
    expect(r.summary.pctStereotype).toBe(1);
    expect(r.summary.likelihoodDiff).toBeCloseTo(0.7 / 3, 12);
    expect(r.summary.meanDelta).toBeCloseTo(0.7 / 3, 12);
    // 2³ sign vectors of (.2, .4, .1): |T| ≥ .7 only for all-plus and all-minus → 2/8.
    expect(r.summary.signFlip).toMatchObject({ method: 'exact', permutations: 8, pValue: 0.25 });
    // 3 of 3 non-tied pairs stereotypical: two-sided binomial p = 2·(1/2)³ = 0.25.
    expect(r.summary.signTest?.pValue).toBeCloseTo(0.25, 12);
    expect(r.summary.ci).toBeNull();
    // Category A: Δ = (.2, .4): |T| ≥ .6 for 2 of 4 vectors → .5; B: one pair → 2/2 = 1.
    expect(r.byCategory.map((c) => [c.category, c.summary.n, c.summary.signFlip.pValue])).toEqual([
      ['A', 2, 0.5],
      ['B', 1, 1],
    ]);
    expect(r.byDirection).toEqual([
      { direction: 'stereo', n: 1, stereotypical: 1, pctStereotype: 1 },
      { direction: 'antistereo', n: 1, stereotypical: 1, pctStereotype: 1 },
    ]);
  });

  it('causal-mean: Δ per token (every sentence has 2 tokens, so Δ/2)', async () => {
    const r = await runCounterfactualPairs(pairsProbe('causal-mean'), createFakeScorer(), OPTS);
    expect(r.scale).toBe('mean-per-token');
    expect(r.items.map((i) => i.delta)).toEqual([expect.closeTo(0.1, 12), expect.closeTo(0.2, 12), expect.closeTo(0.05, 12)]);
    expect(r.summary.meanDelta).toBeCloseTo(0.35 / 3, 12);
  });

  it('masked-pll: scores only the shared tokens (difflib alignment), each PLL token −0.01·sentence length', async () => {
    const probe: CounterfactualPairsDefinition = {
      family: 'counterfactual-pairs',
      id: 'test-masked',
      title: 'masked',
      scoring: 'masked-pll',
      // shared tokens: The, man, slept → 3 + 3 + 5 characters = −1.1 in both;
      // length terms: more 4 tokens → −0.04·3 = −0.12; less 5 tokens → −0.05·3 = −0.15 → Δ = +0.03.
      pairs: [{ id: 'm1', more: 'The old man slept', less: 'The very young man slept' }],
    };
    const r = await runCounterfactualPairs(probe, createFakeScorer({ kind: 'masked-lm' }), OPTS);
    expect(r.items[0]).toMatchObject({ scoreMore: expect.closeTo(-1.22, 12), scoreLess: expect.closeTo(-1.25, 12), tokensMore: 3, tokensLess: 3, delta: expect.closeTo(0.03, 12) });
  });

  it('sharedTokenPositions follows difflib matching blocks', () => {
    expect(sharedTokenPositions([1, 2, 3, 4], [1, 5, 6, 3, 4])).toEqual({ a: [0, 2, 3], b: [0, 3, 4] });
    expect(sharedTokenPositions([7, 8], [9])).toEqual({ a: [], b: [] });
    // Longest block first, then the sides: "a b x c" vs "c a b" → the block "a b" only.
    expect(sharedTokenPositions([1, 2, 9, 3], [3, 1, 2])).toEqual({ a: [0, 1], b: [1, 2] });
  });

  it('refuses a model of the wrong kind with UnsupportedModelError', async () => {
    await expect(runCounterfactualPairs(pairsProbe('masked-pll'), createFakeScorer(), OPTS)).rejects.toMatchObject({ name: 'UnsupportedModelError' });
    await expect(runCounterfactualPairs(pairsProbe('causal-full'), createFakeScorer({ kind: 'masked-lm' }), OPTS)).rejects.toMatchObject({ name: 'UnsupportedModelError' });
  });

  it('a bootstrap CI brackets the mean and is reproducible for the seed', async () => {
    const opts = { ...OPTS, bootstrap: 500 };
    const a = await runCounterfactualPairs(pairsProbe('causal-full'), createFakeScorer(), opts);
    const b = await runCounterfactualPairs(pairsProbe('causal-full'), createFakeScorer(), opts);
    expect(a.summary.ci).not.toBeNull();
    expect(a.summary.ci!.low).toBeGreaterThanOrEqual(0.1 - 1e-12);
    expect(a.summary.ci!.high).toBeLessThanOrEqual(0.4 + 1e-12);
    expect(a).toEqual(b);
  });
});

const templateProbe = (scoring: CounterfactualTemplateDefinition['scoring']): CounterfactualTemplateDefinition => ({
  family: 'counterfactual-template',
  id: 'test-template',
  title: 'template',
  template: 'The {group} worked as {occupation}.',
  groupSlot: 'group',
  groups: [
    { id: 'female', label: 'F', terms: ['woman'] },
    { id: 'male', label: 'M', terms: ['man'] },
  ],
  slots: { occupation: [{ value: 'a nurse', stereotype: 'female' }, { value: 'a plumber', stereotype: 'male' }, 'a clerk'] },
  scoring,
});

/** Context effect: −0.01 per character of the prefix. */
const prefixPenalty = (prefix: string) => -0.01 * prefix.length;

describe('counterfactual templates', () => {
  it('auto → conditional: log p(rest | "The woman") − log p(rest | "The man") = −0.01·(9 − 7), oriented by the annotation', async () => {
    const r = await runCounterfactualTemplate(templateProbe('auto'), createFakeScorer({ bonus: prefixPenalty }), OPTS);
    expect(r.scoring).toBe('conditional');
    expect(r.items[0]).toMatchObject({ moreGroup: 'female', moreContext: 'The woman', moreScored: ' worked as a nurse.', lessContext: 'The man' });
    // nurse (female): −0.09 − (−0.07) = −0.02; plumber (male): +0.02; clerk (unannotated → groups[0]): −0.02.
    expect(r.items.map((i) => i.delta)).toEqual([expect.closeTo(-0.02, 12), expect.closeTo(0.02, 12), expect.closeTo(-0.02, 12)]);
    expect(r.summary.pctStereotype).toBeCloseTo(1 / 3, 12);
    expect(r.summary.meanDelta).toBeCloseTo(-0.02 / 3, 12);
    expect(r.byCategory.map((c) => c.category)).toEqual(['stereotypically F', 'stereotypically M']);
  });

  it('shared-prefix: log p(term + rest | "The ") — woman(5) vs man(3) characters', async () => {
    const r = await runCounterfactualTemplate(templateProbe('shared-prefix'), createFakeScorer({ bonus: prefixPenalty }), OPTS);
    expect(r.items[0]).toMatchObject({ moreContext: 'The ', moreScored: 'woman worked as a nurse.', lessScored: 'man worked as a nurse.' });
    // Same prefix, so the penalty cancels: nurse −0.2, plumber (male more) +0.2, clerk −0.2.
    expect(r.items.map((i) => i.delta)).toEqual([expect.closeTo(-0.2, 12), expect.closeTo(0.2, 12), expect.closeTo(-0.2, 12)]);
  });

  it('full-sentence: whole-sentence log-likelihoods give the same Δ here', async () => {
    const r = await runCounterfactualTemplate(templateProbe('full-sentence'), createFakeScorer(), OPTS);
    expect(r.items[0]).toMatchObject({ moreContext: '', moreScored: 'The woman worked as a nurse.', scoreMore: expect.closeTo(-2.3, 12), scoreLess: expect.closeTo(-2.1, 12) });
    expect(r.items.map((i) => i.delta)).toEqual([expect.closeTo(-0.2, 12), expect.closeTo(0.2, 12), expect.closeTo(-0.2, 12)]);
  });
});

describe('decision template (discrim-eval)', () => {
  const probe: DecisionTemplateDefinition = {
    family: 'decision-template',
    id: 'test-decision',
    title: 'decision',
    questions: [
      { id: 'q1', text: 'Should the {gender} be hired?' },
      { id: 'q2', text: 'Should the {gender} get the loan?' },
    ],
    attributes: [{ slot: 'gender', values: ['man', 'woman'], reference: 'man' }],
    promptTemplate: DISCRIM_EVAL_PROMPT,
    answers: { yes: ['yes', 'Yes'], no: ['no', 'No'] },
  };
  // woman: p(yes, Yes, no, No) = (.5, .1, .2, .2) → pnorm .6 → logit ln 1.5; man: (.3, .1, .4, .2) → ln(2/3).
  const table: Record<string, Record<string, number>> = {
    woman: { yes: 0.5, Yes: 0.1, no: 0.2, No: 0.2 },
    man: { yes: 0.3, Yes: 0.1, no: 0.4, No: 0.2 },
  };
  const candidate = (prompt: string, c: string) => Math.log(table[prompt.includes('woman') ? 'woman' : 'man']![c]!);

  it('logit(pnorm) per prompt and the difference to the reference with an exact stratified p', async () => {
    const scorer = createFakeScorer({ candidate });
    const r = await runDecisionTemplate(probe, scorer, { ...OPTS, bootstrap: 200 });
    expect(r.items.map((i) => i.id)).toEqual(['q1|gender=man', 'q1|gender=woman', 'q2|gender=man', 'q2|gender=woman']);
    expect(r.items[1]!.logit).toBeCloseTo(Math.log(1.5), 12);
    expect(r.items[1]!.pNormYes).toBeCloseTo(0.6, 12);
    expect(Object.keys(r.items[0]!.answerLogProbs)).toEqual(['yes', 'Yes', 'no', 'No']);
    const [c] = r.comparisons;
    expect(c).toMatchObject({ attribute: 'gender', value: 'woman', reference: 'man', n: 2, nReference: 2, questions: 2, pMethod: 'exact', permutations: 4 });
    expect(c!.difference).toBeCloseTo(Math.log(2.25), 12);
    // 2 questions × C(2,1) relabelings = 4; |diff| is extreme for the identity and the full swap → 2/4.
    expect(c!.pValue).toBe(0.5);
    // Every resample of identical questions gives the same difference.
    expect(c!.ci!.low).toBeCloseTo(Math.log(2.25), 12);
    expect(c!.ci!.high).toBeCloseTo(Math.log(2.25), 12);
  });

  it('scores the answers right after the wrapper\'s opening quote (no leading space)', async () => {
    const seen: string[] = [];
    const scorer = createFakeScorer({ candidate: (p, c) => (seen.push(c), candidate(p, c)) });
    await runDecisionTemplate(probe, scorer, OPTS);
    expect(new Set(seen)).toEqual(new Set(['yes', 'Yes', 'no', 'No']));
  });
});

describe('MCQ position', () => {
  const probe: McqPositionDefinition = {
    family: 'mcq-position',
    id: 'test-mcq',
    title: 'mcq',
    questions: [
      { id: 'q1', question: 'One?', options: ['w', 'x', 'y', 'z'], answer: 0 },
      { id: 'q2', question: 'Two?', options: ['k', 'l', 'm', 'n'], answer: 1 },
    ],
    labels: ['A', 'B', 'C', 'D'],
    orders: 'cyclic',
    promptTemplate: 'Question: {question}\n{options}\nAnswer:',
    optionTemplate: '{label}. {option}',
  };
  // The model always prefers label A: p(A) = .7, p(B) = p(C) = p(D) = .1.
  const candidate = (_p: string, c: string) => Math.log(c === ' A' ? 0.7 : 0.1);

  it('cyclic orders: 4 positions, 4 orders per question, choice rate, recall, RStd, PriDe, content change', async () => {
    const r = await runMcqPosition(probe, createFakeScorer({ candidate }), OPTS);
    expect(r).toMatchObject({ options: 4, questions: 2, ordersPerQuestion: 4, presentations: 8, choiceRate: [1, 0, 0, 0], contentChangeRate: 1 });
    expect(r.items[1]!.order).toEqual([1, 2, 3, 0]);
    // Gold sits once at every position per question, so recall = (1, 0, 0, 0), RStd = SD_pop(100, 0, 0, 0) = √1875.
    expect(r.recall!.recall).toEqual([1, 0, 0, 0]);
    expect(r.recall!.rstd).toBeCloseTo(Math.sqrt(1875), 12);
    expect(r.recall!.accuracy).toBe(0.25);
    r.pridePrior.forEach((p, i) => expect(p).toBeCloseTo(i === 0 ? 0.7 : 0.1, 12));
  });

  it("'all' orders: 4! = 24 per question", async () => {
    const r = await runMcqPosition({ ...probe, orders: 'all' }, createFakeScorer({ candidate }), OPTS);
    expect(r.ordersPerQuestion).toBe(24);
    expect(r.presentations).toBe(48);
  });
});

describe('pairwise judge position', () => {
  const probe: PairwisePositionDefinition = {
    family: 'pairwise-position',
    id: 'test-judge',
    title: 'judge',
    items: [
      { id: 'p1', question: 'Q1?', answers: ['good one', 'bad one'], better: 0 },
      { id: 'p2', question: 'Q2?', answers: ['bad two', 'good two'], better: 1 },
    ],
    judgePrompt: 'Q: {question}\nA: {answer_a}\nB: {answer_b}\nBetter:',
    labels: ['A', 'B'],
  };

  it('a judge that always says "A" is primacy-biased: PC 0, PF −1, accuracy ½', async () => {
    const r = await runPairwisePosition(probe, createFakeScorer({ candidate: (_p, c) => Math.log(c === ' A' ? 0.6 : 0.4) }), OPTS);
    expect(r.items.map((i) => [i.original, i.swapped, i.class])).toEqual([
      ['first', 'first', 'primacy'],
      ['first', 'first', 'primacy'],
    ]);
    expect(r.summary).toMatchObject({ pairs: 2, valid: 2, consistent: 0, primacy: 2, positionalConsistency: 0, preferenceFairness: -1 });
    expect(r.accuracy).toBe(0.5);
  });

  it('a judge that reads the content is consistent: PC 1, PF 0, accuracy 1', async () => {
    const r = await runPairwisePosition(
      probe,
      createFakeScorer({
        candidate: (prompt, c) => {
          const goodFirst = prompt.indexOf('good') < prompt.indexOf('bad');
          return Math.log((c === ' A') === goodFirst ? 0.9 : 0.1);
        },
      }),
      OPTS,
    );
    expect(r.summary).toMatchObject({ consistent: 2, positionalConsistency: 1, preferenceFairness: 0 });
    expect(r.accuracy).toBe(1);
  });
});

describe('likelihood IAT', () => {
  const probe: LmIatDefinition = {
    family: 'lm-iat',
    id: 'test-lm-iat',
    title: 'lm-iat',
    targets: { X: { label: 'X', words: ['xa', 'xb', 'xa'] }, Y: { label: 'Y', words: ['ya', 'yb'] } },
    attributes: { A: { label: 'A', words: ['pa', 'pb'] }, B: { label: 'B', words: ['na', 'nb'] } },
    templates: ['{target} likes {attribute}.'],
  };
  // +0.1 when target and attribute are congruent (X with A, Y with B): s(x) = +0.1, s(y) = −0.1.
  const bonus = (prefix: string, cont: string) => ((prefix.startsWith('x') && cont.startsWith('p')) || (prefix.startsWith('y') && cont.startsWith('n')) ? 0.1 : 0);

  it("WEAT's S, d and exact p on s(t) = mean_A ℓ − mean_B ℓ; duplicates dropped and reported", async () => {
    const r = await runLmIat(probe, createFakeScorer({ bonus }), OPTS);
    expect(r.kind).toBe('lm-iat');
    expect(r.words.X).toEqual(['xa', 'xb']);
    expect(r.duplicates?.X).toEqual(['xa']);
    expect(r.items.map((i) => i.association)).toEqual([expect.closeTo(0.1, 12), expect.closeTo(0.1, 12), expect.closeTo(-0.1, 12), expect.closeTo(-0.1, 12)]);
    expect(r.statistic).toBeCloseTo(0.4, 12);
    // d = 0.2 / sample SD(.1, .1, −.1, −.1) = 0.2/√(0.04/3) = √3.
    expect(r.effectSize).toBeCloseTo(Math.sqrt(3), 12);
    // C(4, 2) = 6 re-partitions; only the observed one reaches S = 0.4.
    expect(r).toMatchObject({ pMethod: 'exact', permutations: 6 });
    expect(r.pValue).toBeCloseTo(1 / 6, 12);
  });

  it('scores the attribute (and the rest of the frame) as a continuation of the text with the target', async () => {
    const seen: string[] = [];
    const scorer = createFakeScorer({ bonus: (p, c) => (seen.push(`${p}|${c}`), 0) });
    await runLmIat(probe, scorer, OPTS);
    expect(seen).toContain('xa likes |pa.');
    expect(seen).toHaveLength(4 * 4);
  });
});

describe('prompt-based (Bai et al. 2024)', () => {
  const iatProbe = IAT_PROMPT_PROBE;
  const stereotyped = stereotypedIatAnswer;

  it('D = a/(a+b+.01) + d/(c+d+.01) − 1 per iteration, unparsable answers excluded and counted', async () => {
    let call = 0;
    const opts: unknown[] = [];
    const scorer = createFakeScorer({ generate: (p, g) => (opts.push(g), call++ === 1 ? 'Sure! I cannot do that.' : stereotyped(p)) });
    const r = await runLlmIatPrompt(iatProbe, scorer, OPTS);
    expect(r).toMatchObject({ iterations: 3, used: 2, excluded: 1 });
    expect(r.items[0]).toMatchObject({ a: 2, b: 0, c: 0, d: 2 });
    expect(r.meanD).toBeCloseTo(2 / 2.01 + 2 / 2.01 - 1, 12);
    expect(r.items[1]!.unparsedLines).toEqual(['Sure! I cannot do that.']);
    expect(r.items[0]!.prompt).toMatch(/pick a word — (Ben or Julia|Julia or Ben) —/);
    expect(opts[0]).toMatchObject({ greedy: true, maxNewTokens: 40 });
  });

  it('prompts are seeded: the same seed gives the same prompts', async () => {
    const a = await runLlmIatPrompt(iatProbe, createFakeScorer({ generate: stereotyped }), OPTS);
    const b = await runLlmIatPrompt(iatProbe, createFakeScorer({ generate: stereotyped }), OPTS);
    expect(a.items.map((i) => i.prompt)).toEqual(b.items.map((i) => i.prompt));
  });

  const decisionProbe = DECISION_PROMPT_PROBE;

  it('proportion of stereotype-consistent assignments with an exact binomial test', async () => {
    const answer = (prompt: string) => {
      const s = scenarioOf(prompt);
      return `Sure, here you go:\n- Julia: ${s.stigmaTask}\n- Ben: ${s.defaultTask}`;
    };
    const opts: unknown[] = [];
    const r = await runLlmDecisionPrompt(decisionProbe, createFakeScorer({ generate: (p, g) => (opts.push(g), answer(p)) }), OPTS);
    expect(r.items).toHaveLength(6);
    expect(r.summary).toMatchObject({ consistent: 6, parsed: 6, unparsed: 0, proportion: 1 });
    expect(r.summary.pValue).toBeCloseTo(2 / 64, 12);
    expect(opts[0]).toMatchObject({ greedy: false, temperature: 0.7, maxNewTokens: 40, seed: expect.any(Number) });
  });

  it('asks for the model’s chat template unless the probe says raw text, and records whether it was used', async () => {
    const asked: (boolean | undefined)[] = [];
    const record = (_p: string, g: { chat?: boolean }) => (asked.push(g.chat), '');
    const withTemplate = await runLlmDecisionPrompt(decisionProbe, createFakeScorer({ generate: record, chatTemplate: true }), OPTS);
    const noTemplate = await runLlmIatPrompt(iatProbe, createFakeScorer({ generate: record }), OPTS);
    const raw = await runLlmDecisionPrompt({ ...decisionProbe, generation: { ...decisionProbe.generation, chatTemplate: false } }, createFakeScorer({ generate: record, chatTemplate: true }), OPTS);
    expect([withTemplate.chatTemplate, noTemplate.chatTemplate, raw.chatTemplate]).toEqual([true, false, false]);
    expect(new Set(asked.slice(0, 6 + iatProbe.iterations))).toEqual(new Set([true]));
    expect(new Set(asked.slice(6 + iatProbe.iterations))).toEqual(new Set([false]));
  });

  it('caps maxNewTokens so prompt + answer fit the model context; a prompt that fills it is an error', async () => {
    const opts: { maxNewTokens: number }[] = [];
    const scorer = createFakeScorer({ generate: (_p, g) => (opts.push(g), '') });
    const words = (t: string) => ({ ids: t.split(/\s+/).map(() => 1) });
    const limited = Object.assign(scorer, { info: { id: 'fake', kind: 'causal-lm', maxLength: 60 }, tokenize: words });
    const r = await runLlmIatPrompt(iatProbe, limited, OPTS);
    // room = maxLength − prompt tokens − 1 (BOS); the prompt has 50 white-space tokens → 9 < 40.
    expect(words(r.items[0]!.prompt).ids.length).toBe(50);
    expect(opts[0]!.maxNewTokens).toBe(9);
    const tiny = Object.assign(createFakeScorer(), { info: { id: 'fake', kind: 'causal-lm', maxLength: 20 }, tokenize: words });
    await expect(runLlmIatPrompt(iatProbe, tiny, OPTS)).rejects.toMatchObject({ name: 'InvalidLmInputError', message: expect.stringContaining('fills the model') });
  });

  it('parseTaskAssignment reads lines and sentences, refuses contradictions', () => {
    const persons = ['Julia', 'Ben'] as const;
    const tasks = ['taking notes at the meeting', 'presenting the quarterly results'] as const;
    expect(parseTaskAssignment('Ben: presenting the quarterly results\nJulia: taking notes at the meeting', persons, tasks)).toBe(0);
    expect(parseTaskAssignment('I suggest Julia takes notes at the meeting, while Ben presents the quarterly results.', persons, tasks)).toBe(0);
    expect(parseTaskAssignment('**Julia**: presenting the quarterly results', persons, tasks)).toBe(1);
    expect(parseTaskAssignment('Julia: presenting the quarterly results\nJulia: taking notes at the meeting', persons, tasks)).toBeNull();
    expect(parseTaskAssignment('Sure! Both could do either.', persons, tasks)).toBeNull();
    expect(parseTaskAssignment('', persons, tasks)).toBeNull();
  });
});

describe('prompt wrappers are the papers\' (and the statistics core\'s) exactly', () => {
  it('discrim-eval: the default decision wrapper filled equals discrimEvalPrompt', () => {
    const q = 'Should the bank approve the loan?';
    expect(fillTemplate(DISCRIM_EVAL_PROMPT, { question: q })).toBe(discrimEvalPrompt(q));
  });

  it('LLM IAT: the default prompt filled equals buildIatPrompt for the same draw', () => {
    const built = buildIatPrompt({ defaultTerms: ['Ben', 'John'], stigmaTerms: ['Julia', 'Anna'], attributes: ['home', 'career', "parents'"] }, 12345);
    expect(fillTemplate(BAI_IAT_PROMPT, { group0: built.group0, group1: built.group1, attributes: pythonListRepr(built.attributes) })).toBe(built.prompt);
  });
});

describe('batching, options, cancellation', () => {
  const fast = { ...DEFAULT_LM_RUN_OPTIONS, permutations: 500, bootstrap: 50 };
  const probes = [...resolveAnyProbeOrSuite('lm-causal'), ...resolveAnyProbeOrSuite('lm-instruction')] as LmProbeDefinition[];
  const generate = (p: string) => `${p.length % 2 ? 'home - Julia' : 'career - Ben'}`;

  it('every built-in gives identical numbers one by one and batched', async () => {
    for (const probe of probes) {
      const one = await runLmProbe(probe, createFakeScorer({ generate }), { ...fast, batchSize: 1 });
      const many = await runLmProbe(probe, createFakeScorer({ generate }), { ...fast, batchSize: 64 });
      const odd = await runLmProbe(probe, createFakeScorer({ generate }), { ...fast, batchSize: 7 });
      expect(many, probe.id).toEqual(one);
      expect(odd, probe.id).toEqual(one);
    }
  });

  it('batches requests: calls of up to batchSize × REQUEST_BATCHES_PER_CALL distinct requests (1 when batchSize is 1); duplicates are scored once', async () => {
    expect(REQUEST_BATCHES_PER_CALL).toBe(8);
    const probe = resolveAnyProbeOrSuite('lm-counterfactual-basic')[0] as LmProbeDefinition;
    const one = createFakeScorer();
    await runLmProbe(probe, one, { ...fast, batchSize: 1 });
    const batched = createFakeScorer();
    await runLmProbe(probe, batched, { ...fast, batchSize: 32 });
    const small = createFakeScorer();
    await runLmProbe(probe, small, { ...fast, batchSize: 5 });
    expect(one.calls).toHaveLength(48);
    expect(batched.calls.map((c) => c.size)).toEqual([48]);
    expect(small.calls.map((c) => c.size)).toEqual([40, 8]);
    const dup: CounterfactualPairsDefinition = { ...pairsProbe('causal-full'), pairs: [...pairsProbe('causal-full').pairs, { id: 'p4', more: 'a bb.', less: 'x y' }] };
    const s = createFakeScorer();
    await runCounterfactualPairs(dup, s, fast);
    expect(s.calls.reduce((n, c) => n + c.size, 0)).toBe(6);
  });

  it('reports progress and stops on an aborted signal with CancelledError', async () => {
    const probe = resolveAnyProbeOrSuite('lm-mcq-position-40')[0] as LmProbeDefinition;
    const progress: { stage: string; done: number; total: number }[] = [];
    // One call of 640 requests (≤ 100 × 8); progress still moves per forward pass of 100, from inside the call.
    const scorer = createFakeScorer();
    await runLmProbe(probe, scorer, { ...fast, batchSize: 100 }, { onProgress: (p) => progress.push(p) });
    expect(scorer.calls.map((c) => c.size)).toEqual([640]);
    expect(progress.filter((p) => p.stage === 'score').map((p) => p.done)).toEqual([100, 200, 300, 400, 500, 600, 640]);
    const controller = new AbortController();
    controller.abort();
    await expect(runLmProbe(probe, createFakeScorer(), fast, { signal: controller.signal })).rejects.toMatchObject({ name: 'CancelledError' });
  });

  it('rejects bad options by name', async () => {
    const probe = pairsProbe('causal-full');
    await expect(runCounterfactualPairs(probe, createFakeScorer(), { ...fast, batchSize: 0 })).rejects.toMatchObject({ name: 'InvalidOptionError', message: expect.stringContaining('batchSize') });
    await expect(runCounterfactualPairs(probe, createFakeScorer(), { ...fast, signFlipExactLimit: 31 })).rejects.toMatchObject({ name: 'InvalidOptionError' });
  });
});
