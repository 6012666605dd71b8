// McNemar's test for two paired binary outcomes (right/wrong on a pair of matched sentences), in its
// exact form: only the discordant pairs carry information, and under H₀ each is equally likely to
// go either way. Used for accuracy gaps between matched conditions (WinoBias pro vs anti lines,
// Winogender male vs female sentences), where an unpaired two-proportion test would ignore that the
// two sentences of a pair differ only in one word.
import { InvalidOptionError } from '../errors';
import { binomialTest } from './binomialTest';

export interface McNemarResult {
  /** Pairs right in the first condition and wrong in the second. */
  firstOnly: number;
  /** Pairs wrong in the first condition and right in the second. */
  secondOnly: number;
  /** Two-sided exact p; 1 when no pair is discordant. */
  pValue: number;
}

/**
 * Exact McNemar test: p = two-sided binomial test of b successes in b + c trials at ½.
 * Source: McNemar (1947), Psychometrika 12:153–157; statsmodels
 * `statsmodels.stats.contingency_tables.mcnemar(table, exact=True)`.
 * @throws {InvalidOptionError} when a count is not a non-negative integer
 */
export function mcnemarExact(firstOnly: number, secondOnly: number): McNemarResult {
  for (const [name, v] of [['firstOnly', firstOnly], ['secondOnly', secondOnly]] as const) {
    if (!Number.isInteger(v) || v < 0) throw new InvalidOptionError(`${name} must be a non-negative integer, got ${v}`);
  }
  const discordant = firstOnly + secondOnly;
  const pValue = discordant === 0 ? 1 : binomialTest(firstOnly, discordant, 0.5).pValue;
  return { firstOnly, secondOnly, pValue };
}
