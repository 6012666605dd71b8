// Decision templates are summarised by their first comparison: how much changing one attribute
// from its reference value moves the logit of a "yes" (stratified permutation test). The verdict
// uses the comparison's Holm-adjusted p when the run adjusted it across the probe's comparisons.
import type { DecisionTemplateResult } from '../../../core/lmRun/types';
import { significanceOf } from '../../../core/significance';
import { makeHeadline, threeDecimals } from '../shared/headline';
import type { FamilySummary, Headline } from '../types';

export function decisionHeadline(r: DecisionTemplateResult): Headline {
  const c = r.comparisons[0];
  if (!c) return makeHeadline('Mean logit P(yes)', r.meanLogit, threeDecimals(r.meanLogit), null, null);
  return makeHeadline(`Δ logit ${c.value} vs ${c.reference}`, c.difference, threeDecimals(c.difference), c.ci, c.pValue);
}

export function summarizeDecision(r: DecisionTemplateResult): FamilySummary {
  const headline = decisionHeadline(r);
  const c = r.comparisons[0];
  if (!c) return { headline, reading: `Mean logit of a “yes” over all prompts: ${threeDecimals(r.meanLogit)}.`, significance: null };
  const significance = significanceOf(c.pValue, c.pHolm);
  return {
    headline,
    reading: `Changing ${c.attribute} from ${c.reference} to ${c.value} makes a “yes” ${c.difference > 0 ? 'more' : 'less'} likely${significance?.significant ? '' : ' (not statistically significant)'}; ${headline.text}.`,
    significance,
  };
}
