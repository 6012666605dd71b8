// A counterfactual card's category rows: the whisker beside each category's sign-flip marker is that
// test's own interval (it leaves out 0 exactly when the category's p < 0.05, over random differences),
// and the pair bootstrap appears only as the robust whisker, from 10 pairs on.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { summarizeDeltas } from '../../../src/core/lm/counterfactual/summarizeDeltas';
import { categoryRow } from '../../../src/ui/families/shared/CounterfactualBody';

const OPTIONS = { bootstrap: 200, confidenceLevel: 0.95, permutations: 500, exactLimit: 12, seed: 1 };
const summary = (d: number[]) => summarizeDeltas(Float64Array.from(d), OPTIONS, { permutation: 3, bootstrap: 4 });

describe('counterfactual category rows', () => {
  it('the interval excludes 0 ⇔ the marker is significant (exact and Monte-Carlo sign flips)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -3, max: 5, noNaN: true }), { minLength: 1, maxLength: 20 }), (d) => {
        const row = categoryRow('gender', summary(d));
        expect(row.ci!.low > 0 || row.ci!.high < 0).toBe(row.verdict === 'significant');
      }),
      { numRuns: 150, seed: 11 },
    );
  });
  it('4 pairs: unbounded test interval and no bootstrap; 12 pairs: the bootstrap is the robust whisker, not the interval', () => {
    const few = categoryRow('race', summary([-14.71, -1.24, -3.5, -8.0]));
    expect(few.ci).toEqual({ low: -Infinity, high: Infinity });
    expect(few.robust).toBeNull();
    const s = summary([0.4, 1.1, -0.2, 0.9, 1.6, 0.3, 0.8, -0.1, 1.2, 0.5, 0.7, 1.0]);
    const row = categoryRow('age', s);
    expect(row.robust).toEqual({ low: s.ci!.low, high: s.ci!.high });
    expect(row.ci).toEqual({ low: s.testCi!.low, high: s.testCi!.high });
    expect(row.ci).not.toEqual(row.robust);
  });
});
