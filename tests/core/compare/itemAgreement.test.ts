// Item agreement against scipy 1.10.1 (/usr/bin/python3):
//   from scipy.stats import spearmanr, pearsonr
//   a=[0.12,-0.05,0.33,0.33,0.01,-0.2,0.07,0.15]; b=[0.10,-0.01,0.29,0.41,0.01,-0.25,0.02,0.02]
//   spearmanr(a,b).correlation → 0.9518072289156626 ; pearsonr(a,b)[0] → 0.9497139613624513
//   (ties in both: 0.33 twice in a, 0.01/0.02 repeated in b)
import { describe, expect, it } from 'vitest';
import { itemAgreement, type KeyedValue } from '../../../src/core/compare';

const A = [0.12, -0.05, 0.33, 0.33, 0.01, -0.2, 0.07, 0.15];
const B = [0.1, -0.01, 0.29, 0.41, 0.01, -0.25, 0.02, 0.02];
const keyed = (values: number[], prefix = 'w'): KeyedValue[] => values.map((value, i) => ({ key: `${prefix}${i}`, value }));

describe('itemAgreement', () => {
  it('matches scipy spearmanr and pearsonr on items matched by key, whatever their order', () => {
    const shuffled = keyed(B).reverse();
    const g = itemAgreement(keyed(A), shuffled);
    expect(g.n).toBe(8);
    expect(g.spearman).toBeCloseTo(0.9518072289156626, 12);
    expect(g.pearson).toBeCloseTo(0.9497139613624513, 12);
    expect(g.onlyA).toBe(0);
    expect(g.onlyB).toBe(0);
  });

  it('leaves out items of one side only, non-finite values and duplicated keys, and counts them', () => {
    const a = [...keyed(A), { key: 'only-a', value: 1 }, { key: 'nan', value: Number.NaN }, { key: 'dup', value: 1 }, { key: 'dup', value: 2 }];
    const b = [...keyed(B), { key: 'only-b', value: 3 }, { key: 'nan', value: 0.5 }, { key: 'dup', value: 1 }];
    const g = itemAgreement(a, b);
    expect(g.n).toBe(8);
    // the same numbers as the clean eight pairs: nothing unmatched leaked in
    expect(g.spearman).toBeCloseTo(0.9518072289156626, 12);
    expect(g.onlyA).toBe(2); // only-a, nan
    expect(g.onlyB).toBe(2); // only-b, nan
    expect(g.duplicateKeys).toEqual(['dup']);
  });

  it('gives no correlation for fewer than three pairs or a constant side', () => {
    expect(itemAgreement(keyed([1, 2]), keyed([2, 1])).spearman).toBeNull();
    const constant = itemAgreement(keyed([1, 2, 3]), keyed([5, 5, 5]));
    expect(constant.n).toBe(3);
    expect(constant.spearman).toBeNull();
    expect(constant.pearson).toBeNull();
  });

  it('finds nothing to compare between different items', () => {
    const g = itemAgreement(keyed(A, 'x'), keyed(B, 'y'));
    expect(g.n).toBe(0);
    expect(g.onlyA).toBe(8);
    expect(g.onlyB).toBe(8);
  });
});
