// The interval that inverts the sign-flip test. References: brute force in Python (all 2ⁿ − 1 subset
// means listed and sorted; the bounds are the r-th smallest and largest with r = ⌈α·2ⁿ⁻¹⌉ − 1, and
// the two-sided p = min(1, 2·min tail) over all 2ⁿ sign vectors), run once with /usr/bin/python3 and
// pasted as literals:
//   means = sorted(sum(d[i] for i in F)/len(F) for r in 1..n for F in combinations(range(n), r))
//   r = ceil(0.05 * 2**n / 2) - 1; lo, hi = means[r-1], means[-r]   (None when r ≤ 0)
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { excludesNullValue } from '../../../src/core/intervals';
import { signFlipInterval } from '../../../src/core/stats/signFlipInterval';
import { signFlipTest } from '../../../src/core/stats/signFlipTest';

const intervalOf = (d: number[], options: { exactLimit?: number; permutations: number; seed: number } = { permutations: 1, seed: 1 }, level = 0.95) => {
  const test = signFlipTest(d, options);
  return { test, ci: signFlipInterval(d, test, level) };
};

describe('sign-flip inversion interval', () => {
  it('4 pairs: smallest two-sided p is 0.125, so the 95% interval is unbounded on both sides', () => {
    const { test, ci } = intervalOf([-14.71, -1.24, -3.5, -8.0]);
    expect(test.pValue).toBe(0.125);
    expect(ci).toMatchObject({ low: null, high: null, sides: 'two-sided', method: 'sign-flip-inversion', nullValue: 0 });
  });
  it.each([
    { d: [1.5, -0.3, 2.2, 0.9, 3.1, -0.7], lo: -0.7, hi: 3.1, p: 0.15625 },
    { d: [0.5, 1.25, -0.75, 2.0, 1.0, 0.25, 3.5, -1.5, 2.75, 0.125], lo: -0.1875, hi: 2.0, p: 0.1015625 },
    { d: [-2.1, -0.4, -3.3, -1.7, 0.2, -2.9, -0.8, -1.1], lo: -2.6333333333333333, hi: -0.43333333333333335, p: 0.015625 },
  ])('bounds are the brute-force order statistics of the subset means (n = $d.length)', ({ d, lo, hi, p }) => {
    const { test, ci } = intervalOf(d);
    expect(test.pValue).toBe(p);
    expect(ci.low).toBeCloseTo(lo, 10); // ties count within ε = 1e-12·Σ|Δ|, which moves a bound by ε/(2|F|)
    expect(ci.high).toBeCloseTo(hi, 10);
  });
  it('excludes 0 exactly when p < α, exact enumeration (random differences, ties and integer data included)', () => {
    const value = fc.oneof(fc.double({ min: -5, max: 5, noNaN: true }), fc.integer({ min: -3, max: 3 }));
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 12 }), fc.constantFrom(0.8, 0.9, 0.95, 0.99), (d, level) => {
        const { test, ci } = intervalOf(d, { permutations: 1, seed: 1 }, level);
        expect(excludesNullValue(ci)).toBe(test.pValue < Number((1 - level).toFixed(12)));
        if (ci.low !== null && ci.high !== null) expect(ci.low).toBeLessThanOrEqual(ci.high);
      }),
      { numRuns: 300, seed: 11 },
    );
  });
  it('excludes 0 exactly when p < α, Monte Carlo flips', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -3, max: 5, noNaN: true }), { minLength: 2, maxLength: 40 }), fc.integer({ min: 1, max: 1000 }), (d, seed) => {
        const { test, ci } = intervalOf(d, { exactLimit: 0, permutations: 400, seed });
        expect(test.method).toBe('monte-carlo');
        expect(ci.method).toBe('sign-flip-inversion-monte-carlo');
        expect(excludesNullValue(ci)).toBe(test.pValue < 0.05);
      }),
      { numRuns: 120, seed: 12 },
    );
  });
  it('shifting every difference by c shifts the exact interval by c (within rounding)', () => {
    const d = [0.5, 1.25, -0.75, 2.0, 1.0, 0.25, 3.5, -1.5, 2.75, 0.125];
    const a = intervalOf(d).ci;
    const b = intervalOf(d.map((x) => x + 10)).ci;
    expect(b.low! - 10).toBeCloseTo(a.low!, 9);
    expect(b.high! - 10).toBeCloseTo(a.high!, 9);
  });
});
