// The WEAT family's plain-language reading (its summary) and the number formats every card uses.
import { describe, expect, it } from 'vitest';
import type { EffectSize, PValue } from '../../src/core/units';
import type { AssociationResult } from '../../src/core/association/types';
import { familyOf } from '../../src/probes/families';
import { formatD, formatP } from '../../src/probes/numberFormat';
import { flowersResult } from '../state/fixtures';

const plainReading = (r: AssociationResult): string => familyOf(r.kind).summarize(r).reading;

const testCi = (low: number | null) => ({ level: 0.95, low, high: null, sides: 'lower' as const, method: 'permutation-inversion', nullValue: 0 });

describe('plainReading', () => {
  it('reads a significant positive d with its size class, the test interval beside p and the robust interval named', () => {
    expect(plainReading(flowersResult({ testCi: testCi(0.52) }))).toBe(
      'Flowers are more associated with pleasant words than insects are, a large effect; d = 1.17, 95% CI [0.52, ∞) (permutation test inverted), p = 0.0001 (Monte Carlo, 100,000 permutations), stimulus-robust 95% CI [0.63, 1.52].',
    );
  });
  it('a record of method version 1 (no test interval) shows its bootstrap as the stimulus-robust interval only', () => {
    expect(plainReading(flowersResult())).toBe(
      'Flowers are more associated with pleasant words than insects are, a large effect; d = 1.17, p = 0.0001 (Monte Carlo, 100,000 permutations), stimulus-robust 95% CI [0.63, 1.52].',
    );
  });
  it('swaps the targets when d is negative and names the size class of |d|', () => {
    const r = flowersResult({ effectSize: -0.6 as EffectSize, ci: { level: 0.9, low: -1.2, high: -0.3, method: 'bca', resamples: 500 } });
    expect(plainReading(r)).toMatch(/^Insects are more associated with pleasant words than flowers are, a medium effect; d = -0.60, .*stimulus-robust 90% CI \[-1.20, -0.30\]/);
  });
  it('says a non-significant result is not significant without calling a large d slight, and names exact tests', () => {
    const r = flowersResult({ pValue: 0.3 as PValue, pMethod: 'exact', permutations: 70, testCi: testCi(-0.4) });
    expect(plainReading(r)).toContain('insects are, a large effect, but the difference is not statistically significant; d = 1.17, 95% CI [-0.40, ∞)');
    expect(plainReading(r)).toContain('(exact, all 70 partitions)');
  });
  it('adds "terms"/"words" to bare labels and keeps proper nouns, hyphenated too', () => {
    const r = flowersResult({ labels: { X: 'Math', Y: 'Arts', A: 'Male terms', B: 'Female terms' } });
    expect(plainReading(r)).toMatch(/^Math terms are more associated with male terms than arts terms are,/);
    const n = flowersResult({ labels: { X: 'European American names', Y: 'African American names', A: 'Pleasant', B: 'Unpleasant' } });
    expect(plainReading(n)).toMatch(/^European American names are more associated with pleasant words than African American names are,/);
    const h = flowersResult({ labels: { X: 'European-American names', Y: 'African-American names', A: 'Pleasant', B: 'Unpleasant' } });
    expect(plainReading(h)).toMatch(/than African-American names are,/);
  });
  it('says when there is no bootstrap', () => {
    expect(plainReading(flowersResult({ ci: null }))).toContain('no stimulus-robust CI (bootstrap off)');
  });
});

describe('number formats', () => {
  it('formats d to three decimals and p without false zeros', () => {
    expect(formatD(1.17349)).toBe('1.173');
    expect(formatP(0.04567)).toBe('0.0457');
    expect(formatP(1 / 100_001)).toBe('0.00001');
    expect(formatP(null)).toBe('—');
  });
});
