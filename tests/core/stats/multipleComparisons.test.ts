// Holm and Benjamini–Hochberg: hand-checked values (R p.adjust) and invariants.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyBatchCorrections, benjaminiHochbergAdjust, holmAdjust } from '../../../src/core/stats/multipleComparisons';
import { asPValue, type PValue } from '../../../src/core/units';
import { InvalidOptionError } from '../../../src/core/errors';

describe('p.adjust equivalents', () => {
  it('match R on a hand-worked example', () => {
    // R: p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm") = 0.03 0.06 0.06 0.02
    //    p.adjust(c(0.01, 0.04, 0.03, 0.005), "BH")   = 0.02 0.04 0.04 0.02
    const p = [0.01, 0.04, 0.03, 0.005];
    holmAdjust(p).forEach((v, i) => expect(v).toBeCloseTo([0.03, 0.06, 0.06, 0.02][i]!, 15));
    benjaminiHochbergAdjust(p).forEach((v, i) => expect(v).toBeCloseTo([0.02, 0.04, 0.04, 0.02][i]!, 15));
  });
  it('empty input gives empty output; a single p is unchanged', () => {
    expect(holmAdjust([])).toEqual([]);
    expect(benjaminiHochbergAdjust([0.3])).toEqual([0.3]);
    expect(holmAdjust([0.3])).toEqual([0.3]);
  });
  const pVector = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 });
  it('p ≤ BH ≤ Holm ≤ 1, and both preserve the order of the raw p-values', () => {
    fc.assert(
      fc.property(pVector, (p) => {
        const holm = holmAdjust(p);
        const bh = benjaminiHochbergAdjust(p);
        p.forEach((pi, i) => {
          expect(bh[i]!).toBeGreaterThanOrEqual(pi - 1e-15);
          expect(holm[i]!).toBeGreaterThanOrEqual(bh[i]! - 1e-15);
          expect(holm[i]!).toBeLessThanOrEqual(1);
          p.forEach((pj, j) => {
            if (pi <= pj) {
              expect(holm[i]!).toBeLessThanOrEqual(holm[j]!);
              expect(bh[i]!).toBeLessThanOrEqual(bh[j]!);
            }
          });
        });
      }),
    );
  });
  it('applyBatchCorrections fills pHolm and pBH without mutating its input', () => {
    const results = [0.01, 0.2, 0.03].map((p) => ({ pValue: asPValue(p), pHolm: null as PValue | null, pBH: null as PValue | null, id: p }));
    const corrected = applyBatchCorrections(results);
    expect(corrected.map((r) => r.pHolm)).toEqual(holmAdjust([0.01, 0.2, 0.03]));
    expect(corrected.map((r) => r.pBH)).toEqual(benjaminiHochbergAdjust([0.01, 0.2, 0.03]));
    expect(results[0]!.pHolm).toBeNull();
  });
  it('rejects p-values outside [0, 1]', () => {
    expect(() => holmAdjust([0.5, 1.5])).toThrow(InvalidOptionError);
    expect(() => benjaminiHochbergAdjust([Number.NaN])).toThrow(InvalidOptionError);
  });
});
