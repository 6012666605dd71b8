// Group comparison over scored template variants: each variant set becomes one paired difference
// Δ = LL(stereotyped group's variant) − LL(comparison group's variant), and the same summaries as for
// CrowS-Pairs pairs follow (analyzeCounterfactualPairs), so a template probe and a pair probe report
// comparable numbers. Scores are typically log P(continuation | prefix) summed over the
// continuation's tokens (see expandGroupTemplates).
import { InvalidLmInputError } from '../../errors';
import { analyzeCounterfactualPairs } from '../counterfactual/analyzeCounterfactualPairs';
import type { CounterfactualOptions, CounterfactualPair, CounterfactualResult } from '../counterfactual/types';
import type { ScoredText } from '../scores';

export interface ScoredVariantSet {
  /** Variant-set id (GroupVariantSet.id). */
  id: string;
  /** Optional breakdown key, e.g. the template index or the occupation. */
  category?: string;
  /** Score of each group's variant, keyed by group name. */
  scores: Record<string, ScoredText>;
}

/**
 * Compare two groups across variant sets: Δ_i = LL(variant of `stereotyped`) − LL(variant of
 * `comparison`), summarised as in analyzeCounterfactualPairs (pct with strict >, mean |Δ|, mean Δ
 * with bootstrap CI, sign-flip and sign tests, per category).
 * Source: as analyzeCounterfactualPairs; the paired design comes from expandGroupTemplates.
 * @throws {InvalidLmInputError} when the two groups are the same or a set lacks a group's score
 * @throws the errors of analyzeCounterfactualPairs
 */
export function compareGroupVariants(
  sets: readonly ScoredVariantSet[],
  stereotyped: string,
  comparison: string,
  options: CounterfactualOptions,
  probeId = 'templates',
): CounterfactualResult {
  if (stereotyped === comparison) throw new InvalidLmInputError(`compare two different groups, got "${stereotyped}" twice`);
  const pairs: CounterfactualPair[] = sets.map((set) => {
    const more = set.scores[stereotyped];
    const less = set.scores[comparison];
    if (!more) throw new InvalidLmInputError(`variant set "${set.id}" has no score for group "${stereotyped}"`);
    if (!less) throw new InvalidLmInputError(`variant set "${set.id}" has no score for group "${comparison}"`);
    return { id: set.id, category: set.category, more, less };
  });
  return analyzeCounterfactualPairs(pairs, options, `${probeId}:${stereotyped}-vs-${comparison}`);
}
