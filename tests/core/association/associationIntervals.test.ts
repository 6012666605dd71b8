// The association result's two intervals and the attribute words' own associations: the test
// interval of d excludes 0 exactly when p < α for random word sets (exact and Monte Carlo, WEAT and
// the likelihood IAT), it is the shift bound over the observed SD, and A's and B's associations are
// the plain cosine means of the definition, computed here from the vectors.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runAssociationTest } from '../../../src/core/association';
import { DEFAULT_ASSOCIATION_OPTIONS, type AssociationOptions } from '../../../src/core/association/types';
import { excludesNullValue } from '../../../src/core/intervals';
import { runLikelihoodIat } from '../../../src/core/lm/likelihoodIat/runLikelihoodIat';
import { SIGNIFICANCE_ALPHA } from '../../../src/core/significance';
import { createRng } from '../../../src/core/rng';
import { inputOf } from '../helpers';

const options: AssociationOptions = { ...DEFAULT_ASSOCIATION_OPTIONS, permutations: 2000, bootstrap: 50 };
const vectors = (seed: number, n: number, dim: number, lean: number) => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => Array.from({ length: dim }, (_, k) => rng.float() - 0.5 + (k === 0 ? lean : 0)));
};
const randomInput = (seed: number, sizes: [number, number, number, number], lean: number) =>
  inputOf({ X: vectors(seed, sizes[0], 6, lean), Y: vectors(seed + 1, sizes[1], 6, -lean), A: vectors(seed + 2, sizes[2], 6, 0.4), B: vectors(seed + 3, sizes[3], 6, -0.4) }, `p${seed}`);

const cos = (u: readonly number[], v: readonly number[]) => {
  const dot = u.reduce((s, x, i) => s + x * v[i]!, 0);
  return dot / Math.hypot(...u) / Math.hypot(...v);
};

describe('test interval of d', () => {
  it('excludes 0 exactly when p < α: exact and Monte Carlo, equal and unequal sets', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 30 }),
        fc.tuple(fc.integer({ min: 2, max: 9 }), fc.integer({ min: 2, max: 9 }), fc.integer({ min: 2, max: 5 }), fc.integer({ min: 2, max: 5 })),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.boolean(),
        (seed, sizes, lean, exact) => {
          const r = runAssociationTest(randomInput(seed, sizes, lean), { ...options, exactLimit: exact ? 100_000 : 0 });
          expect(r.pMethod).toBe(exact ? 'exact' : 'monte-carlo');
          expect(r.testCi).toMatchObject({ sides: 'lower', high: null, level: 1 - SIGNIFICANCE_ALPHA, nullValue: 0, method: 'permutation-inversion' });
          expect(excludesNullValue(r.testCi!)).toBe(r.pValue < SIGNIFICANCE_ALPHA);
        },
      ),
      { numRuns: 60 },
    );
  });
  it('is unbounded when the test cannot reject at α (C(4, 2) = 6 partitions: p ≥ 1/6)', () => {
    const r = runAssociationTest(randomInput(7, [2, 2, 3, 3], 0.5), options);
    expect(r.permutations).toBe(6);
    expect(r.testCi!.low).toBeNull();
  });
  it('the likelihood IAT carries the same interval (log-probability matrices)', () => {
    const words = { X: ['x1', 'x2', 'x3', 'x4', 'x5'], Y: ['y1', 'y2', 'y3', 'y4', 'y5'], A: ['a1', 'a2'], B: ['b1', 'b2'] };
    const logProbs = Array.from({ length: 10 }, (_, t) => [-1 - (t < 5 ? 0 : 0.5) - t * 0.01, -1.2 - t * 0.02, -1.5 + t * 0.01, -1.4]);
    const r = runLikelihoodIat({ probeId: 'iat', title: 'IAT', labels: { X: 'x', Y: 'y', A: 'a', B: 'b' }, words, logProbs }, options);
    expect(r.pValue).toBeLessThan(SIGNIFICANCE_ALPHA);
    expect(r.testCi!.low).toBeGreaterThan(0);
    // A: mean over X rows of ℓ(·, a) minus mean over Y rows, by hand for a1: 0.5 + 0.01·(mean t_Y − mean t_X) = 0.5 + 0.05.
    expect(r.attributeItems![0]).toEqual({ word: 'a1', set: 'A', association: expect.closeTo(0.55, 12) as number });
  });
});

describe('attribute words’ own associations', () => {
  it('mean cos(a, X) − mean cos(a, Y) for every word of A then B, from the vectors', () => {
    const input = randomInput(11, [3, 4, 2, 3], 0.3);
    const r = runAssociationTest(input, options);
    const raw = (key: 'X' | 'Y' | 'A' | 'B') => input.sets[key].vectors.map((v) => Array.from(v));
    const own = (a: number[]) => raw('X').reduce((s, x) => s + cos(a, x), 0) / 3 - raw('Y').reduce((s, y) => s + cos(a, y), 0) / 4;
    expect(r.attributeItems!.map((i) => `${i.set}:${i.word}`)).toEqual(['A:a1', 'A:a2', 'B:b1', 'B:b2', 'B:b3']);
    const expected = [...raw('A'), ...raw('B')].map(own);
    r.attributeItems!.forEach((item, i) => expect(item.association).toBeCloseTo(expected[i]!, 12));
  });
});
