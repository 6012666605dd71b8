// Per-pair log-likelihood differences. Both scales are always computed (they are cheap and the
// results table shows both); the analysis then picks one. Validation happens here, once, so every
// later step can assume finite numbers.
import { InvalidLmInputError } from '../../errors';
import { checkScoredText } from '../scores';
import { roundHalfEven } from './roundHalfEven';
import type { CounterfactualPair, DeltaScale, PairDelta } from './types';

/**
 * Δ_sum = LL(more) − LL(less) and Δ_token = LL(more)/T(more) − LL(less)/T(less) for every pair;
 * `delta` is the one selected by `scale`. With `roundScoresTo` = d, each of the four sentence scores
 * is first rounded to d decimals half-to-even (Python round), as nyu-mll/crows-pairs metric.py does
 * with d = 3 before comparing.
 * Source: lm-evaluation-harness `lm_eval/tasks/crows_pairs/utils.py` (`process_results`: the two
 * full-sentence log-likelihoods); Nangia et al. (2020), EMNLP, §3 (PLL for masked LMs).
 * @throws {InvalidLmInputError} when there are no pairs or two pairs share an id
 * @throws {InvalidLmScoreError} when a log-probability is not finite or > 0, or tokens < 1
 */
export function pairDeltas(pairs: readonly CounterfactualPair[], scale: DeltaScale, roundScoresTo?: number): PairDelta[] {
  if (pairs.length === 0) throw new InvalidLmInputError('no counterfactual pairs to score');
  if (scale !== 'sum' && scale !== 'mean-per-token') throw new InvalidLmInputError(`scale must be "sum" or "mean-per-token", got ${String(scale)}`);
  const round = roundScoresTo === undefined ? (x: number) => x : (x: number) => roundHalfEven(x, roundScoresTo);
  if (roundScoresTo !== undefined) round(0); // validates the option before any pair is scored
  const seen = new Set<string>();
  return pairs.map((pair, index) => {
    const label = `pair ${index} (${pair.id})`;
    if (seen.has(pair.id)) throw new InvalidLmInputError(`duplicate pair id "${pair.id}"`);
    seen.add(pair.id);
    const more = checkScoredText(pair.more, `${label}, more-stereotypical sentence`);
    const less = checkScoredText(pair.less, `${label}, less-stereotypical sentence`);
    const deltaSum = round(more.logProb) - round(less.logProb);
    const deltaPerToken = round(more.logProb / more.tokens) - round(less.logProb / less.tokens);
    return { id: pair.id, category: pair.category ?? null, delta: scale === 'sum' ? deltaSum : deltaPerToken, deltaSum, deltaPerToken };
  });
}
