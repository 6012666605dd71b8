// The LMS-k construction against the intervals worked out by hand from the paper's code
// (harshays/simplicitybiaspitfalls, scripts/gendata.py) for data width 1 and margin m = 0.1, slab width
// w = (2 − 2(k − 1)m)/k, neighbouring slabs 2m apart, in |x| (the slabs are symmetric):
//   linear:  y = 1 → [0.1, 1);  y = 0 → (−1, −0.1]
//   3-slab:  w = 0.5333; y = 0 → [0, 0.2667]; y = 1 → [0.4667, 1.0]
//   5-slab:  w = 0.24;   y = 1 → [0.32, 0.56]; y = 0 → [0, 0.12] (prob. ¾) or [0.76, 1.0]
//   7-slab:  w = 0.1143; y = 0 → [0, 0.0571] or [0.5714, 0.6857]; y = 1 → [0.2571, 0.3714] (prob. ⅞)
//            or [0.8857, 1.0]
import { describe, expect, it } from 'vitest';
import { generateLms, rotateRows, slabWidth, type SlabCount } from '../../../src/core/simplicity/lmsData';

const base = { slabCoordinates: 3, noiseCoordinates: 2, margin: 0.1, rotate: false, trainSize: 2000, testSize: 10 } as const;

/** [low, high] intervals (absolute value |x| for the symmetric slabs) per label, from the table above. */
const EXPECTED: Record<SlabCount, { positive: [number, number][]; negative: [number, number][] }> = {
  3: { positive: [[0.4666667, 1.0]], negative: [[0, 0.2666667]] },
  5: { positive: [[0.32, 0.56]], negative: [[0, 0.12], [0.76, 1.0]] },
  7: { positive: [[0.2571429, 0.3714286], [0.8857143, 1.0]], negative: [[0, 0.0571429], [0.5714286, 0.6857143]] },
};

describe('generateLms', () => {
  it('puts the linear coordinate in [m, 1) for y = 1 and (−1, −m] for y = 0', () => {
    const { train } = generateLms({ ...base, k: 5 }, 11);
    let outside = 0;
    for (let i = 0; i < train.n; i++) {
      const v = train.x[i * train.dim]!;
      if (train.y[i] === 1 ? !(v >= 0.1 && v < 1) : !(v > -1 && v <= -0.1)) outside++;
    }
    expect(outside).toBe(0);
  });

  it.each([3, 5, 7] as const)('puts every %i-slab value inside its label\'s slabs, with both signs', (k) => {
    const { train } = generateLms({ ...base, k }, 12);
    const slack = 1e-6;
    let negativeSide = 0;
    let outside = 0;
    for (let i = 0; i < train.n; i++) {
      for (let c = 1; c <= 3; c++) {
        const v = train.x[i * train.dim + c]!;
        if (v < 0) negativeSide++;
        const slabs = train.y[i] === 1 ? EXPECTED[k].positive : EXPECTED[k].negative;
        if (!slabs.some(([lo, hi]) => Math.abs(v) >= lo - slack && Math.abs(v) <= hi + slack)) outside++;
      }
    }
    expect(outside).toBe(0);
    expect(negativeSide / (train.n * 3)).toBeGreaterThan(0.45);
    expect(negativeSide / (train.n * 3)).toBeLessThan(0.55);
  });

  it('sends ¾ of the 5-slab negatives to the centre slab (their slab5_pval)', () => {
    const { train } = generateLms({ ...base, k: 5 }, 13);
    let negatives = 0;
    let centre = 0;
    for (let i = 0; i < train.n; i++) {
      if (train.y[i] !== 0) continue;
      negatives++;
      if (Math.abs(train.x[i * train.dim + 1]!) <= 0.12) centre++;
    }
    // Binomial(≈1000, ¾): SD ≈ 0.014, so ±0.055 is four SDs.
    expect(Math.abs(centre / negatives - 0.75)).toBeLessThan(0.055);
  });

  it('fills noise coordinates with Uniform[0, 1) values independent of the label', () => {
    const { train } = generateLms({ ...base, k: 5 }, 14);
    const means = [0, 0];
    const counts = [0, 0];
    for (let i = 0; i < train.n; i++) {
      const v = train.x[i * train.dim + 4]!;
      if (!(v >= 0 && v < 1)) means[0] = Number.NaN;
      means[train.y[i]!]! += v;
      counts[train.y[i]!]!++;
    }
    expect(Math.abs(means[0]! / counts[0]! - means[1]! / counts[1]!)).toBeLessThan(0.05);
  });

  it('computes the slab widths of their get_slab_width', () => {
    expect(slabWidth(3, 0.1)).toBeCloseTo(1.6 / 3, 15);
    expect(slabWidth(5, 0.1)).toBeCloseTo(0.24, 15);
    expect(slabWidth(7, 0.1)).toBeCloseTo(0.8 / 7, 15);
  });

  it('rotates by an orthogonal matrix (WWᵀ = I), so distances between examples are kept', () => {
    const data = generateLms({ ...base, k: 5, rotate: true }, 15);
    const w = data.rotation!;
    const d = data.dim;
    for (let i = 0; i < d; i++) {
      for (let j = 0; j < d; j++) {
        let dot = 0;
        for (let c = 0; c < d; c++) dot += w[i * d + c]! * w[j * d + c]!;
        expect(Math.abs(dot - (i === j ? 1 : 0))).toBeLessThan(1e-12);
      }
    }
    const rotated = rotateRows(data.test.x, d, w);
    let plain = 0;
    let turned = 0;
    for (let c = 0; c < d; c++) {
      plain += (data.test.x[c]! - data.test.x[d + c]!) ** 2;
      turned += (rotated[c]! - rotated[d + c]!) ** 2;
    }
    expect(Math.abs(plain - turned)).toBeLessThan(1e-12);
  });

  it('draws the same data for the same seed and different data for another', () => {
    const small = { ...base, k: 7, trainSize: 50 } as const;
    const a = generateLms(small, 21);
    expect(Array.from(generateLms(small, 21).train.x)).toEqual(Array.from(a.train.x));
    expect(Array.from(generateLms(small, 22).train.x)).not.toEqual(Array.from(a.train.x));
  });

  it('refuses k outside {3, 5, 7} and a margin that leaves no room for the slabs', () => {
    expect(() => generateLms({ ...base, k: 4 as SlabCount }, 1)).toThrow(/k = 3, 5 or 7/);
    expect(() => generateLms({ ...base, k: 7, margin: 0.2 }, 1)).toThrow(/margin/);
  });
});
