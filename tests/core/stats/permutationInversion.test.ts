// The inverted permutation test: its lower bound is > 0 exactly when p < α (exact and Monte Carlo,
// equal and unequal sizes, ties), and it agrees with a brute-force inversion written separately here
// (shift X's scores by δ on a fine grid and recount every re-partition by bitmask enumeration).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { acceptanceRank, ShiftBoundCollector } from '../../../src/core/stats/permutationInversion';
import { permutationTest } from '../../../src/core/stats/permutationTest';

const ALPHA = 0.05;

/** p(δ) by brute force: subtract δ from X's scores, count subsets of size |X| with Σ ≥ Σ_X (no tolerance). */
function bruteForceP(scores: readonly number[], sizeX: number, delta: number): number {
  const shifted = scores.map((v, i) => (i < sizeX ? v - delta : v));
  const observed = shifted.slice(0, sizeX).reduce((a, b) => a + b, 0);
  let count = 0;
  let total = 0;
  for (let mask = 0; mask < 1 << scores.length; mask++) {
    let bits = 0;
    let sum = 0;
    for (let i = 0; i < scores.length; i++) {
      if (mask & (1 << i)) {
        bits++;
        sum += shifted[i]!;
      }
    }
    if (bits !== sizeX) continue;
    total++;
    if (sum >= observed - 1e-9) count++;
  }
  return count / total;
}

const scoreSets = fc
  .tuple(fc.integer({ min: 2, max: 6 }), fc.integer({ min: 2, max: 6 }))
  .chain(([nX, nY]) => fc.tuple(fc.constant(nX), fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: nX + nY, maxLength: nX + nY })));

describe('acceptanceRank: the smallest count at which p ≥ α, in the test’s own floating point', () => {
  it.each([
    [0, 20, 0.05, 1], // exact, C = 20: 1/20 = 0.05 is not < α
    [0, 70, 0.05, 4], // 3/70 = 0.043 < α, 4/70 = 0.057
    [0, 10, 0.05, 1], // the smallest p is 0.1: nothing rejected beyond the identity
    [1, 100_001, 0.05, 5000], // Monte Carlo, m = 100,000: (1 + 4999)/100001 < 0.05 ≤ (1 + 5000)/100001
    [1, 10, 0.05, 0], // m = 9: the smallest p is 0.1, every shift accepted
  ])('offset %d, D = %d, α = %d → %d', (offset, denominator, alpha, rank) => {
    expect(acceptanceRank(offset, denominator, alpha)).toBe(rank);
    expect((offset + rank) / denominator).toBeGreaterThanOrEqual(alpha);
    if (rank > 0) expect((offset + rank - 1) / denominator).toBeLessThan(alpha);
  });
});

describe('ShiftBoundCollector keeps the r smallest thresholds', () => {
  it('returns the r-th smallest of any sequence (compared with a sort)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 20, maxLength: 300 }), (gaps) => {
        const collector = new ShiftBoundCollector(0, gaps.length, 0.1);
        gaps.forEach((g) => collector.add(g, 1));
        const sorted = gaps.map((g) => g / 2).sort((a, b) => a - b);
        expect(collector.lowerBound()).toBe(sorted[collector.rank - 1]);
      }),
      { numRuns: 100 },
    );
  });
});

describe('the lower bound excludes 0 exactly when p < α', () => {
  it('exact enumeration, random unequal sets', () => {
    fc.assert(
      fc.property(scoreSets, ([nX, scores]) => {
        const r = permutationTest(scores, nX, { permutations: 1, exactLimit: 1_000_000, seed: 1, inversionAlpha: ALPHA });
        expect(r.method).toBe('exact');
        expect(r.shiftLowerBound! > 0).toBe(r.pValue < ALPHA);
      }),
      { numRuns: 300 },
    );
  });
  it('exact enumeration with ties (scores from a few values) and shifted sets that are significant', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 7 }), fc.array(fc.integer({ min: -2, max: 2 }), { minLength: 10, maxLength: 14 }), fc.double({ min: 0, max: 3, noNaN: true }), (nX, raw, shift) => {
        const scores = raw.map((v, i) => v / 10 + (i < nX ? shift : 0));
        const r = permutationTest(scores, nX, { permutations: 1, exactLimit: 1_000_000, seed: 1, inversionAlpha: ALPHA });
        expect(r.shiftLowerBound! > 0).toBe(r.pValue < ALPHA);
      }),
      { numRuns: 200 },
    );
  });
  it('Monte Carlo, random m and seeds, drawing either side', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 30 }),
        fc.integer({ min: 2, max: 30 }),
        fc.integer({ min: 1, max: 3000 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.double({ min: 0, max: 0.6, noNaN: true }),
        (nX, nY, m, seed, shift) => {
          const scores = Array.from({ length: nX + nY }, (_, i) => Math.sin(i * 2.3 + seed) + (i < nX ? shift : 0));
          const r = permutationTest(scores, nX, { permutations: m, exactLimit: 0, seed, inversionAlpha: ALPHA });
          expect(r.method).toBe('monte-carlo');
          expect(r.shiftLowerBound! > 0).toBe(r.pValue < ALPHA);
        },
      ),
      { numRuns: 150 },
    );
  });
  it('changes nothing in p, S or the histogram', () => {
    const scores = Array.from({ length: 24 }, (_, i) => Math.cos(i * 1.3) + (i < 12 ? 0.3 : 0));
    for (const exactLimit of [0, 10_000_000]) {
      const plain = permutationTest(scores, 12, { permutations: 5000, exactLimit, seed: 4, histogramBins: 20 });
      const inverted = permutationTest(scores, 12, { permutations: 5000, exactLimit, seed: 4, histogramBins: 20, inversionAlpha: ALPHA });
      expect(plain.shiftLowerBound).toBeNull();
      expect({ ...inverted, shiftLowerBound: null }).toEqual(plain);
    }
  });
});

describe('agrees with a brute-force inversion on a grid of shifts', () => {
  it('the bound is where the brute-force p(δ) first reaches α (grid step 1e-3), equal and unequal sizes', () => {
    fc.assert(
      fc.property(scoreSets, fc.double({ min: 0, max: 1.5, noNaN: true }), ([nX, raw], shift) => {
        const scores = raw.map((v, i) => v + (i < nX ? shift : 0));
        const bound = permutationTest(scores, nX, { permutations: 1, exactLimit: 1_000_000, seed: 1, inversionAlpha: ALPHA }).shiftLowerBound!;
        if (!Number.isFinite(bound)) {
          // Only when even the most extreme partition has p ≥ α: the test rejects no shift.
          expect(bruteForceP(scores, nX, -100)).toBeGreaterThanOrEqual(ALPHA);
          return;
        }
        const step = 1e-3;
        expect(bruteForceP(scores, nX, bound - step)).toBeLessThan(ALPHA);
        expect(bruteForceP(scores, nX, bound + step)).toBeGreaterThanOrEqual(ALPHA);
      }),
      { numRuns: 150 },
    );
  });
  it('Monte Carlo (either side drawn): the exact p at the MC bound is α within Monte-Carlo error', () => {
    // With m = 20,000 the r-th smallest sampled t estimates the shift where the exact p(δ) crosses α;
    // SE of a proportion near α is sqrt(α(1−α)/m) ≈ 0.0015. A wrong k_i (say, counting the drawn side
    // instead of the moved words) moves the bound far outside this band.
    for (const [nX, nY, seed, shift] of [[6, 8, 3, 0.6], [8, 6, 5, 0.6], [4, 10, 8, 0.6], [6, 8, 3, 1.5], [9, 5, 5, 1.5], [3, 11, 8, 1.5]] as const) {
      const scores = Array.from({ length: nX + nY }, (_, i) => Math.sin(i * 1.9 + seed) + (i < nX ? shift : 0));
      const m = 20_000;
      const bound = permutationTest(scores, nX, { permutations: m, exactLimit: 0, seed, inversionAlpha: ALPHA }).shiftLowerBound!;
      const se = Math.sqrt((ALPHA * (1 - ALPHA)) / m);
      expect(bruteForceP(scores, nX, bound - 1e-7)).toBeLessThan(ALPHA + 4 * se);
      expect(bruteForceP(scores, nX, bound + 1e-7)).toBeGreaterThan(ALPHA - 4 * se - 1 / m);
    }
  });
  it('a hand case: X = {3, 2}, Y = {1, 0, −1, −2}: the bound is the 1st of the sorted t_π = (S_obs − S_π)/(2k_π)', () => {
    // C(6,2) = 15, α = 0.05 → r = 1 (1/15 ≥ 0.05): the smallest p is 1/15, so nothing is rejected
    // and the bound is −∞; with 7 Y values C(9, 2) = 36 → r = 2 (1/36 < 0.05 ≤ 2/36): the bound is
    // the smallest t over the 35 other partitions: moving 2 (the smaller X) for 1 (the largest Y):
    // S_obs − S_π = 2·(2 − 1) = 2, k = 1 → t = 1.
    expect(permutationTest([3, 2, 1, 0, -1, -2], 2, { permutations: 1, exactLimit: 100, seed: 1, inversionAlpha: ALPHA }).shiftLowerBound).toBe(-Infinity);
    const r = permutationTest([3, 2, 1, 0, -1, -2, -3, -4, -5], 2, { permutations: 1, exactLimit: 100, seed: 1, inversionAlpha: ALPHA });
    expect(r.pValue).toBe(1 / 36);
    expect(r.shiftLowerBound).toBeCloseTo(1, 10);
  });
});
