// The WEAT family's plain-language reading (its summary) and the number formats every card uses.
import { describe, expect, it } from 'vitest';
import type { EffectSize, PValue } from '../../src/core/units';
import type { AssociationResult } from '../../src/core/association/types';
import { familyOf } from '../../src/probes/families';
import { formatD, formatP } from '../../src/probes/numberFormat';
import { flowersResult } from '../state/fixtures';

const plainReading = (r: AssociationResult): string => familyOf(r.kind).summarize(r).reading;

describe('plainReading', () => {
  it('reads a significant positive d as the issue example does', () => {
    expect(plainReading(flowersResult())).toBe(
      'Flowers are more associated with pleasant words than insects are; d = 1.17, 95% CI [0.63, 1.52], p = 0.0001 (Monte Carlo, 100,000 permutations).',
    );
  });
  it('swaps the targets when d is negative', () => {
    const r = flowersResult({ effectSize: -0.8 as EffectSize, ci: { level: 0.9, low: -1.2, high: -0.3, method: 'bca', resamples: 500 } });
    expect(plainReading(r)).toMatch(/^Insects are more associated with pleasant words than flowers are; d = -0.80, 90% CI \[-1.20, -0.30\]/);
  });
  it('hedges when p is not significant and names exact tests', () => {
    const r = flowersResult({ pValue: 0.3 as PValue, pMethod: 'exact', permutations: 70 });
    expect(plainReading(r)).toContain('only slightly more associated');
    expect(plainReading(r)).toContain('not statistically significant');
    expect(plainReading(r)).toContain('(exact, all 70 partitions)');
  });
  it('adds "terms"/"words" to bare labels and keeps proper nouns', () => {
    const r = flowersResult({ labels: { X: 'Math', Y: 'Arts', A: 'Male terms', B: 'Female terms' } });
    expect(plainReading(r)).toMatch(/^Math terms are more associated with male terms than arts terms are;/);
    const n = flowersResult({ labels: { X: 'European American names', Y: 'African American names', A: 'Pleasant', B: 'Unpleasant' } });
    expect(plainReading(n)).toMatch(/^European American names are more associated with pleasant words than African American names are;/);
  });
  it('says when there is no CI', () => {
    expect(plainReading(flowersResult({ ci: null }))).toContain('no CI (bootstrap off)');
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
