// The t interval that inverts the one-sample t-test. References from scipy 1.17.1, run once with
// /usr/bin/python3 and pasted as literals:
//   r = stats.ttest_1samp(x, 0); se = x.std(ddof=1)/sqrt(n); stats.t.interval(0.95, n - 1, loc=x.mean(), scale=se)
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { excludesNullValue } from '../../../src/core/intervals';
import { oneSampleTTest } from '../../../src/core/stats/oneSampleTTest';
import { oneSampleTInterval } from '../../../src/core/stats/tInterval';

const SCIPY = [
  { x: [0.12, 0.3, -0.05, 0.41, 0.22], p: 0.0635631549824157, low: -0.018087951512298722, high: 0.4180879515122987 },
  { x: [0.5, -0.2, 0.1, 0.05, -0.3, 0.2, 0.0, -0.1], p: 0.733263327431598, low: -0.17708234471407153, high: 0.23958234471407153 },
  { x: [1.0, 1.2], p: 0.057715876752608926, low: -0.17062047361746902, high: 2.3706204736174694 },
  { x: [-0.4, -0.35, -0.5, -0.42, -0.38, -0.6, -0.45], p: 8.82103942275486e-6, low: -0.5210989994620833, high: -0.3646152862522025 },
];

describe('t interval (inverted one-sample t-test)', () => {
  it.each(SCIPY)('as scipy t.interval: $x', ({ x, p, low, high }) => {
    const test = oneSampleTTest(x, 0);
    expect(test.pValue).toBeCloseTo(p, 10);
    const ci = oneSampleTInterval(test, 0.95)!;
    expect(ci.low!).toBeCloseTo(low, 9);
    expect(ci.high!).toBeCloseTo(high, 9);
    expect(ci).toMatchObject({ method: 't', sides: 'two-sided', nullValue: 0 });
  });
  it('excludes 0 exactly when p < α over random samples and levels', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1, max: 1.5, noNaN: true }), { minLength: 2, maxLength: 30 }), fc.constantFrom(0.9, 0.95, 0.99), (x, level) => {
        const test = oneSampleTTest(x, 0);
        const ci = oneSampleTInterval(test, level);
        if (ci === null) {
          expect(test.pValue).toBeNaN();
          return;
        }
        expect(excludesNullValue(ci)).toBe(test.pValue < Number((1 - level).toFixed(12)));
      }),
      { numRuns: 300, seed: 31 },
    );
  });
  it('zero variance: the point x̄ (excluding 0 when x̄ ≠ 0, p = 0), or no interval when x̄ = 0 (p NaN)', () => {
    expect(oneSampleTInterval(oneSampleTTest([0.5, 0.5], 0), 0.95)).toMatchObject({ low: 0.5, high: 0.5 });
    expect(oneSampleTInterval(oneSampleTTest([0, 0, 0], 0), 0.95)).toBeNull();
  });
});
