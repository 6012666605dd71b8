// The Mann–Whitney U test against scipy 1.10.1's mannwhitneyu with its defaults (two-sided, method
// "auto", continuity correction): tests/fixtures/holistic-bias/mann-whitney-scipy.json was written by
// mann-whitney-scipy.py beside it (/usr/bin/python3 mann-whitney-scipy.py > mann-whitney-scipy.json):
// exact cases (no ties, a sample of ≤ 8), tied ones and large ones (normal approximation), all tied.
import { describe, expect, it } from 'vitest';
import { mannWhitneyU } from '../../../src/core/stats/mannWhitneyU';
import scipyCases from '../../fixtures/holistic-bias/mann-whitney-scipy.json';

describe('mannWhitneyU', () => {
  it.each(scipyCases.map((c, i) => ({ ...c, i })))('case $i: U1 and p as scipy.stats.mannwhitneyu', ({ x, y, u1, p }) => {
    const r = mannWhitneyU(x, y);
    expect(r.u1).toBe(u1);
    expect(r.pValue).toBeCloseTo(p, 12);
  });

  it('exact p of two fully separated samples of 4 is 2/C(8,4) = 1/35', () => {
    const r = mannWhitneyU([1, 2, 3, 4], [5, 6, 7, 8]);
    expect(r.method).toBe('exact');
    expect(r.pValue).toBeCloseTo(2 / 70, 15);
  });

  it('uses the normal approximation when the pooled sample has a tie, or both samples exceed 8', () => {
    expect(mannWhitneyU([1, 2, 2], [3, 4]).method).toBe('asymptotic');
    expect(mannWhitneyU([1, 2, 3, 4, 5, 6, 7, 8, 9], [10, 11, 12, 13, 14, 15, 16, 17, 18]).method).toBe('asymptotic');
    expect(mannWhitneyU([1, 2, 3, 4, 5, 6, 7, 8], [10, 11, 12, 13, 14, 15, 16, 17, 18]).method).toBe('exact');
  });

  it('refuses an empty sample', () => {
    expect(() => mannWhitneyU([], [1])).toThrow(/at least one value/);
  });
});
