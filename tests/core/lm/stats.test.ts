// The stats files added for the LM probes (signFlipTest, binomialTest, studentT/oneSampleTTest,
// regularizedIncompleteBeta, bootstrapResample): hand-computed values, identities and named errors.
// Agreement with scipy is in reference.test.ts.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InvalidOptionError, InvalidWordSetError } from '../../../src/core/errors';
import { binomialPmf, binomialTest } from '../../../src/core/stats/binomialTest';
import { bootstrapMean, resampleBootstrap } from '../../../src/core/stats/bootstrapResample';
import { logGamma } from '../../../src/core/stats/logGamma';
import { oneSampleTTest } from '../../../src/core/stats/oneSampleTTest';
import { regularizedIncompleteBeta } from '../../../src/core/stats/regularizedIncompleteBeta';
import { signFlipTest } from '../../../src/core/stats/signFlipTest';
import { studentTCdf, studentTTwoSidedP } from '../../../src/core/stats/studentT';

describe('binomial test', () => {
  it('hand-computed: k = 0 of 3 at ½ → p = 2·(1/8) = 0.25; k = 9 of 10 → 2·11/1024', () => {
    expect(binomialTest(0, 3).pValue).toBeCloseTo(0.25, 15);
    expect(binomialTest(9, 10).pValue).toBeCloseTo(22 / 1024, 15);
    expect(binomialTest(5, 10).pValue).toBe(1);
  });
  it('pmf sums to 1 and is symmetric at ½', () => {
    let total = 0;
    for (let k = 0; k <= 25; k++) total += binomialPmf(k, 25, 0.37);
    expect(total).toBeCloseTo(1, 13);
    expect(binomialPmf(3, 11, 0.5)).toBeCloseTo(binomialPmf(8, 11, 0.5), 15);
  });
  it('p is in (0, 1] and symmetric in k ↔ n − k at ½', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, u) => {
        const k = Math.floor(u * n);
        const p = binomialTest(k, n).pValue;
        expect(p).toBeGreaterThan(0);
        expect(p).toBeLessThanOrEqual(1);
        expect(Math.abs(binomialTest(n - k, n).pValue - p)).toBeLessThan(1e-12);
      }),
      { numRuns: 100, seed: 5 },
    );
  });
  it('equals the definition by brute force: Σ P(X=i) over P(X=i) ≤ P(X=k)(1 + 1e-7), exact rational pmf', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.nat(60), fc.constantFrom(0.5, 0.25, 0.3, 0.9), (n, kRaw, p) => {
        const k = kRaw % (n + 1);
        // pmf by the product formula (independent of logGamma)
        const pmf = (i: number) => {
          let c = 1;
          for (let j = 1; j <= i; j++) c = (c * (n - i + j)) / j;
          return c * p ** i * (1 - p) ** (n - i);
        };
        const observed = pmf(k);
        let expected = 0;
        for (let i = 0; i <= n; i++) if (pmf(i) <= observed * (1 + 1e-7)) expected += pmf(i);
        if (k === n * p) expected = 1;
        expect(Math.abs(binomialTest(k, n, p).pValue - Math.min(1, expected))).toBeLessThan(1e-11);
      }),
      { numRuns: 300, seed: 8 },
    );
  });
  it('named errors', () => {
    expect(() => binomialTest(3, 0)).toThrow(InvalidOptionError);
    expect(() => binomialTest(4, 3)).toThrow(InvalidOptionError);
    expect(() => binomialTest(1, 3, 1.5)).toThrow(InvalidOptionError);
  });
});

describe('Student t and the incomplete beta', () => {
  it('t(1) is Cauchy: P(T ≤ 1) = 3/4; t(2): P(T ≤ t) = ½ + t/(2√(2 + t²))', () => {
    expect(studentTCdf(1, 1)).toBeCloseTo(0.75, 14);
    for (const t of [-3, -0.5, 0, 0.8, 4]) expect(studentTCdf(t, 2)).toBeCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), 14);
    expect(studentTTwoSidedP(0, 7)).toBe(1);
    expect(studentTTwoSidedP(Number.POSITIVE_INFINITY, 7)).toBe(0);
  });
  it('I_x(a, b) = 1 − I_{1−x}(b, a); I_x(1, 1) = x; I_x(a, 1) = x^a', () => {
    for (const [x, a, b] of [[0.2, 3, 4], [0.9, 0.5, 12], [0.5, 40, 40]] as const) expect(regularizedIncompleteBeta(x, a, b) + regularizedIncompleteBeta(1 - x, b, a)).toBeCloseTo(1, 13);
    expect(regularizedIncompleteBeta(0.37, 1, 1)).toBeCloseTo(0.37, 14);
    expect(regularizedIncompleteBeta(0.6, 3, 1)).toBeCloseTo(0.216, 14);
    expect(() => regularizedIncompleteBeta(1.2, 1, 1)).toThrow(RangeError);
  });
  it('ln Γ at integers and ½', () => {
    expect(logGamma(1)).toBe(0);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    expect(() => logGamma(0)).toThrow(RangeError);
  });
  it('one-sample t-test: hand-computed and the zero-variance conventions of scipy', () => {
    // [1, 2, 3] vs 0: mean 2, s = 1, se = 1/√3, t = 2√3, df = 2; p = 1 − 2√3/√(2 + 12)·… via t(2) closed form.
    const r = oneSampleTTest([1, 2, 3]);
    expect(r.t).toBeCloseTo(2 * Math.sqrt(3), 13);
    const cdf = 0.5 + r.t / (2 * Math.sqrt(2 + r.t * r.t));
    expect(r.pValue).toBeCloseTo(2 * (1 - cdf), 13);
    expect(oneSampleTTest([2, 2, 2], 2).pValue).toBeNaN();
    expect(oneSampleTTest([0.5, 0.5], 0).pValue).toBe(0);
    expect(() => oneSampleTTest([1])).toThrow(InvalidOptionError);
    expect(() => oneSampleTTest([1, Number.NaN])).toThrow(InvalidOptionError);
  });
});

describe('sign-flip test', () => {
  it('zero differences only double the counts (p unchanged)', () => {
    const a = signFlipTest([1.5, -0.2, 0.9, 0.4], { permutations: 1, seed: 1 });
    const b = signFlipTest([1.5, -0.2, 0, 0.9, 0, 0.4], { permutations: 1, seed: 1 });
    expect(b.extreme).toBe(4 * a.extreme);
    expect(b.pValue).toBe(a.pValue);
  });
  it('negating every Δ leaves p unchanged (two-sided)', () => {
    const d = [0.3, 1.2, -0.4, 0.8, 0.1, 0.6, -0.2];
    expect(signFlipTest(d.map((x) => -x), { permutations: 1, seed: 1 }).pValue).toBe(signFlipTest(d, { permutations: 1, seed: 1 }).pValue);
  });
  it('exact at n = 20 (the default limit) and Monte Carlo at n = 21', () => {
    const d = Array.from({ length: 21 }, (_, i) => ((i * 37) % 11) - 4.5);
    expect(signFlipTest(d.slice(0, 20), { permutations: 10, seed: 1 }).method).toBe('exact');
    const mc = signFlipTest(d, { permutations: 999, seed: 1 });
    expect(mc.method).toBe('monte-carlo');
    expect(mc.pValue).toBe(Math.min(1, (2 * (mc.extreme + 1)) / 1000));
  });
  it('named errors', () => {
    expect(() => signFlipTest([], { permutations: 10, seed: 1 })).toThrow(InvalidWordSetError);
    expect(() => signFlipTest([1, Number.NaN], { permutations: 10, seed: 1 })).toThrow(InvalidOptionError);
    expect(() => signFlipTest([1], { permutations: 0, seed: 1 })).toThrow(InvalidOptionError);
    expect(() => signFlipTest([1], { permutations: 1, seed: 1, exactLimit: 40 })).toThrow(InvalidOptionError);
  });
});

describe('one-array bootstrap', () => {
  it('same seed ⇒ same interval; interval brackets the mean of a symmetric sample', () => {
    const values = Array.from({ length: 40 }, (_, i) => Math.sin(i * 1.7));
    const a = bootstrapMean(values, { resamples: 1_000, level: 0.95, seed: 9 })!;
    expect(bootstrapMean(values, { resamples: 1_000, level: 0.95, seed: 9 })).toEqual(a);
    const mean = values.reduce((x, y) => x + y, 0) / values.length;
    expect(a.low).toBeLessThan(mean);
    expect(a.high).toBeGreaterThan(mean);
    expect(a.resamples + a.skipped).toBe(1_000);
  });
  it('non-finite replicates are skipped and counted; null when < 2 valid', () => {
    const r = resampleBootstrap(3, (idx) => (idx[0] === 0 ? Number.NaN : idx[0]!), { resamples: 300, level: 0.9, seed: 1 })!;
    expect(r.skipped).toBeGreaterThan(50);
    expect(r.resamples + r.skipped).toBe(300);
    expect(resampleBootstrap(2, () => Number.NaN, { resamples: 10, level: 0.9, seed: 1 })).toBeNull();
  });
  it('named errors', () => {
    expect(() => bootstrapMean([], { resamples: 10, level: 0.9, seed: 1 })).toThrow(InvalidOptionError);
    expect(() => bootstrapMean([1, 2], { resamples: 0, level: 0.9, seed: 1 })).toThrow(InvalidOptionError);
    expect(() => bootstrapMean([1, 2], { resamples: 10, level: 1, seed: 1 })).toThrow(InvalidOptionError);
  });
});
