// The one significance rule: which p is compared with α = 0.05, and the sentence every card shows.
// Expected values by hand: Holm over m = 3 tests with p = 0.02 gives at least 3 × 0.02 = 0.06.
import { describe, expect, it } from 'vitest';
import { significanceOf } from '../../src/core/significance';

describe('significanceOf', () => {
  it('compares the test’s own p with α when the batch did not adjust it', () => {
    expect(significanceOf(0.03)).toEqual({ p: 0.03, basis: 'raw', alpha: 0.05, significant: true, statement: 'Significant at α = 0.05 (p = 0.0300).' });
  });

  it('compares the Holm-adjusted p when the batch adjusted it, even where the raw p would pass', () => {
    expect(significanceOf(0.02, 0.06)).toEqual({ p: 0.06, basis: 'holm', alpha: 0.05, significant: false, statement: 'Not significant at α = 0.05 (Holm-adjusted p = 0.0600).' });
  });

  it('a batch of one (Holm returns p itself) is stated as the plain p', () => {
    expect(significanceOf(0.01, 0.01)).toMatchObject({ basis: 'raw', statement: 'Significant at α = 0.05 (p = 0.0100).' });
  });

  it('p exactly at α is not significant (p < α), and tiny p is written as a bound', () => {
    expect(significanceOf(0.05)!.significant).toBe(false);
    expect(significanceOf(0.00001)!.statement).toBe('Significant at α = 0.05 (p < 0.0001).');
  });

  it('a descriptive number (no p, or NaN) gets no verdict', () => {
    expect(significanceOf(null)).toBeNull();
    expect(significanceOf(undefined, 0.01)).toBeNull();
    expect(significanceOf(Number.NaN)).toBeNull();
  });
});
