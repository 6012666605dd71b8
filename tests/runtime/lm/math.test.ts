// Numerics of LM scoring (src/runtime/lm/math.ts): float64 log-softmax that survives huge logits,
// deterministic top-k sampling from the project's seeded rng, padding and pooling helpers.
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng';
import { argmax, batchesByLength, batchesByPadding, logSoftmaxAt, logSumExp, meanPool, padBatch, sampleToken } from '../../../src/runtime/lm/math';

describe('logSumExp / logSoftmaxAt', () => {
  it('matches the naive formula on small values', () => {
    const x = [0.5, -1.25, 2, 0];
    const naive = Math.log(x.reduce((s, v) => s + Math.exp(v), 0));
    expect(logSumExp(x, 0, 4)).toBeCloseTo(naive, 14);
    expect(logSoftmaxAt(x, 0, 4, 2)).toBeCloseTo(2 - naive, 14);
  });

  it('stays finite for logits whose exp overflows (shifted by the max)', () => {
    const x = new Float32Array([1000, 999, 998]);
    const lp = logSoftmaxAt(x, 0, 3, 0);
    expect(lp).toBeCloseTo(-Math.log(1 + Math.exp(-1) + Math.exp(-2)), 12);
    expect(logSoftmaxAt(new Float32Array([-1e4, 0]), 0, 2, 0)).toBeCloseTo(-1e4, 6);
  });

  it('reads a row at an offset and rejects ids outside the vocabulary', () => {
    const x = [9, 9, 9, 1, 2, 3];
    expect(logSoftmaxAt(x, 3, 3, 2)).toBeCloseTo(logSoftmaxAt([1, 2, 3], 0, 3, 2), 14);
    expect(() => logSoftmaxAt(x, 3, 3, 3)).toThrow(RangeError);
  });
});

describe('sampleToken', () => {
  const row = [0.1, 2.5, -1, 2.5, 0.3, 1.9];
  it('is deterministic for a seed and stays inside the top-k set', () => {
    const draw = (seed: number) => {
      const rng = createRng(seed);
      return Array.from({ length: 200 }, () => sampleToken(row, 0, row.length, 1, rng, 3));
    };
    expect(draw(7)).toEqual(draw(7));
    expect(new Set(draw(7))).toEqual(new Set([1, 3, 5]));
  });

  it('follows softmax(logits / T) in frequency', () => {
    const rng = createRng(123);
    const counts = [0, 0, 0, 0, 0, 0];
    const n = 20000;
    for (let i = 0; i < n; i++) counts[sampleToken(row, 0, row.length, 2, rng)]!++;
    const w = row.map((v) => Math.exp(v / 2));
    const z = w.reduce((a, b) => a + b, 0);
    counts.forEach((c, i) => expect(c / n).toBeCloseTo(w[i]! / z, 1));
  });

  it('top-k = 1 is the arg-max (lowest id on ties)', () => {
    expect(sampleToken(row, 0, row.length, 0.5, createRng(1), 1)).toBe(argmax(row, 0, row.length));
    expect(argmax(row, 0, row.length)).toBe(1);
    expect(() => sampleToken(row, 0, row.length, 0, createRng(1))).toThrow(RangeError);
  });
});

describe('padding, pooling, batching', () => {
  it('right-pads with a mask', () => {
    expect(padBatch([[5, 6, 7], [8]], 0)).toEqual({ ids: [[5, 6, 7], [8, 0, 0]], mask: [[1, 1, 1], [1, 0, 0]], length: 3 });
  });
  it('mean-pools only masked-in positions', () => {
    const hidden = [1, 10, 3, 30, 100, 1000, /* row 2 */ 2, 20, 0, 0, 0, 0];
    const [a, b] = meanPool(hidden, [[1, 1, 0], [1, 0, 0]], 3, 2);
    expect(Array.from(a!)).toEqual([2, 20]);
    expect(Array.from(b!)).toEqual([2, 20]);
  });
  it('batches longest first, every index once', () => {
    const b = batchesByLength([3, 9, 1, 9, 4], 2);
    expect(b).toEqual([[1, 3], [4, 0], [2]]);
  });
  it('batches by padding cost: cuts where padding costs more than a pass, never above the size, every index once', () => {
    // Sorted: 20, 19, 4, 3, 3, 2. One chunk would cost 8 + 6·20 = 128; [20, 19] + [4, 3, 3, 2] costs 8 + 40 + 8 + 16 = 72.
    expect(batchesByPadding([3, 20, 4, 19, 3, 2], 8)).toEqual([[1, 3], [2, 0, 4, 5]]);
    const b = batchesByPadding([5, 5, 5, 5, 5], 2);
    expect(b.every((c) => c.length <= 2)).toBe(true);
    expect(b.flat().sort()).toEqual([0, 1, 2, 3, 4]);
    expect(batchesByPadding([], 4)).toEqual([]);
    // At most 10 padded positions per chunk of several rows: 4+4 fits, 4+4+4 does not; a row longer than the cap runs alone.
    expect(batchesByPadding([4, 4, 4, 12, 3], 8, 2, 10)).toEqual([[3], [0, 1], [2, 4]]);
  });
});
