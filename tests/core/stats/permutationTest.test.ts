// Permutation test: Monte Carlo against exact enumeration, tie handling, seeds, counts, progress.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { permutationTest } from '../../../src/core/stats/permutationTest';
import { binomialCoefficient } from '../../../src/core/stats/combinatorics';
import { InvalidOptionError, InvalidWordSetError } from '../../../src/core/errors';
import { loadCaseFixtures } from '../helpers';

const fixtures = loadCaseFixtures();
const scoresOf = (name: string) => {
  const f = fixtures.find((x) => x.name === name)!;
  return { s: Float64Array.from([...f.s.X, ...f.s.Y]), nX: f.s.X.length, exact: f.exact };
};

describe('Monte-Carlo p agrees with exact enumeration', () => {
  // With m = 20,000 the MC p has SE = sqrt(p(1−p)/m); we require |p_MC − p_exact| < 3·SE + 1/m.
  it.each(['equal-8-8-8-8', 'unequal-5-7-6-6', 'biased-6-6-6-6', 'ties-4-4-3-3'])('%s, 3 seeds', (name) => {
    const { s, nX, exact } = scoresOf(name);
    for (const seed of [1, 2, 3]) {
      const mc = permutationTest(s, nX, { permutations: 20_000, exactLimit: 0, seed });
      expect(mc.method).toBe('monte-carlo');
      const se = Math.sqrt((exact.pValue * (1 - exact.pValue)) / 20_000);
      expect(Math.abs(mc.pValue - exact.pValue)).toBeLessThan(3 * se + 1 / 20_000);
    }
  });
  it('MC null statistics have the exact null mean (0 for equal sizes) and never leave the attainable range', () => {
    const { s, nX } = scoresOf('equal-8-8-8-8');
    const mc = permutationTest(s, nX, { permutations: 20_000, exactLimit: 0, seed: 9, keepNull: true });
    const exact = permutationTest(s, nX, { permutations: 1, exactLimit: 100_000, seed: 9, keepNull: true });
    const mean = (a: Float64Array) => a.reduce((x, y) => x + y, 0) / a.length;
    const sd = Math.sqrt(exact.nullStatistics!.reduce((acc, v) => acc + v * v, 0) / exact.nullStatistics!.length);
    expect(Math.abs(mean(mc.nullStatistics!) - mean(exact.nullStatistics!))).toBeLessThan((4 * sd) / Math.sqrt(20_000));
    expect(Math.max(...mc.nullStatistics!)).toBeLessThanOrEqual(Math.max(...exact.nullStatistics!) + 1e-12);
  });
});

describe('exact enumeration', () => {
  it('counts C(N, |X|) partitions for unequal sizes and includes the observed one (p ≥ 1/C)', () => {
    const s = Float64Array.from([5, 4, 3, 2, 1, 0, -1]); // X = first 2: the most extreme partition
    const r = permutationTest(s, 2, { permutations: 10, exactLimit: 100_000, seed: 1 });
    expect(r.method).toBe('exact');
    expect(r.permutations).toBe(binomialCoefficient(7, 2));
    expect(r.permutations).toBe(21);
    expect(r.pValue).toBe(1 / 21);
  });
  it('counts float-noise ties as ties (relative tolerance 1e-12·Σ|s|)', () => {
    // Partitions {0.3, 0} and {0.1, 0.2} have S = 0 mathematically but ±5.6e-17 in Float64.
    // Σ_{Xi} over the 6 partitions: 0.3, 0.4, 0.5, 0.1, 0.2, 0.3 (minus the rest) → S ∈ {0, .2, .4, −.4, −.2, 0}.
    for (const [order, nX] of [[[0.3, 0, 0.1, 0.2], 2], [[0.1, 0.2, 0.3, 0], 2]] as const) {
      const r = permutationTest(Float64Array.from(order), nX, { permutations: 10, exactLimit: 100, seed: 1 });
      expect(r.pValue).toBe(4 / 6);
    }
  });
  it('switches to Monte Carlo exactly above exactLimit', () => {
    const s = Float64Array.from({ length: 10 }, (_, i) => Math.sin(i));
    expect(permutationTest(s, 5, { permutations: 99, exactLimit: 252, seed: 1 }).method).toBe('exact');
    expect(permutationTest(s, 5, { permutations: 99, exactLimit: 251, seed: 1 }).method).toBe('monte-carlo');
  });
});

describe('Monte Carlo: counts, seeds, p = (b+1)/(m+1)', () => {
  const s = Float64Array.from({ length: 40 }, (_, i) => Math.cos(i * 1.7) + (i < 20 ? 0.05 : 0));
  it('honours the permutation count and never returns 0', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 0, max: 2 ** 31 }), (m, seed) => {
        const r = permutationTest(s, 20, { permutations: m, exactLimit: 0, seed });
        expect(r.permutations).toBe(m);
        expect(r.pValue).toBe((r.extreme + 1) / (m + 1));
        expect(r.pValue).toBeGreaterThan(0);
        expect(r.pValue).toBeLessThanOrEqual(1);
      }),
      { numRuns: 40 },
    );
  });
  it('same seed ⇒ identical result; different seeds ⇒ (usually) different p', () => {
    const a = permutationTest(s, 20, { permutations: 5000, exactLimit: 0, seed: 7, histogramBins: 20 });
    const b = permutationTest(s, 20, { permutations: 5000, exactLimit: 0, seed: 7, histogramBins: 20 });
    expect(b).toEqual(a);
    const ps = new Set([1, 2, 3, 4, 5].map((seed) => permutationTest(s, 20, { permutations: 5000, exactLimit: 0, seed }).pValue));
    expect(ps.size).toBeGreaterThan(1);
  });
  it('the histogram counts every re-partition and brackets the observed statistic', () => {
    const r = permutationTest(s, 17, { permutations: 4321, exactLimit: 0, seed: 3, histogramBins: 25 });
    const h = r.histogram!;
    expect(h.counts).toHaveLength(25);
    expect(h.counts.reduce((x, y) => x + y, 0)).toBe(4321);
    expect(h.observed).toBe(r.observed);
    expect(h.min).toBeLessThanOrEqual(r.observed);
    expect(h.max).toBeGreaterThanOrEqual(r.observed);
  });
  it('reports progress at most ~50 times, ending at done = total', () => {
    const calls: [number, number][] = [];
    permutationTest(s, 20, { permutations: 12_345, exactLimit: 0, seed: 1, onProgress: (d, t) => calls.push([d, t]) });
    expect(calls.length).toBeLessThanOrEqual(51);
    expect(calls.at(-1)).toEqual([12_345, 12_345]);
  });
});

describe('invalid input', () => {
  it('throws named errors', () => {
    const s = Float64Array.from([1, 2, 3]);
    expect(() => permutationTest(s, 0, { permutations: 10, exactLimit: 10, seed: 1 })).toThrow(InvalidWordSetError);
    expect(() => permutationTest(s, 3, { permutations: 10, exactLimit: 10, seed: 1 })).toThrow(InvalidWordSetError);
    expect(() => permutationTest(s, 1, { permutations: 0, exactLimit: 10, seed: 1 })).toThrow(InvalidOptionError);
    expect(() => permutationTest(s, 1, { permutations: 1.5, exactLimit: 10, seed: 1 })).toThrow(InvalidOptionError);
    expect(() => permutationTest(s, 1, { permutations: 10, exactLimit: -1, seed: 1 })).toThrow(InvalidOptionError);
    expect(() => permutationTest(s, 1, { permutations: 10, exactLimit: 0, seed: 0.5 })).toThrow(InvalidOptionError);
  });
  it('binomial coefficients are exact and capped', () => {
    expect(binomialCoefficient(16, 8)).toBe(12870);
    expect(binomialCoefficient(50, 25)).toBe(126410606437752);
    expect(binomialCoefficient(50, 25, 100_000)).toBe(Number.POSITIVE_INFINITY);
    expect(binomialCoefficient(3, 5)).toBe(0);
  });
});

describe('null histogram', () => {
  it('regroups the occupied range into exactly the requested bins and keeps every count', () => {
    const s = Float64Array.from({ length: 50 }, (_, i) => Math.sin(i * 2.3) / 2);
    const r = permutationTest(s, 25, { permutations: 20_000, exactLimit: 0, seed: 5, histogramBins: 40, keepNull: true });
    const h = r.histogram!;
    expect(h.counts).toHaveLength(40);
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(20_000);
    const values = r.nullStatistics!;
    expect(h.min).toBeLessThanOrEqual(Math.min(...values));
    expect(h.max).toBeGreaterThanOrEqual(Math.max(...values));
    // Occupied: the realised null fills most of the chart, not a spike in the middle.
    expect(h.counts.filter((c) => c > 0).length).toBeGreaterThan(30);
    // Each count equals the number of null statistics in its bin.
    const width = (h.max - h.min) / 40;
    const recount = new Array(40).fill(0);
    for (const v of values) recount[Math.min(39, Math.floor((v - h.min) / width))]++;
    const moved = recount.reduce((acc, c, i) => acc + Math.abs(c - h.counts[i]!), 0);
    expect(moved).toBeLessThanOrEqual(2); // at most a boundary value rounding into a neighbour
  });
});

describe('Monte-Carlo sampler draws every re-partition uniformly', () => {
  // s_i = 2^i makes Σ_{Xi} s unique per subset, so each null statistic identifies its partition.
  // Pearson χ² over all C(N, |X|) partitions must stay below the 99.9% critical value
  // (df 19: 43.82; df 20: 45.31). Fixed seeds, so this is deterministic, not flaky.
  it.each([
    [6, 3, 43.82], // draws the X side
    [7, 5, 45.31], // |Y| = 2 < |X|: draws the Y side
  ])('N = %i, |X| = %i', (n, nX, critical) => {
    const s = Float64Array.from({ length: n }, (_, i) => 2 ** i);
    const m = 60_000;
    const r = permutationTest(s, nX, { permutations: m, exactLimit: 0, seed: 123, keepNull: true });
    const counts = new Map<number, number>();
    for (const v of r.nullStatistics!) counts.set(v, (counts.get(v) ?? 0) + 1);
    const cells = binomialCoefficient(n, nX);
    expect(counts.size).toBe(cells);
    const expected = m / cells;
    const chiSquare = [...counts.values()].reduce((acc, c) => acc + (c - expected) ** 2 / expected, 0);
    expect(chiSquare).toBeLessThan(critical);
  });
});
