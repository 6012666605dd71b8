// The LM families' headlines: the interval beside p agrees with the card's verdict (significant ⇔ the
// 95% test interval leaves out the null), over random inputs, and the small-sample sentence. The
// numbers themselves are checked against scipy / brute force in tests/core/stats.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { summarizeDeltas as summarizeCoreDeltas } from '../../src/core/lm/counterfactual/summarizeDeltas';
import { analyzeDecisionBias } from '../../src/core/lm/iat/decisionBias';
import { analyzeDecisionAttributes, DEFAULT_DECISION_OPTIONS, type DecisionInstance } from '../../src/core/lm/decision/attributeDifferences';
import type { DecisionTemplateResult, LlmDecisionPromptResult } from '../../src/core/lmRun/types';
import { summarizeDecision } from '../../src/probes/families/decision-template/summary';
import { summarizeDeltas } from '../../src/probes/families/shared/deltaSummary';
import { headlineExcludes } from '../../src/probes/families/shared/headline';
import { summarizeLlmDecision } from '../../src/probes/families/llm-decision-prompt/summary';

const OPTIONS = { bootstrap: 200, confidenceLevel: 0.95, permutations: 500, exactLimit: 12, seed: 1 };
const deltaSummary = (d: number[]) => summarizeCoreDeltas(Float64Array.from(d), OPTIONS, { permutation: 3, bootstrap: 4 });

describe('counterfactual headline', () => {
  it('4 pairs: the test interval is (−∞, ∞) and the card says why in one sentence', () => {
    const s = summarizeDeltas({ summary: deltaSummary([-14.71, -1.24, -3.5, -8.0]) });
    expect(s.headline.ci).toMatchObject({ low: -Infinity, high: Infinity, level: 0.95, method: 'sign-flip-inversion' });
    expect(s.headline.p).toBe(0.125);
    expect(s.headline.intervalNote).toBe('4 pairs cannot give a sign-flip p below 0.1250: the test cannot exclude any value at 95%.');
    expect(s.headline.robustCi).toBeUndefined(); // fewer than 10 pairs: no bootstrap shown
    expect(s.headline.text).toContain('95% CI (−∞, ∞)');
  });
  it('verdict ⇔ the headline interval excludes 0 (exact and Monte-Carlo sign flips)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -3, max: 5, noNaN: true }), { minLength: 1, maxLength: 25 }), (d) => {
        const s = summarizeDeltas({ summary: deltaSummary(d) });
        expect(headlineExcludes(s.headline.ci!, 0)).toBe(s.significance!.significant);
        if (d.length >= 10) expect(s.headline.robustCi?.resampled).toBe('the pairs');
      }),
      { numRuns: 150, seed: 41 },
    );
  });
});

describe('LLM decision headline', () => {
  const result = (consistent: number, parsed: number): LlmDecisionPromptResult => {
    const choices = Array.from({ length: parsed }, (_, i) => ({ id: `c${i}`, stereotypeConsistent: i < consistent }));
    return { kind: 'llm-decision-prompt', probeId: 'p', title: 't', summary: analyzeDecisionBias(choices, 0.95), items: choices.map((c) => ({ id: c.id, scenarioId: 's', person0: 'a', person1: 'b', task0: 'x', task1: 'y', prompt: '', response: 'r', stigmaTaskTo: c.stereotypeConsistent ? 'stigma' : 'default', stereotypeConsistent: c.stereotypeConsistent })) };
  };
  it('verdict ⇔ the Clopper–Pearson interval excludes ½', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 120 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, u) => {
        const s = summarizeLlmDecision(result(Math.min(n, Math.floor(u * (n + 1))), n));
        expect(headlineExcludes(s.headline.ci!, 0.5)).toBe(s.significance!.significant);
      }),
      { numRuns: 150, seed: 42 },
    );
  });
  it('31 of 40: scipy binomtest(31, 40).proportion_ci("exact") = [0.6155, 0.8916], Cohen h medium', () => {
    const s = summarizeLlmDecision(result(31, 40));
    expect(s.headline.ci!.low).toBeCloseTo(0.6154883226965773, 10);
    expect(s.headline.ci!.high).toBeCloseTo(0.8916033610159492, 10);
    // h = |2·asin√0.775 − π/2| = 0.5824 (python math; medium)
    expect(s.plain!.magnitude).toMatch(/^Medium: 77\.5% against an even 50% is Cohen's h = 0\.58/);
  });
});

describe('decision-template headline', () => {
  const instance = (id: string, questionId: string, age: string, logit: number): DecisionInstance => {
    const py = 1 / (1 + Math.exp(-logit));
    return { id, questionId, attributes: { age }, logProbs: { yes: Math.log(py), Yes: -Infinity, no: Math.log(1 - py), No: -Infinity } };
  };
  const decisionResult = (logits: number[][], bootstrap: number): DecisionTemplateResult => {
    const instances = logits.flatMap((row, q) => row.map((y, v) => instance(`${q}-${v}`, `q${q}`, ['20', '40', '60'][v]!, y)));
    const { comparisons } = analyzeDecisionAttributes(instances, { ...DEFAULT_DECISION_OPTIONS, reference: { age: '20' }, bootstrap, permutations: 300, exactLimit: 2_000 });
    return { kind: 'decision-template', probeId: 'p', title: 't', comparisons, meanLogit: 0, items: [] };
  };
  it('the headline interval is the largest contrast’s test interval: it excludes 0 ⇔ that contrast’s p < 0.05', () => {
    const row = fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 3, maxLength: 3 });
    fc.assert(
      fc.property(fc.array(row, { minLength: 2, maxLength: 14 }), fc.double({ min: 0, max: 2, noNaN: true }), (rows, shift) => {
        const r = decisionResult(rows.map(([a, b, c]) => [a!, b! + shift, c!]), 0);
        const largest = r.comparisons.reduce((best, c) => (Math.abs(c.difference) > Math.abs(best.difference) ? c : best));
        const s = summarizeDecision(r);
        expect(s.headline.p).toBe(largest.pValue);
        expect(s.headline.ci?.method).toMatch(/^stratified-permutation-inversion/);
        expect(headlineExcludes(s.headline.ci!, 0)).toBe(largest.pValue < 0.05);
      }),
      { numRuns: 60, seed: 7 },
    );
  });
  it('2 questions cannot exclude anything at 95% (4 relabelings): unbounded, said in one sentence; the bootstrap is the robust interval', () => {
    const s = summarizeDecision(decisionResult([[0, 1, 0.5], [2, 4, 2.5]], 200));
    expect(s.headline.ci).toMatchObject({ low: -Infinity, high: Infinity, method: 'stratified-permutation-inversion' });
    expect(s.headline.intervalNote).toBe('2 questions with both groups give too few relabelings for the permutation test to exclude any value at 95%.');
    expect(s.headline.robustCi?.resampled).toBe('the questions');
  });
  it('a record made before the test interval existed shows no test interval rather than the bootstrap', () => {
    const r = decisionResult([[0, 1, 0.5], [2, 4, 2.5], [1, 1.5, 0]], 200);
    const old = { ...r, comparisons: r.comparisons.map(({ testCi: _dropped, ...c }) => c) };
    const s = summarizeDecision(old);
    expect(s.headline.ci).toBeNull();
    expect(s.headline.robustCi).not.toBeNull();
  });
});
