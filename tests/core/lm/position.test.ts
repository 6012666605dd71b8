// Position bias: option orders, hand-computed MCQ metrics (choice rate, recall/RStd, content
// changes, PriDe), pairwise-judge classification and PC/PF, and named errors.
import { describe, expect, it } from 'vitest';
import { InvalidLmInputError, InvalidLmScoreError } from '../../../src/core/errors';
import { analyzeMcqPositionBias } from '../../../src/core/lm/position/analyzeMcqPositionBias';
import { analyzeJudgeConsistency, classifyJudgment } from '../../../src/core/lm/position/judgeConsistency';
import type { McqQuestion } from '../../../src/core/lm/position/mcqTypes';
import { allOrders, cyclicOrders } from '../../../src/core/lm/position/optionOrders';
import { prideDebias, pridePrior } from '../../../src/core/lm/position/pridePrior';
import { recallStd } from '../../../src/core/lm/position/recallStd';

describe('option orders', () => {
  it('cyclic shifts put every option at every position once', () => {
    const orders = cyclicOrders(['a', 'b', 'c']);
    expect(orders).toEqual([
      ['a', 'b', 'c'],
      ['b', 'c', 'a'],
      ['c', 'a', 'b'],
    ]);
    expect(allOrders(['a', 'b', 'c'])).toHaveLength(6);
    expect(allOrders(['a', 'b', 'c'])[0]).toEqual(['a', 'b', 'c']);
  });
  it('named errors', () => {
    expect(() => cyclicOrders(['a'])).toThrow(InvalidLmInputError);
    expect(() => cyclicOrders(['a', 'a'])).toThrow(InvalidLmInputError);
    expect(() => allOrders(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'])).toThrow(/too many/);
  });
});

/** A model that always prefers label A (position 0) unless the correct answer is elsewhere with a big margin. */
const question = (id: string, correct: string, probsByOrder: number[][]): McqQuestion => ({
  id,
  correct,
  presentations: cyclicOrders(['w', 'x']).map((order, r) => ({ order, labelProbs: probsByOrder[r]! })),
});

describe('MCQ metrics, hand-computed (k = 2)', () => {
  // q1 (correct w): orders [w,x] → probs [0.8, 0.2] choose pos 0 (w ✓); [x,w] → [0.6, 0.4] choose pos 0 (x ✗).
  // q2 (correct x): orders [w,x] → [0.3, 0.7] pos 1 (x ✓); [x,w] → [0.9, 0.1] pos 0 (x ✓).
  const qs = [question('q1', 'w', [[0.8, 0.2], [0.6, 0.4]]), question('q2', 'x', [[0.3, 0.7], [0.9, 0.1]])];
  const r = analyzeMcqPositionBias(qs);
  it('choice rate by position', () => expect(r.choiceRate).toEqual([0.75, 0.25]));
  it('recall per ID and RStd (population SD of recall·100)', () => {
    // gold positions: q1 [0, 1], q2 [1, 0]; predictions [0, 0, 1, 0] → ID0: gold at obs 0 and 3, both hit → 1; ID1: obs 1 (miss), 2 (hit) → ½.
    expect(r.recall!.recall).toEqual([1, 0.5]);
    expect(r.recall!.rstd).toBeCloseTo(25, 12); // values 100 and 50: population SD 25
    expect(r.recall!.accuracy).toBe(0.75);
  });
  it('content change: q1 chose w then x; q2 chose x both times', () => {
    expect(r.changedQuestions).toEqual(['q1']);
    expect(r.contentChangeRate).toBe(0.5);
  });
  it('PriDe prior: softmax of the mean log renormalised label probs, averaged over questions', () => {
    const softmax2 = (a: number, b: number) => [Math.exp(a) / (Math.exp(a) + Math.exp(b)), Math.exp(b) / (Math.exp(a) + Math.exp(b))];
    const q1 = softmax2((Math.log(0.8) + Math.log(0.6)) / 2, (Math.log(0.2) + Math.log(0.4)) / 2);
    const q2 = softmax2((Math.log(0.3) + Math.log(0.9)) / 2, (Math.log(0.7) + Math.log(0.1)) / 2);
    expect(r.pridePrior[0]).toBeCloseTo((q1[0]! + q2[0]!) / 2, 14);
    expect(r.pridePrior[1]).toBeCloseTo((q1[1]! + q2[1]!) / 2, 14);
    expect(r.pridePrior[0]! + r.pridePrior[1]!).toBeCloseTo(1, 14);
  });
  it('a pure ID prior is recovered exactly and debiasing removes it', () => {
    const prior = [0.7, 0.2, 0.1];
    const content: Record<string, number> = { a: 0.5, b: 0.3, c: 0.2 };
    const q: McqQuestion = { id: 'q', correct: 'a', presentations: cyclicOrders(['a', 'b', 'c']).map((order) => ({ order, labelLogProbs: order.map((c, p) => Math.log(prior[p]! * content[c]!) - 1) })) };
    const est = pridePrior([q]).prior;
    prior.forEach((p, i) => expect(est[i]).toBeCloseTo(p, 14));
    const debiased = prideDebias(q.presentations[1]!.labelLogProbs!, est);
    // order [b, c, a]: debiased scores ∝ log content → argmax at position 2 (content a)
    expect(debiased.indexOf(Math.max(...debiased))).toBe(2);
  });
  it('probabilities and log-probabilities give the same result', () => {
    const asLogs = qs.map((q) => ({ ...q, presentations: q.presentations.map((p) => ({ order: p.order, labelLogProbs: p.labelProbs!.map(Math.log) })) }));
    const r2 = analyzeMcqPositionBias(asLogs);
    expect(r2.choiceRate).toEqual(r.choiceRate);
    r2.pridePrior.forEach((v, i) => expect(v).toBeCloseTo(r.pridePrior[i]!, 14));
  });
  it('without gold answers, recall is null but the rest is computed', () => {
    const noGold = qs.map(({ correct: _c, ...rest }) => rest);
    const r3 = analyzeMcqPositionBias(noGold);
    expect(r3.recall).toBeNull();
    expect(r3.choiceRate).toEqual([0.75, 0.25]);
  });
});

describe('MCQ named errors', () => {
  const ok = question('q1', 'w', [[0.8, 0.2], [0.6, 0.4]]);
  it('structure', () => {
    expect(() => analyzeMcqPositionBias([])).toThrow(InvalidLmInputError);
    expect(() => analyzeMcqPositionBias([ok, ok])).toThrow(/duplicate question id/);
    expect(() => analyzeMcqPositionBias([{ ...ok, correct: 'zz' }])).toThrow(/not among its options/);
    expect(() => analyzeMcqPositionBias([{ ...ok, presentations: [] }])).toThrow(/no presentations/);
    expect(() => analyzeMcqPositionBias([{ ...ok, presentations: [{ order: ['w', 'y'], labelProbs: [0.5, 0.5] }, ...ok.presentations] }])).toThrow(/not a permutation/);
    expect(() => analyzeMcqPositionBias([{ ...ok, presentations: [{ order: ['w', 'x'], labelProbs: [0.5] }] }])).toThrow(/1 label scores for 2 options/);
    expect(() => analyzeMcqPositionBias([{ ...ok, presentations: [{ order: ['w', 'x'] }] }])).toThrow(/exactly one of/);
  });
  it('scores', () => {
    expect(() => analyzeMcqPositionBias([{ ...ok, presentations: [{ order: ['w', 'x'], labelProbs: [0, 0] }] }])).toThrow(InvalidLmScoreError);
    expect(() => analyzeMcqPositionBias([{ ...ok, presentations: [{ order: ['w', 'x'], labelLogProbs: [0.2, -1] }] }])).toThrow(InvalidLmScoreError);
    expect(() => analyzeMcqPositionBias([{ ...ok, presentations: [{ order: ['w', 'x'], labelProbs: [Number.NaN, 0.1] }] }])).toThrow(InvalidLmScoreError);
  });
  it('recall undefined for an ID that never holds the answer', () => {
    expect(() => recallStd([0, 0], [0, 0], 2)).toThrow(/never holds the correct answer/);
  });
});

describe('pairwise judge', () => {
  it('classification table (A = first, B = second, C = tie, N = invalid)', () => {
    expect(classifyJudgment('first', 'second')).toBe('consistent'); // AB: same content wins
    expect(classifyJudgment('second', 'first')).toBe('consistent');
    expect(classifyJudgment('tie', 'tie')).toBe('consistent');
    expect(classifyJudgment('first', 'first')).toBe('primacy');
    expect(classifyJudgment('first', 'tie')).toBe('primacy');
    expect(classifyJudgment('tie', 'first')).toBe('primacy');
    expect(classifyJudgment('second', 'second')).toBe('recency');
    expect(classifyJudgment('tie', 'second')).toBe('recency');
    expect(classifyJudgment('invalid', 'first')).toBe('invalid');
    expect(() => classifyJudgment('left' as never, 'first')).toThrow(InvalidLmInputError);
  });
  it('hand-computed PC and PF, both rescalings', () => {
    // 1 consistent, 1 primacy, 2 recency, 1 invalid: PC = 1/4; raw = 2·(2/3) − 1·(1/3) = 1 = rec − pri.
    const judgments = [
      { id: '1', original: 'first', swapped: 'second' },
      { id: '2', original: 'first', swapped: 'first' },
      { id: '3', original: 'second', swapped: 'second' },
      { id: '4', original: 'tie', swapped: 'second' },
      { id: '5', original: 'invalid', swapped: 'first' },
    ] as const;
    const all = analyzeJudgeConsistency([...judgments]).overall;
    expect(all).toMatchObject({ pairs: 5, valid: 4, consistent: 1, primacy: 1, recency: 2, invalid: 1, positionalConsistency: 0.25 });
    expect(all.rawPreferenceFairness).toBeCloseTo(1, 14);
    expect(all.preferenceFairness).toBeCloseTo(1 / 5, 14);
    expect(analyzeJudgeConsistency([...judgments], 'valid-pairs').overall.preferenceFairness).toBeCloseTo(1 / 4, 14);
  });
  it('extremes: all recency → PF = 1, all primacy → −1, all consistent → 0', () => {
    const make = (o: 'first' | 'second', s: 'first' | 'second') => Array.from({ length: 6 }, (_, i) => ({ id: `${i}`, original: o, swapped: s }));
    expect(analyzeJudgeConsistency(make('second', 'second')).overall.preferenceFairness).toBeCloseTo(1, 14);
    expect(analyzeJudgeConsistency(make('first', 'first')).overall.preferenceFairness).toBeCloseTo(-1, 14);
    const consistent = analyzeJudgeConsistency(make('first', 'second')).overall;
    expect(consistent.preferenceFairness).toBe(0);
    expect(consistent.positionalConsistency).toBe(1);
    expect(consistent.sideTest).toBeNull();
  });
  it('named errors', () => {
    expect(() => analyzeJudgeConsistency([])).toThrow(InvalidLmInputError);
    expect(() => analyzeJudgeConsistency([{ id: 'a', original: 'first', swapped: 'first' }, { id: 'a', original: 'first', swapped: 'first' }])).toThrow(/duplicate/);
    expect(() => analyzeJudgeConsistency([{ id: 'a', original: 'first', swapped: 'first' }], 'some' as never)).toThrow(InvalidLmInputError);
  });
});
