// Counterfactual pairs: a hand-computed tiny case, properties (swap symmetry, p range, seeds),
// Monte Carlo vs exact sign-flip on small n, tie conventions, and named errors for bad input.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeCounterfactualPairs } from '../../../src/core/lm/counterfactual/analyzeCounterfactualPairs';
import { DEFAULT_COUNTERFACTUAL_OPTIONS, type CounterfactualPair } from '../../../src/core/lm/counterfactual/types';
import { InvalidLmInputError, InvalidLmScoreError } from '../../../src/core/errors';
import { InvalidOptionError } from '../../../src/core/errors';
import { signFlipTest } from '../../../src/core/stats/signFlipTest';
import { roundHalfEven } from '../../../src/core/lm/counterfactual/roundHalfEven';

const pair = (id: string, more: number, less: number, category?: string, tokensMore = 4, tokensLess = 4): CounterfactualPair => ({
  id,
  category,
  more: { logProb: more, tokens: tokensMore },
  less: { logProb: less, tokens: tokensLess },
});
const OPTIONS = { ...DEFAULT_COUNTERFACTUAL_OPTIONS, bootstrap: 200, permutations: 2_000 };

describe('hand-computed tiny case', () => {
  // Δ = [2, −1, 3] (sum scale). pct = 2/3, likelihood_diff = (2+1+3)/3 = 2, mean Δ = 4/3.
  // Sign flips: T ∈ {±2 ± 1 ± 3}: 6, 0, 4, −2, 2, −4, 0, −6 → T ≥ 4 for 6, 4 (2 of 8), T ≤ 4 for 7 of 8
  // → p = 2·min(2/8, 7/8) = 4/8.
  // Sign test: 2 of 3 positive → P = 1 (every outcome is at most as likely as 2/3).
  const pairs = [pair('a', -10, -12, 'g'), pair('b', -20, -19, 'g'), pair('c', -5, -8, 'r')];
  const result = analyzeCounterfactualPairs(pairs, OPTIONS);
  it('metrics', () => {
    expect(result.items.map((i) => i.delta)).toEqual([2, -1, 3]);
    expect(result.overall.pctStereotype).toBeCloseTo(2 / 3, 15);
    expect(result.overall.likelihoodDiff).toBe(2);
    expect(result.overall.meanDelta).toBeCloseTo(4 / 3, 15);
    expect(result.overall.signFlip).toMatchObject({ method: 'exact', permutations: 8, extreme: 2, pValue: 0.5 });
    expect(result.overall.signTest).toMatchObject({ successes: 2, trials: 3 });
    expect(result.overall.signTest!.pValue).toBeCloseTo(1, 12);
  });
  it('per-token scale uses LL/tokens of each sentence', () => {
    const r = analyzeCounterfactualPairs([pair('a', -12, -12, undefined, 3, 4)], { ...OPTIONS, scale: 'mean-per-token' });
    expect(r.items[0]!.deltaPerToken).toBe(-4 + 3);
    expect(r.items[0]!.deltaSum).toBe(0);
  });
  it('per-category breakdown in order of first appearance', () => {
    expect(result.byCategory.map((c) => [c.category, c.summary.n])).toEqual([
      ['g', 2],
      ['r', 1],
    ]);
    expect(result.byCategory[1]!.summary.ci).toBeNull(); // n = 1: no bootstrap
  });
});

describe('ties follow lm-evaluation-harness: strict >', () => {
  const pairs = [pair('a', -10, -10), pair('b', -9, -10), pair('c', -11, -10), pair('d', -10, -10)];
  const r = analyzeCounterfactualPairs(pairs, OPTIONS).overall;
  it('a tie counts as not stereotypical in pct_stereotype and is dropped from the sign test', () => {
    expect(r.ties).toBe(2);
    expect(r.pctStereotype).toBe(0.25);
    expect(r.signTest).toMatchObject({ successes: 1, trials: 2 });
  });
  it('all ties: sign test null, sign-flip p = 1', () => {
    const all = analyzeCounterfactualPairs([pair('a', -3, -3), pair('b', -4, -4)], OPTIONS).overall;
    expect(all.signTest).toBeNull();
    expect(all.signFlip.pValue).toBe(1);
    expect(all.pctStereotype).toBe(0);
  });
});

describe('CrowS-Pairs rounding (nyu-mll/crows-pairs metric.py: round(score, 3) before comparing)', () => {
  it('Python round(): exact binary halves go to even, everything else to nearest', () => {
    // Expected values printed by CPython 3.11 round(x, d).
    const cases: [number, number, number][] = [[0.0625, 3, 0.062], [-12.0625, 3, -12.062], [2.675, 2, 2.67], [2.5, 0, 2], [1.5, 0, 2], [0.0015, 3, 0.002], [-9.9995, 3, -9.999], [-23.45651, 3, -23.457]];
    for (const [x, d, expected] of cases) expect(roundHalfEven(x, d)).toBe(expected);
    expect(() => roundHalfEven(1, 16)).toThrow(InvalidOptionError);
  });
  it('scores equal to 3 decimals become neutral ties', () => {
    const pairs = [pair('a', -10.0003, -10.0001), pair('b', -9, -10)];
    expect(analyzeCounterfactualPairs(pairs, OPTIONS).overall.ties).toBe(0);
    const rounded = analyzeCounterfactualPairs(pairs, { ...OPTIONS, roundScoresTo: 3 }).overall;
    expect(rounded.ties).toBe(1);
    expect(rounded.pctStereotype).toBe(0.5);
  });
});

const pairsArb = fc
  .array(fc.tuple(fc.double({ min: -80, max: -0.5, noNaN: true }), fc.double({ min: -80, max: -0.5, noNaN: true }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 })), { minLength: 1, maxLength: 14 })
  .map((rows) => rows.map(([m, l, tm, tl], i) => pair(`p${i}`, m, l, i % 2 ? 'x' : 'y', tm, tl)));

describe('properties (fast-check)', () => {
  it('swapping more/less negates every Δ and mean Δ, maps pct to 1 − pct when there are no ties, keeps p', () => {
    fc.assert(
      fc.property(pairsArb, (pairs) => {
        const swapped = pairs.map((p) => ({ ...p, more: p.less, less: p.more }));
        const a = analyzeCounterfactualPairs(pairs, { ...OPTIONS, bootstrap: 0 });
        const b = analyzeCounterfactualPairs(swapped, { ...OPTIONS, bootstrap: 0 });
        // Exactly opposite: a − b and b − a round alike (the sum is 0, also where both are ±0).
        a.items.forEach((item, i) => expect(b.items[i]!.delta + item.delta).toBe(0));
        expect(Math.abs(a.overall.meanDelta + b.overall.meanDelta)).toBeLessThan(1e-12);
        if (a.overall.ties === 0) expect(a.overall.pctStereotype + b.overall.pctStereotype).toBeCloseTo(1, 12);
        expect(b.overall.signFlip.pValue).toBe(a.overall.signFlip.pValue);
        expect(b.overall.likelihoodDiff).toBeCloseTo(a.overall.likelihoodDiff, 12);
      }),
      { numRuns: 60, seed: 42 },
    );
  });
  it('p-values lie in (0, 1]', () => {
    fc.assert(
      fc.property(pairsArb, fc.integer({ min: 0, max: 20 }), (pairs, exactLimit) => {
        const r = analyzeCounterfactualPairs(pairs, { ...OPTIONS, bootstrap: 0, permutations: 300, exactLimit }).overall;
        expect(r.signFlip.pValue).toBeGreaterThan(0);
        expect(r.signFlip.pValue).toBeLessThanOrEqual(1);
        if (r.signTest) {
          expect(r.signTest.pValue).toBeGreaterThan(0);
          expect(r.signTest.pValue).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 60, seed: 7 },
    );
  });
  it('same seed ⇒ identical output (bootstrap CI and Monte-Carlo p included)', () => {
    fc.assert(
      fc.property(pairsArb, fc.integer({ min: 0, max: 2 ** 31 }), (pairs, seed) => {
        const opts = { ...OPTIONS, exactLimit: 0, permutations: 500, seed };
        expect(analyzeCounterfactualPairs(pairs, opts)).toEqual(analyzeCounterfactualPairs(pairs, opts));
      }),
      { numRuns: 25, seed: 3 },
    );
  });
  it('a different seed changes the Monte-Carlo p (when it can)', () => {
    const d = Array.from({ length: 30 }, (_, i) => Math.sin(i) + 0.2);
    const a = signFlipTest(d, { exactLimit: 0, permutations: 5_000, seed: 1 });
    const b = signFlipTest(d, { exactLimit: 0, permutations: 5_000, seed: 2 });
    expect(a.pValue).not.toBe(b.pValue);
  });
});

describe('Monte-Carlo sign-flip p vs exact enumeration on small n', () => {
  it.each([
    [[0.3, -0.1, 0.8, 0.25, -0.4, 0.9, 0.05, 0.6, 0.45, -0.2, 0.7, 0.15]],
    [[1, 1, 1, -1, -1, 2, 0, 0.5, -0.5, 3]],
    [[-2.5, 0.1, -0.3, -1.2, -0.8, 0.05, -0.6, -0.9]],
  ])('%j', (d) => {
    const exact = signFlipTest(d, { permutations: 1, seed: 1 });
    expect(exact.method).toBe('exact');
    for (const seed of [11, 12, 13]) {
      const mc = signFlipTest(d, { exactLimit: 0, permutations: 20_000, seed });
      // p = 2·min(tail): the standard error of 2·p̂_tail is 2·√(p_t(1 − p_t)/m), p_t = p_exact/2
      const tail = exact.pValue / 2;
      const se = 2 * Math.sqrt((tail * (1 - tail)) / 20_000);
      expect(Math.abs(mc.pValue - exact.pValue)).toBeLessThan(3 * se + 2 / 20_000);
    }
  });
  it('exact enumeration counts 2^n sign vectors and p ≥ 2/2^n when T_obs ≠ 0', () => {
    const r = signFlipTest([5, 4, 3, 2, 1], { permutations: 1, seed: 1 });
    expect(r.permutations).toBe(32);
    expect(r.extreme).toBe(1); // the upper tail: all + (all − is the other tail)
    expect(r.pValue).toBe(2 / 32);
  });
});

describe('invalid input throws named errors', () => {
  it('no pairs, duplicate ids', () => {
    expect(() => analyzeCounterfactualPairs([], OPTIONS)).toThrow(InvalidLmInputError);
    expect(() => analyzeCounterfactualPairs([pair('a', -1, -2), pair('a', -1, -2)], OPTIONS)).toThrow(/duplicate pair id "a"/);
  });
  it('non-finite or positive log-probabilities, bad token counts', () => {
    expect(() => analyzeCounterfactualPairs([pair('a', Number.NaN, -2)], OPTIONS)).toThrow(InvalidLmScoreError);
    expect(() => analyzeCounterfactualPairs([pair('a', 0.7, -2)], OPTIONS)).toThrow(/must be ≤ 0/);
    expect(() => analyzeCounterfactualPairs([pair('a', -1, Number.NEGATIVE_INFINITY)], OPTIONS)).toThrow(InvalidLmScoreError);
    expect(() => analyzeCounterfactualPairs([pair('a', -1, -2, undefined, 0)], OPTIONS)).toThrow(/token count/);
    expect(() => analyzeCounterfactualPairs([{ id: 'x', more: { logProb: -1, tokens: 1 } } as unknown as CounterfactualPair], OPTIONS)).toThrow(/missing score/);
  });
  it('options out of range', () => {
    const ok = [pair('a', -1, -2)];
    expect(() => analyzeCounterfactualPairs(ok, { ...OPTIONS, confidenceLevel: 1 })).toThrow(InvalidOptionError);
    expect(() => analyzeCounterfactualPairs(ok, { ...OPTIONS, exactLimit: 31 })).toThrow(InvalidOptionError);
    expect(() => analyzeCounterfactualPairs(ok, { ...OPTIONS, permutations: 0 })).toThrow(InvalidOptionError);
    expect(() => analyzeCounterfactualPairs(ok, { ...OPTIONS, scale: 'max' as never })).toThrow(InvalidLmInputError);
  });
});
