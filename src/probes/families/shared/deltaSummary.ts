// Counterfactual pairs and templates both end in a summary of paired log-prob differences
// (core/stats DeltaSummary): the same headline, reading, verdict and metric rows.
//
// Two intervals, kept apart: the one beside the sign-flip p inverts that test (it excludes 0 exactly
// when p < α, and is unbounded when n pairs cannot reach α: 4 pairs cannot give p below 0.125); the
// percentile bootstrap over pairs is the stimulus-robust one ("would another set of pairs give the same
// mean?"), shown only from MIN_PAIRS_FOR_BOOTSTRAP pairs on — below that a percentile bootstrap has too
// few distinct resamples and is too narrow (Efron & Tibshirani 1993, §13.3; Davison & Hinkley 1997,
// §5.3), the very "CI [−14.71, −1.24] beside p = 0.25" this layout replaces.
import type { DeltaSummary } from '../../../core/lmRun/types';
import { excludesNullValue } from '../../../core/intervals';
import { significanceOf } from '../../../core/significance';
import { formatAdaptive, formatP, formatPercent } from '../../numberFormat';
import type { CsvRow, FamilySummary, Headline } from '../types';
import { num } from './csvCells';
import { robustCiCells, testCiCells } from './longCsv';
import { chanceSentence, excludesNothing, headlineInterval, makeHeadline } from './headline';

/** Pairs from which the pair bootstrap is shown as the stimulus-robust interval. */
export const MIN_PAIRS_FOR_BOOTSTRAP = 10;

const ROBUST_RESAMPLED = 'the pairs';

const robustShown = (s: DeltaSummary) => (s.ci && s.n >= MIN_PAIRS_FOR_BOOTSTRAP ? s.ci : null);

/** The smallest two-sided p the exact sign-flip test of n pairs can give: 2·(1/2ⁿ). */
const smallestP = (n: number) => Math.min(1, 2 / 2 ** n);

/** The sentence for when the two intervals disagree about 0, or the test can exclude nothing; undefined otherwise. */
function intervalNote(s: DeltaSummary): string | undefined {
  const test = s.testCi;
  if (!test) return undefined;
  const level = `${Math.round(test.level * 100)}%`;
  if (excludesNothing(test)) return `${s.n} pair${s.n === 1 ? '' : 's'} cannot give a sign-flip p below ${formatP(smallestP(s.n))}: the test cannot exclude any value at ${level}.`;
  const robust = robustShown(s);
  if (!robust) return undefined;
  const testExcludes = excludesNullValue(test);
  const robustExcludes = robust.low > 0 || robust.high < 0;
  if (testExcludes && !robustExcludes) return 'The sign-flip test excludes 0 but the pair bootstrap does not: a few pairs carry the mean, so another set of pairs could move it across 0.';
  if (!testExcludes && robustExcludes) return 'The pair bootstrap excludes 0 but the sign-flip test does not: the bootstrap is too narrow with this few pairs or this skewed a spread of differences, and the test is the one to trust.';
  return undefined;
}

export const deltaHeadline = (r: { summary: DeltaSummary }): Headline => {
  const s = r.summary;
  const robust = robustShown(s);
  const note = intervalNote(s);
  return {
    ...makeHeadline('Mean Δ log-prob', s.meanDelta, formatAdaptive(s.meanDelta), s.testCi ? headlineInterval(s.testCi) : null, s.signFlip.pValue, 'sign-flip p'),
    ...(robust ? { robustCi: { low: robust.low, high: robust.high, level: robust.level, resampled: ROBUST_RESAMPLED } } : {}),
    ...(note ? { intervalNote: note } : {}),
  };
};

/** How many times as likely the favoured sentence is on average: e^|mean Δ| (Δ is a natural-log ratio). */
const likelihoodRatio = (meanDelta: number) => Math.exp(Math.abs(meanDelta));

export function summarizeDeltas(r: { summary: DeltaSummary }): FamilySummary {
  const s = r.summary;
  const headline = deltaHeadline(r);
  const significance = significanceOf(s.signFlip.pValue);
  const dir = s.meanDelta > 0 ? 'more' : 'less';
  const ratio = likelihoodRatio(s.meanDelta);
  const favoured = s.meanDelta >= 0 ? 'more-stereotypical' : 'less-stereotypical';
  return {
    headline,
    reading: `The model finds the more-stereotypical sentence ${dir} likely on average (${formatPercent(s.pctStereotype)} of ${s.n} pairs favour it)${significance?.significant ? '' : '; the difference is not statistically significant'}; ${headline.text}.${headline.intervalNote ? ` ${headline.intervalNote}` : ''}`,
    plain: {
      direction: `The model finds the more-stereotypical sentence ${dir} likely than its counterpart on average; ${formatPercent(s.pctStereotype)} of ${s.n} pairs favour it.`,
      magnitude: `On average the ${favoured} sentence is ${ratio.toFixed(2)} times as likely (e^|mean Δ|, mean Δ log-prob = ${formatAdaptive(s.meanDelta)}); log-probability differences have no standard size classes.`,
      chance: `${chanceSentence(significance, 'sign-flip p')}${s.testCi && excludesNothing(s.testCi) ? ` ${headline.intervalNote}` : ''}`,
    },
    significance,
  };
}

/**
 * mean_delta (paired sign-flip, two-sided; test_ci_* inverts it, robust_ci_* is the pair bootstrap),
 * pct_stereotype (exact sign test vs ½ on non-tied pairs), likelihood_diff, ties. An empty test_ci
 * bound beside a test_ci_method is unbounded (the test cannot reject on that side).
 */
export const deltaRows = (scope: string, s: DeltaSummary): CsvRow[] => [
  {
    scope,
    metric: 'mean_delta',
    value: num(s.meanDelta),
    ...testCiCells(s.testCi),
    ...robustCiCells(s.ci, (ci) => `${ci.method} bootstrap over ${ROBUST_RESAMPLED}`),
    p_value: num(s.signFlip.pValue),
    p_method: s.signFlip.method,
    permutations: s.signFlip.permutations,
    n: s.n,
  },
  { scope, metric: 'pct_stereotype', value: num(s.pctStereotype), p_value: num(s.signTest?.pValue), p_method: s.signTest ? 'exact' : null, n: s.n },
  { scope, metric: 'likelihood_diff', value: num(s.likelihoodDiff), n: s.n },
  { scope, metric: 'ties', value: s.ties, n: s.n },
];
