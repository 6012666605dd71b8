// The hot-loop generator (rng.ts Uint32Stream) and the subset sampler built on it: the stream must be
// the project's seeded xoroshiro128+ (pure-rand's own implementation is the independent reference),
// and its bounded integers and subsets must be uniform. Uniformity is checked by counting N draws per
// outcome: each count is Binomial(N, 1/K), so it must lie within 5 SDs, √(N·(1/K)(1 − 1/K)), of N/K.
import { describe, expect, it } from 'vitest';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { Uint32Stream } from '../../../src/core/rng';
import { SubsetSumSampler } from '../../../src/core/stats/subsetSumSampler';
import { InvalidOptionError } from '../../../src/core/errors';

const expectUniform = (counts: ArrayLike<number>, draws: number) => {
  const p = 1 / counts.length;
  const sd = Math.sqrt(draws * p * (1 - p));
  for (let i = 0; i < counts.length; i++) expect(Math.abs(counts[i]! - draws * p)).toBeLessThan(5 * sd);
};

describe('Uint32Stream', () => {
  it('returns the outputs of pure-rand xoroshiro128plus for the seed createRng folds to 32 bits', () => {
    for (const seed of [1, 0, 20261205, 2 ** 32 + 7, -5, Number.MAX_SAFE_INTEGER]) {
      const folded = ((seed % 2 ** 32) ^ Math.floor(seed / 2 ** 32)) | 0;
      const reference = xoroshiro128plus(folded);
      const stream = new Uint32Stream(seed);
      for (let i = 0; i < 1000; i++) expect(stream.nextUint32()).toBe(reference.next() >>> 0);
    }
  });
  it('rejects a seed that is not a safe integer', () => {
    expect(() => new Uint32Stream(0.5)).toThrow(InvalidOptionError);
  });
  it('below(r) is uniform on [0, r), including a range where Lemire rejection matters (r = 3·2¹⁹)', () => {
    const stream = new Uint32Stream(3);
    for (const range of [1, 2, 7, 1000]) {
      const counts = new Float64Array(range);
      const draws = 20_000 * Math.min(range, 10);
      for (let i = 0; i < draws; i++) counts[stream.below(range)]!++;
      if (range === 1) expect(counts[0]).toBe(draws);
      else expectUniform(counts, draws);
    }
    // 3·2¹⁹ does not divide 2³², so without the rejection some values would be 1/2¹³ more likely; here
    // only the range and the coarse thirds are checkable, every draw in [0, r) and each third ⅓ of them.
    const big = 3 * 2 ** 19;
    const thirds = new Float64Array(3);
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const v = stream.below(big);
      if (!(v >= 0 && v < big && Number.isInteger(v))) outside++;
      thirds[Math.floor(v / 2 ** 19)]!++;
    }
    expect(outside).toBe(0);
    expectUniform(thirds, 100_000);
  });
  it('pairBelow(r1, r2) gives every pair (first, second) with probability 1/(r1·r2)', () => {
    const stream = new Uint32Stream(11);
    for (const [r1, r2] of [[5, 4], [13, 12], [1448, 1447]] as const) {
      const draws = 100_000;
      let outside = 0;
      const joint = new Float64Array(Math.min(r1 * r2, 64));
      const firsts = new Float64Array(r1);
      const seconds = new Float64Array(r2);
      for (let i = 0; i < draws; i++) {
        stream.pairBelow(r1, r2);
        if (!(stream.first < r1 && stream.second < r2)) outside++;
        firsts[stream.first]!++;
        seconds[stream.second]!++;
        if (r1 * r2 <= 64) joint[stream.first * r2 + stream.second]!++;
      }
      expect(outside).toBe(0);
      if (r1 * r2 <= 64) expectUniform(joint, draws);
      if (r1 <= 20) {
        expectUniform(firsts, draws);
        expectUniform(seconds, draws);
      }
    }
  });
});

describe('SubsetSumSampler', () => {
  it('draws every k-subset with probability 1/C(n, k), paired steps (n = 6, k = 3) and single steps (k = 1)', () => {
    // Scores 2^i make a subset's sum its bitmask, so each draw names its subset exactly.
    const scores = Float64Array.from({ length: 6 }, (_, i) => 2 ** i);
    for (const [k, subsets] of [[3, 20], [1, 6], [5, 6]] as const) {
      const sampler = new SubsetSumSampler(scores, k, 2, 5);
      const counts = new Map<number, number>();
      const draws = 60_000;
      const sums = new Float64Array(draws);
      const marks = new Int32Array(draws);
      sampler.drawMany(draws, sums, marks);
      let wrongMarks = 0;
      for (let i = 0; i < draws; i++) {
        counts.set(sums[i]!, (counts.get(sums[i]!) ?? 0) + 1);
        // marked = how many of positions 0 and 1 (bits 1 and 2) are in the subset.
        if (marks[i] !== (sums[i]! & 1) + ((sums[i]! >> 1) & 1)) wrongMarks++;
      }
      expect(wrongMarks).toBe(0);
      expect(counts.size).toBe(subsets);
      for (const mask of counts.keys()) expect(mask.toString(2).split('1').length - 1).toBe(k);
      expectUniform([...counts.values()], draws);
    }
  });

  it('draws the steps sampler 2 specifies: pairs from pairBelow, an odd last step and every step of a large n from below', () => {
    // The specification, written out with the stream's own bounded draws (rng.ts, tested above): a
    // partial Fisher–Yates over positions 0 … k − 1 continuing from the last arrangement, two steps per
    // output while n(n − 1) ≤ 2²¹, else one.
    const reference = (scores: Float64Array, k: number, markedBelow: number, seed: number, draws: number) => {
      const stream = new Uint32Stream(seed);
      const n = scores.length;
      const order = Int32Array.from({ length: n }, (_, i) => i);
      const swap = (i: number, j: number) => ([order[i], order[j]] = [order[j]!, order[i]!]);
      const out: [number, number][] = [];
      for (let t = 0; t < draws; t++) {
        let i = 0;
        if (n * (n - 1) <= 2 ** 21)
          for (; i + 1 < k; i += 2) {
            stream.pairBelow(n - i, n - i - 1);
            swap(i, i + stream.first);
            swap(i + 1, i + 1 + stream.second);
          }
        for (; i < k; i++) swap(i, i + stream.below(n - i));
        let sum = 0;
        let marked = 0;
        for (let p = 0; p < k; p++) {
          sum += scores[order[p]!]!;
          if (order[p]! < markedBelow) marked++;
        }
        out.push([sum, marked]);
      }
      return out;
    };
    // Integer scores: the sums are exact whatever the order of addition.
    for (const [n, k] of [[50, 25], [49, 24], [7, 7], [2000, 9], [2000, 10]] as const) {
      const scores = Float64Array.from({ length: n }, (_, i) => (i * 7919) % 1009);
      const sampler = new SubsetSumSampler(scores, k, Math.floor(n / 3), 42);
      const sums = new Float64Array(300);
      const marked = new Int32Array(300);
      sampler.drawMany(300, sums, marked);
      const got = Array.from(sums, (sum, t) => [sum, marked[t]!]);
      expect(got).toEqual(reference(scores, k, Math.floor(n / 3), 42, 300));
    }
  });
});
