// Entry point of the counterfactual-pair family: per-pair Δ, the overall summary and one summary per
// category. Pure and synchronous (runs in a worker, on the main thread, in the CLI and in tests).
// Seeds follow association/seed.ts: each (probe, category, stream) has its own seed, so a category's
// numbers do not depend on which other categories exist or on the bootstrap count.
import { deriveTestSeed } from '../../association/seed';
import { InvalidOptionError } from '../../errors';
import { pairDeltas } from './pairDeltas';
import { summarizeDeltas, type DeltaSeeds } from './summarizeDeltas';
import type { CounterfactualOptions, CounterfactualPair, CounterfactualResult, DeltaSummaryOptions } from './types';

/** Seeds for the summary of `scope` ('' = all pairs, otherwise "category:<name>") of a probe. */
export function deltaSeeds(seed: number, probeId: string, scope: string): DeltaSeeds {
  const key = scope === '' ? probeId : `${probeId}/${scope}`;
  return { permutation: deriveTestSeed(seed, key, 'permutation'), bootstrap: deriveTestSeed(seed, key, 'bootstrap') };
}

/**
 * Validate the numeric options shared by every Δ summary.
 * @throws {InvalidOptionError} naming the offending option
 */
export function validateDeltaOptions(options: DeltaSummaryOptions): void {
  if (!Number.isInteger(options.bootstrap) || options.bootstrap < 0 || options.bootstrap > 1_000_000) throw new InvalidOptionError(`bootstrap must be an integer in [0, 1000000], got ${options.bootstrap}`);
  if (!(options.confidenceLevel > 0 && options.confidenceLevel < 1)) throw new InvalidOptionError(`confidenceLevel must be in (0, 1), got ${options.confidenceLevel}`);
  if (!Number.isInteger(options.permutations) || options.permutations < 1 || options.permutations > 100_000_000) throw new InvalidOptionError(`permutations must be an integer in [1, 100000000], got ${options.permutations}`);
  if (!Number.isInteger(options.exactLimit) || options.exactLimit < 0 || options.exactLimit > 30) throw new InvalidOptionError(`exactLimit must be an integer in [0, 30], got ${options.exactLimit}`);
  if (!Number.isSafeInteger(options.seed)) throw new InvalidOptionError(`seed must be a safe integer, got ${options.seed}`);
}

/**
 * Score counterfactual pairs (CrowS-Pairs style): Δ_i per pair on options.scale, then
 * pct_stereotype (strict >), likelihood_diff (mean |Δ|), mean Δ with a percentile bootstrap CI,
 * two-sided sign-flip p (exact for n ≤ exactLimit, else Monte Carlo), exact sign test vs ½ — overall
 * and per category (`category` of each pair, in order of first appearance).
 * The masked-LM CrowS-Pairs metric is the same aggregation over pseudo-log-likelihoods; set
 * options.roundScoresTo = 3 to compare scores rounded as nyu-mll/crows-pairs `scripts/metric.py`.
 * Source: Nangia et al. (2020), EMNLP, "CrowS-Pairs"; lm-evaluation-harness `crows_pairs`.
 * @throws {InvalidOptionError} when an option is out of range
 * @throws {InvalidLmInputError} when there are no pairs or ids repeat
 * @throws {InvalidLmScoreError} on a non-finite or positive log-probability, or tokens < 1
 */
export function analyzeCounterfactualPairs(pairs: readonly CounterfactualPair[], options: CounterfactualOptions, probeId = 'counterfactual'): CounterfactualResult {
  validateDeltaOptions(options);
  const items = pairDeltas(pairs, options.scale, options.roundScoresTo);
  const overall = summarizeDeltas(Float64Array.from(items, (item) => item.delta), options, deltaSeeds(options.seed, probeId, ''));
  const categories: string[] = [];
  for (const item of items) if (item.category !== null && !categories.includes(item.category)) categories.push(item.category);
  const byCategory = categories.map((category) => {
    const deltas = Float64Array.from(items.filter((item) => item.category === category), (item) => item.delta);
    return { category, summary: summarizeDeltas(deltas, options, deltaSeeds(options.seed, probeId, `category:${category}`)) };
  });
  return { scale: options.scale, overall, byCategory, items };
}
