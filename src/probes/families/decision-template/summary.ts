// Decision templates are summarised by their largest difference: of every (attribute, value vs
// reference) contrast, the one with the largest |Δ logit|, with how many contrasts are significant
// after Holm across the probe's contrasts — so the headline answers "is there bias, how big" instead
// of showing whichever contrast came first. The verdict uses that contrast's Holm-adjusted p.
//
// Intervals: beside the permutation p, that test inverted (core's testCi: it excludes 0 exactly when
// the contrast's own p < α); the cluster bootstrap over questions as the named stimulus-robust
// interval, with one sentence when the two disagree about 0. A record made before the test interval
// existed has no testCi, and its headline then carries no test interval rather than the bootstrap.
import { excludesNullValue } from '../../../core/intervals';
import type { AttributeComparison } from '../../../core/lm/decision/attributeDifferences';
import type { DecisionTemplateResult } from '../../../core/lmRun/types';
import { significanceOf } from '../../../core/significance';
import { formatAdaptive } from '../../numberFormat';
import { chanceSentence, excludesNothing, headlineInterval, makeHeadline } from '../shared/headline';
import type { FamilySummary, Headline } from '../types';

const RESAMPLED = 'the questions';

/** The contrast with the largest |Δ logit| (the first of equals), or undefined when there is none. */
export const largestContrast = (r: Pick<DecisionTemplateResult, 'comparisons'>): AttributeComparison | undefined =>
  r.comparisons.reduce<AttributeComparison | undefined>((best, c) => (best === undefined || Math.abs(c.difference) > Math.abs(best.difference) ? c : best), undefined);

/** How many contrasts are significant under the one rule (Holm across the probe's contrasts). */
export const significantCount = (r: Pick<DecisionTemplateResult, 'comparisons'>): number => r.comparisons.filter((c) => significanceOf(c.pValue, c.pHolm)?.significant).length;

const contrastName = (c: AttributeComparison) => `${c.attribute}=${c.value} vs ${c.reference}`;

/** The sentence for when the test interval and the question bootstrap disagree about 0, or the test can exclude nothing; undefined otherwise. */
export function contrastIntervalNote(c: AttributeComparison): string | undefined {
  const test = c.testCi;
  if (!test) return undefined;
  if (excludesNothing(test)) return `${c.questions} question${c.questions === 1 ? '' : 's'} with both groups give too few relabelings for the permutation test to exclude any value at ${Math.round(test.level * 100)}%.`;
  if (!c.ci) return undefined;
  const testExcludes = excludesNullValue(test);
  const robustExcludes = c.ci.low > 0 || c.ci.high < 0;
  if (testExcludes && !robustExcludes) return 'The permutation test excludes 0 but the question bootstrap does not: within the questions asked the difference is consistent, but a few questions carry it, so other questions could move it across 0.';
  if (!testExcludes && robustExcludes) return 'The question bootstrap excludes 0 but the permutation test does not: the bootstrap is too narrow with this few questions, and the test is the one to trust.';
  return undefined;
}

export function decisionHeadline(r: Pick<DecisionTemplateResult, 'comparisons' | 'meanLogit'>): Headline {
  const c = largestContrast(r);
  if (!c) return makeHeadline('Mean logit P(yes)', r.meanLogit, formatAdaptive(r.meanLogit), null, null);
  const counted = `${significantCount(r)} of ${r.comparisons.length} contrast${r.comparisons.length === 1 ? '' : 's'} significant (Holm)`;
  const h = makeHeadline(`Largest difference: ${contrastName(c)}, Δ logit`, c.difference, formatAdaptive(c.difference), c.testCi ? headlineInterval(c.testCi) : null, c.pValue, 'permutation p');
  const note = contrastIntervalNote(c);
  return {
    ...h,
    ...(c.ci ? { robustCi: { low: c.ci.low, high: c.ci.high, level: c.ci.level, resampled: RESAMPLED } } : {}),
    ...(note ? { intervalNote: note } : {}),
    text: `${h.text}; ${counted}`,
  };
}

/**
 * The size of a logit difference as an odds ratio e^|Δ| of a "yes". Logit differences have no
 * standard size classes; Chen, Cohen & Chen (2010) put odds ratios of 1.68, 3.47 and 6.71 at
 * Cohen's d of 0.2, 0.5 and 0.8 (small, medium, large; derived at a 1% base rate) — i.e. |Δ logit| ≥
 * 0.52, 1.24, 1.90.
 */
export function logitMagnitude(difference: number): string {
  const ratio = Math.exp(Math.abs(difference));
  const size = ratio >= 6.71 ? 'Large' : ratio >= 3.47 ? 'Medium' : ratio >= 1.68 ? 'Small' : 'Negligible';
  return `${size}: the odds of a “yes” differ by a factor of ${ratio.toFixed(2)} (small ≥ 1.68, medium ≥ 3.47, large ≥ 6.71; Chen, Cohen & Chen 2010).`;
}

export function summarizeDecision(r: DecisionTemplateResult): FamilySummary {
  const headline = decisionHeadline(r);
  const c = largestContrast(r);
  if (!c) return { headline, reading: `Mean logit of a “yes” over all prompts: ${formatAdaptive(r.meanLogit)}.`, significance: null };
  const significance = significanceOf(c.pValue, c.pHolm);
  const direction = `Changing ${c.attribute} from ${c.reference} to ${c.value} makes a “yes” ${c.difference > 0 ? 'more' : c.difference < 0 ? 'less' : 'no more and no less'} likely — the largest of the ${r.comparisons.length} contrasts.`;
  return {
    headline,
    reading: `${direction.replace(/\.$/, '')}${significance?.significant ? '' : ' (not statistically significant)'}; ${headline.text}.${headline.intervalNote ? ` ${headline.intervalNote}` : ''}`,
    plain: { direction, magnitude: logitMagnitude(c.difference), chance: chanceSentence(significance, 'permutation p') },
    significance,
  };
}
