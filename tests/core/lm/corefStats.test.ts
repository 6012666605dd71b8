// The statistics of the pronoun-resolution family against independent references: the exact
// McNemar p (scipy.stats.binomtest on the discordant pairs, as statsmodels mcnemar(exact=True)) and
// Pearson's r with its p (scipy.stats.pearsonr), values printed by /usr/bin/python3 with scipy 1.x:
//   binomtest(6, 6).pvalue = 0.03125; binomtest(3, 10).pvalue = 0.34375
//   pearsonr([1.0,2.5,3.1,4.8,5.0,7.2], [2.1,2.0,3.9,4.2,6.5,6.1]) = (0.8731986234274116, 0.023098490035397948)
import { describe, expect, it } from 'vitest';
import { accuracyGap } from '../../../src/core/lm/coref/accuracyGap';
import { chosenCandidate, refersToContinuation, refersToPrefix } from '../../../src/core/lm/coref/refersToPrompt';
import { mcnemarExact } from '../../../src/core/stats/mcnemarExact';
import { pearsonTest } from '../../../src/core/stats/pearsonTest';

describe('mcnemarExact', () => {
  it('is the two-sided binomial test of the discordant pairs at ½', () => {
    expect(mcnemarExact(6, 0).pValue).toBeCloseTo(0.03125, 14);
    expect(mcnemarExact(3, 7).pValue).toBeCloseTo(0.34375, 14);
    expect(mcnemarExact(0, 0).pValue).toBe(1);
  });
  it('refuses counts that are not non-negative integers', () => {
    expect(() => mcnemarExact(-1, 2)).toThrow(/non-negative integer/);
  });
});

describe('pearsonTest', () => {
  it('matches scipy.stats.pearsonr', () => {
    const t = pearsonTest([1.0, 2.5, 3.1, 4.8, 5.0, 7.2], [2.1, 2.0, 3.9, 4.2, 6.5, 6.1]);
    expect(t.r).toBeCloseTo(0.8731986234274116, 12);
    expect(t.pValue!).toBeCloseTo(0.023098490035397948, 10);
  });
  it('has no p for a constant series', () => {
    expect(pearsonTest([1, 2, 3], [4, 4, 4]).pValue).toBeNull();
  });
});

describe('accuracyGap', () => {
  it('counts accuracies over all sentences and tests only complete pairs', () => {
    // Pairs k1..k3 (pro, anti): (right, wrong), (right, right), (wrong, wrong); an anti sentence
    // without a partner (k4, right) counts in the accuracy only. pro 2/3, anti 2/4, gap 1/6;
    // discordant: b = 1 (k1), c = 0, so p = binomtest(1, 1) = 1.
    const g = accuracyGap(
      [
        { condition: 'pro', pairKey: 'k1', correct: true },
        { condition: 'anti', pairKey: 'k1', correct: false },
        { condition: 'pro', pairKey: 'k2', correct: true },
        { condition: 'anti', pairKey: 'k2', correct: true },
        { condition: 'pro', pairKey: 'k3', correct: false },
        { condition: 'anti', pairKey: 'k3', correct: false },
        { condition: 'anti', pairKey: 'k4', correct: true },
      ],
      'pro',
      'anti',
    );
    expect(g.first).toEqual({ n: 3, correct: 2, accuracy: 2 / 3 });
    expect(g.second).toEqual({ n: 4, correct: 2, accuracy: 0.5 });
    expect(g.gap).toBeCloseTo(1 / 6, 15);
    expect([g.pairs, g.firstOnly, g.secondOnly, g.p]).toEqual([3, 1, 0, 1]);
  });
});

describe('the refers-to prompt', () => {
  it('keeps the pronoun in the sentence and scores the referent after it', () => {
    expect(refersToPrefix('The developer argued with the designer because he did not like the design.', 'he')).toBe(
      'The developer argued with the designer because he did not like the design. "he" refers to',
    );
    expect(refersToContinuation('the developer')).toBe(' the developer');
    expect(chosenCandidate([-1, -2])).toBe(0);
    expect(chosenCandidate([-3, -2])).toBe(1);
    expect(chosenCandidate([-2, -2])).toBeNull();
  });
});
