// Counterfactual pairs and templates both end in a summary of paired log-prob differences
// (core/stats DeltaSummary): the same headline, reading, verdict and metric rows.
import type { DeltaSummary } from '../../../core/lmRun/types';
import { significanceOf } from '../../../core/significance';
import { formatPercent } from '../../numberFormat';
import type { CsvRow, FamilySummary, Headline } from '../types';
import { num } from './csvCells';
import { makeHeadline, threeDecimals } from './headline';

export const deltaHeadline = (r: { summary: DeltaSummary }): Headline =>
  makeHeadline('Mean Δ log-prob', r.summary.meanDelta, threeDecimals(r.summary.meanDelta), r.summary.ci, r.summary.signFlip.pValue, 'sign-flip p');

export function summarizeDeltas(r: { summary: DeltaSummary }): FamilySummary {
  const s = r.summary;
  const headline = deltaHeadline(r);
  const significance = significanceOf(s.signFlip.pValue);
  const dir = s.meanDelta > 0 ? 'more' : 'less';
  return {
    headline,
    reading: `The model finds the more-stereotypical sentence ${dir} likely on average (${formatPercent(s.pctStereotype)} of ${s.n} pairs favour it)${significance?.significant ? '' : '; the difference is not statistically significant'}; ${headline.text}.`,
    significance,
  };
}

/** mean_delta (paired sign-flip, two-sided), pct_stereotype (exact sign test vs ½ on non-tied pairs), likelihood_diff, ties. */
export const deltaRows = (scope: string, s: DeltaSummary): CsvRow[] => [
  {
    scope,
    metric: 'mean_delta',
    value: num(s.meanDelta),
    ci_low: num(s.ci?.low),
    ci_high: num(s.ci?.high),
    ci_level: num(s.ci?.level),
    p_value: num(s.signFlip.pValue),
    p_method: s.signFlip.method,
    permutations: s.signFlip.permutations,
    n: s.n,
  },
  { scope, metric: 'pct_stereotype', value: num(s.pctStereotype), p_value: num(s.signTest?.pValue), p_method: s.signTest ? 'exact' : null, n: s.n },
  { scope, metric: 'likelihood_diff', value: num(s.likelihoodDiff), n: s.n },
  { scope, metric: 'ties', value: s.ties, n: s.n },
];
