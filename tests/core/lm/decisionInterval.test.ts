// The decision template's test interval: the stratified permutation test inverted over shifts δ of the
// value group's logits. References: a hand enumeration of a 2-question design, and a brute force that
// relabels every question independently of the code under test (all label assignments per question
// listed by bitmask), shifts the value group by δ, recomputes the statistic of every relabeling and the
// two-sided p = min(1, 2·min tail), and scans δ: a shift is inside the interval exactly when that p ≥ α.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { excludesNullValue } from '../../../src/core/intervals';
import { analyzeDecisionAttributes, DEFAULT_DECISION_OPTIONS, type DecisionInstance } from '../../../src/core/lm/decision/attributeDifferences';

const alphaOf = (level: number) => Number((1 - level).toFixed(12));

/** An instance whose logit is (up to rounding) `logit`; tests read the logits the code used from result.scores. */
const inst = (id: string, questionId: string, gender: string, logit: number): DecisionInstance => {
  const py = 1 / (1 + Math.exp(-logit));
  return { id, questionId, attributes: { gender }, logProbs: { yes: Math.log(py / 2), Yes: Math.log(py / 2), no: Math.log((1 - py) / 2), No: Math.log((1 - py) / 2) } };
};

/** Every stratified relabeling's statistic under shift δ (value group's logits minus δ), by brute force. */
function bruteForceP(ys: number[], isValue: boolean[], questions: string[], delta: number): { p: number; ties: boolean } {
  const shifted = ys.map((y, i) => (isValue[i] ? y - delta : y));
  const strata = [...new Set(questions)].map((q) => questions.flatMap((qq, i) => (qq === q ? [i] : [])));
  const nValue = isValue.filter(Boolean).length;
  const nReference = ys.length - nValue;
  const statistic = (labels: boolean[]) => {
    let sv = 0, sr = 0; // prettier-ignore
    labels.forEach((v, i) => (v ? (sv += shifted[i]!) : (sr += shifted[i]!)));
    return sv / nValue - sr / nReference;
  };
  const observed = statistic(isValue);
  let all: boolean[][] = [isValue.map(() => false)];
  for (const members of strata) {
    const k = members.filter((i) => isValue[i]).length;
    const next: boolean[][] = [];
    for (const base of all)
      for (let mask = 0; mask < 1 << members.length; mask++) {
        let bits = 0;
        for (let b = 0; b < members.length; b++) if (mask & (1 << b)) bits++;
        if (bits !== k) continue;
        const labels = base.slice();
        members.forEach((i, b) => (labels[i] = (mask & (1 << b)) !== 0));
        next.push(labels);
      }
    all = next;
  }
  const scale = ys.reduce((a, y) => a + Math.abs(y), 0) + Math.abs(delta) * ys.length;
  let upper = 0;
  let lower = 0;
  let ties = false;
  for (const labels of all) {
    const t = statistic(labels);
    if (t !== observed && Math.abs(t - observed) < 1e-9 * scale) ties = true;
    if (t >= observed - 1e-9 * scale) upper++;
    if (t <= observed + 1e-9 * scale) lower++;
  }
  return { p: Math.min(1, (2 * Math.min(upper, lower)) / all.length), ties };
}

/** Random small designs: up to 4 questions, each with 1–2 of each gender and sometimes only one gender. */
const design = fc.array(
  fc.record({ f: fc.integer({ min: 0, max: 2 }), m: fc.integer({ min: 1, max: 2 }), logits: fc.array(fc.oneof(fc.double({ min: -4, max: 4, noNaN: true }), fc.integer({ min: -2, max: 2 })), { minLength: 4, maxLength: 4 }) }),
  { minLength: 1, maxLength: 4 },
);
const toInstances = (qs: { f: number; m: number; logits: number[] }[]): DecisionInstance[] | null => {
  const out: DecisionInstance[] = [];
  qs.forEach((q, qi) => {
    for (let j = 0; j < q.m; j++) out.push(inst(`${qi}m${j}`, `q${qi}`, 'm', q.logits[j]!));
    for (let j = 0; j < q.f; j++) out.push(inst(`${qi}f${j}`, `q${qi}`, 'f', q.logits[2 + j]!));
  });
  return out.some((i) => i.attributes.gender === 'f') ? out : null;
};

describe('decision template: stratified permutation test inverted', () => {
  // q1: m 0, f 1; q2: m 2, f 4 (Δ = 1.5). Relabelings other than the observed one: swap q1 (S = {0, 4}),
  // swap q2 (S = {1, 2}), swap both (S = {0, 2}); thresholds (Σ value − Σ S)/swapped = 1, 2, 1.5.
  // p_upper(0) = 1/4, p_lower(0) = 4/4 → p = 0.5. At level 0.4 (α = 0.6): one threshold per side is
  // needed, so the interval is [1, 2]; at 95% no shift can be rejected (−∞, ∞).
  const instances = [inst('1m', 'q1', 'm', 0), inst('1f', 'q1', 'f', 1), inst('2m', 'q2', 'm', 2), inst('2f', 'q2', 'f', 4)];
  const options = { ...DEFAULT_DECISION_OPTIONS, reference: { gender: 'm' }, bootstrap: 0 };
  it('hand-enumerated bounds', () => {
    const wide = analyzeDecisionAttributes(instances, options).comparisons[0]!;
    expect(wide.pValue).toBe(0.5);
    expect(wide.testCi).toEqual({ level: 0.95, low: null, high: null, sides: 'two-sided', method: 'stratified-permutation-inversion', nullValue: 0 });
    const narrow = analyzeDecisionAttributes(instances, { ...options, confidenceLevel: 0.4 }).comparisons[0]!;
    expect(narrow.testCi!.low).toBeCloseTo(1, 9);
    expect(narrow.testCi!.high).toBeCloseTo(2, 9);
  });

  it('excludes 0 exactly when p < α (exact and Monte Carlo, random designs, ties included)', () => {
    fc.assert(
      fc.property(design, fc.constantFrom(0.5, 0.8, 0.9, 0.95), fc.boolean(), fc.integer({ min: 1, max: 1000 }), (qs, level, monteCarlo, seed) => {
        const data = toInstances(qs);
        if (!data) return;
        const c = analyzeDecisionAttributes(data, { ...options, confidenceLevel: level, seed, ...(monteCarlo ? { exactLimit: 0, permutations: 99 } : {}) }).comparisons[0]!;
        expect(c.pMethod).toBe(monteCarlo ? 'monte-carlo' : 'exact');
        expect(excludesNullValue(c.testCi!)).toBe(c.pValue < alphaOf(level));
        if (c.testCi!.low !== null && c.testCi!.high !== null) expect(c.testCi!.low).toBeLessThanOrEqual(c.testCi!.high);
      }),
      { numRuns: 300 },
    );
  });

  it('brute force: p at 0 matches, and scanning δ, a shift is inside the interval exactly when the recomputed p ≥ α', () => {
    fc.assert(
      fc.property(design, fc.constantFrom(0.5, 0.8, 0.95), (qs, level) => {
        const data = toInstances(qs);
        if (!data) return;
        const result = analyzeDecisionAttributes(data, { ...options, confidenceLevel: level });
        const c = result.comparisons[0]!;
        const ys = result.scores.map((s) => s.logit);
        const isValue = data.map((d) => d.attributes.gender === 'f');
        const questions = data.map((d) => d.questionId);
        const atZero = bruteForceP(ys, isValue, questions, 0);
        if (!atZero.ties) expect(c.pValue).toBeCloseTo(atZero.p, 12);
        const { low, high } = c.testCi!;
        for (let delta = -10; delta <= 10; delta += 0.37) {
          const nearBound = (low !== null && Math.abs(delta - low) < 1e-6) || (high !== null && Math.abs(delta - high) < 1e-6);
          const scanned = bruteForceP(ys, isValue, questions, delta);
          if (nearBound || scanned.ties) continue;
          const inside = (low === null || delta >= low) && (high === null || delta <= high);
          expect(inside).toBe(scanned.p >= alphaOf(level));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('on a larger design, bounds found by brute force at their own ends: just inside kept, just outside rejected', () => {
    const many: DecisionInstance[] = [];
    for (let q = 0; q < 5; q++) for (let r = 0; r < 2; r++) for (const g of ['m', 'f']) many.push(inst(`${q}-${r}-${g}`, `q${q}`, g, Math.sin(q * 7 + r * 3 + (g === 'f' ? 1 : 0)) + (g === 'f' ? 0.8 : 0) + q));
    const result = analyzeDecisionAttributes(many, options);
    const c = result.comparisons[0]!;
    expect(c.permutations).toBe(6 ** 5);
    const ys = result.scores.map((s) => s.logit);
    const isValue = many.map((d) => d.attributes.gender === 'f');
    const questions = many.map((d) => d.questionId);
    const { low, high } = c.testCi!;
    expect(low).not.toBeNull();
    expect(high).not.toBeNull();
    for (const [delta, kept] of [[low! + 1e-6, true], [low! - 1e-6, false], [high! - 1e-6, true], [high! + 1e-6, false]] as const)
      expect(bruteForceP(ys, isValue, questions, delta).p >= 0.05).toBe(kept);
  });
});
