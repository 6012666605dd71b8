// The central exact binomial test and its Clopper–Pearson interval. References from scipy 1.17.1,
// run once with /usr/bin/python3 and pasted as literals:
//   r = scipy.stats.binomtest(k, n, 0.5); ci = r.proportion_ci(0.95, 'exact')  → [k, n, r.pvalue, ci.low, ci.high]
// (against ½ scipy's default two-sided p equals the central p, the distribution being symmetric), and
// for p₀ = 0.3: min(1, 2·min(binom.cdf(3, 20, 0.3), binom.sf(2, 20, 0.3))) and
// binomtest(3, 20, 0.3).proportion_ci(0.9, 'exact').
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InvalidOptionError } from '../../../src/core/errors';
import { excludesNullValue } from '../../../src/core/intervals';
import { centralBinomialP, clopperPearsonInterval } from '../../../src/core/stats/centralBinomialTest';

const SCIPY: [k: number, n: number, p: number, low: number, high: number][] = [
  [0, 5, 0.0625, 0.0, 0.5218237501049814],
  [5, 5, 0.0625, 0.47817624989501856, 1.0],
  [7, 10, 0.34375, 0.3475471499399921, 0.9332604888222655],
  [12, 40, 0.01658900337497471, 0.16562720439323564, 0.4653162852541244],
  [31, 40, 0.0006795482549932785, 0.6154883226965773, 0.8916033610159492],
  [50, 100, 1.0, 0.39832112950330095, 0.6016788704966991],
  [1, 3, 1.0, 0.008403758659612647, 0.9057006759492866],
  [0, 1, 1.0, 0.0, 0.975],
  [17, 18, 0.00014495849609375, 0.7270564003267911, 0.998594443832626],
  [250, 400, 6.531819212838477e-7, 0.575521788661425, 0.67261376127048],
];

describe('central exact binomial test and Clopper–Pearson interval', () => {
  it.each(SCIPY)('k = %i of n = %i: p and 95%% interval as scipy', (k, n, p, low, high) => {
    expect(centralBinomialP(k, n)).toBeCloseTo(p, 12);
    expect(Math.abs(centralBinomialP(k, n) - p)).toBeLessThanOrEqual(1e-9 * p);
    const ci = clopperPearsonInterval(k, n, 0.95);
    expect(ci.low!).toBeCloseTo(low, 12);
    expect(ci.high!).toBeCloseTo(high, 12);
    expect(ci).toMatchObject({ method: 'clopper-pearson', sides: 'two-sided', nullValue: 0.5 });
  });
  it('another null value and level: 3 of 20 against 0.3 at 90%', () => {
    expect(centralBinomialP(3, 20, 0.3)).toBeCloseTo(0.21417360900746174, 12);
    const ci = clopperPearsonInterval(3, 20, 0.9, 0.3);
    expect(ci.low!).toBeCloseTo(0.042169407885778595, 12);
    expect(ci.high!).toBeCloseTo(0.34366380431470434, 12);
  });
  it('excludes p₀ exactly when p < α, over random counts, null values and levels', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0.5, 0.5, 0.1, 0.73), fc.constantFrom(0.9, 0.95, 0.99), (n, u, p0, level) => {
        const k = Math.min(n, Math.floor(u * (n + 1)));
        const ci = clopperPearsonInterval(k, n, level, p0);
        expect(excludesNullValue(ci)).toBe(centralBinomialP(k, n, p0) < Number((1 - level).toFixed(12)));
        expect(ci.low!).toBeLessThanOrEqual(k / n);
        expect(ci.high!).toBeGreaterThanOrEqual(k / n);
      }),
      { numRuns: 400, seed: 21 },
    );
  });
  it('named errors', () => {
    expect(() => centralBinomialP(3, 0)).toThrow(InvalidOptionError);
    expect(() => clopperPearsonInterval(4, 3, 0.95)).toThrow(InvalidOptionError);
    expect(() => clopperPearsonInterval(1, 3, 1)).toThrow(InvalidOptionError);
  });
});
