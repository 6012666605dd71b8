// Pairwise judge swaps are summarised by positional consistency (a rate); the verdict is the
// binomial test of recency against primacy among the inconsistent verdicts.
import type { PairwisePositionResult } from '../../../core/lmRun/types';
import { significanceOf } from '../../../core/significance';
import { formatPercent } from '../../numberFormat';
import { makeHeadline, threeDecimals } from '../shared/headline';
import type { FamilySummary, Headline } from '../types';

export const pairwiseHeadline = (r: PairwisePositionResult): Headline =>
  makeHeadline('Positional consistency', r.summary.positionalConsistency, formatPercent(r.summary.positionalConsistency), null, r.summary.sideTest?.pValue ?? null, 'primacy vs recency p');

export function summarizePairwise(r: PairwisePositionResult): FamilySummary {
  const s = r.summary;
  const side = s.preferenceFairness > 0 ? 'favours the second position' : s.preferenceFairness < 0 ? 'favours the first position' : 'no side favoured';
  return {
    headline: pairwiseHeadline(r),
    reading: `The judge picked the same answer in both orders for ${formatPercent(s.positionalConsistency)} of ${s.valid} valid pairs; preference fairness ${threeDecimals(s.preferenceFairness)} (${side}).`,
    significance: significanceOf(s.sideTest?.pValue ?? null),
  };
}
