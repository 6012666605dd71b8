// Pairwise judge swaps: positional consistency (Shi et al. 2024) says how often order did not matter;
// among the verdicts order did decide, the central exact binomial test asks whether the judge leans to
// one position (recency share against ½), with the Clopper–Pearson interval that inverts it. The
// headline is that tested share when there is one (so its interval and p belong together), otherwise
// the consistency rate with a descriptive interval and no verdict.
import type { PairwisePositionResult } from '../../../core/lmRun/types';
import { significanceOf } from '../../../core/significance';
import { formatPercent } from '../../numberFormat';
import { chanceSentence, headlineInterval, makeHeadline, proportionMagnitude, threeDecimals } from '../shared/headline';
import type { FamilySummary, Headline } from '../types';

export const pairwiseHeadline = (r: PairwisePositionResult): Headline => {
  const s = r.summary;
  if (s.sideTest) {
    return makeHeadline('Second-position wins when order decided', s.recencyShare, formatPercent(s.recencyShare), s.sideTest.ci ? headlineInterval(s.sideTest.ci) : null, s.sideTest.pValue, 'primacy vs recency p');
  }
  return makeHeadline('Positional consistency', s.positionalConsistency, formatPercent(s.positionalConsistency), s.consistencyCi ? headlineInterval(s.consistencyCi) : null, null);
};

export function summarizePairwise(r: PairwisePositionResult): FamilySummary {
  const s = r.summary;
  const side = s.preferenceFairness > 0 ? 'favours the second position' : s.preferenceFairness < 0 ? 'favours the first position' : 'no side favoured';
  const significance = significanceOf(s.sideTest?.pValue ?? null);
  const inconsistent = s.primacy + s.recency;
  return {
    headline: pairwiseHeadline(r),
    reading: `The judge picked the same answer in both orders for ${formatPercent(s.positionalConsistency)} of ${s.valid} valid pairs; preference fairness ${threeDecimals(s.preferenceFairness)} (${side}).`,
    plain: {
      direction:
        inconsistent === 0
          ? `The judge picked the same answer in both orders for all ${s.valid} valid pairs: order never decided.`
          : `Order decided ${inconsistent} of ${s.valid} verdicts; in those the judge picked the ${s.recency > s.primacy ? 'second' : s.recency < s.primacy ? 'first' : 'first and second'} position ${s.recency === s.primacy ? 'equally often' : 'more often'} (${formatPercent(s.recencyShare)} second).`,
      magnitude: inconsistent > 0 ? proportionMagnitude(s.recencyShare) : null,
      chance: chanceSentence(significance, 'primacy vs recency p'),
    },
    significance,
  };
}
