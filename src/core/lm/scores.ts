// Validation of the numbers the LM runtime hands to the probe core. A log-probability of a whole
// sentence or continuation must be finite and ≤ 0, a token count a positive integer; catching a NaN
// or a probability passed where a log-probability belongs here gives a message naming the item,
// instead of a silently wrong pct_stereotype.
import type { LogProb } from '../units';
import { InvalidLmScoreError } from '../errors';

/** A scored text: its total log-probability (natural log) and its number of scored tokens. */
export interface ScoredText {
  logProb: number;
  tokens: number;
}

/**
 * Check a log-probability: finite and ≤ 0 (a tiny positive value ≤ 1e-9 from float noise is
 * accepted and left as is).
 * @throws {InvalidLmScoreError} naming `what` otherwise
 */
export function checkLogProb(value: number, what: string): LogProb {
  if (!Number.isFinite(value)) throw new InvalidLmScoreError(`${what}: log-probability must be finite, got ${value}`);
  if (value > 1e-9) throw new InvalidLmScoreError(`${what}: log-probability must be ≤ 0, got ${value} (was a probability or a logit passed?)`);
  return value as LogProb;
}

/**
 * Check a scored text (log-probability ≤ 0 and integer tokens ≥ 1).
 * @throws {InvalidLmScoreError} naming `what`
 */
export function checkScoredText(scored: ScoredText | undefined, what: string): ScoredText {
  if (!scored || typeof scored !== 'object') throw new InvalidLmScoreError(`${what}: missing score`);
  checkLogProb(scored.logProb, what);
  if (!Number.isInteger(scored.tokens) || scored.tokens < 1) throw new InvalidLmScoreError(`${what}: token count must be an integer ≥ 1, got ${scored.tokens}`);
  return scored;
}

/** ln(Σ exp(x_i)) without overflow: max + ln Σ exp(x_i − max); −Infinity for all −Infinity. */
export function logSumExp(values: ArrayLike<number>): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) max = Math.max(max, values[i]!);
  if (max === Number.NEGATIVE_INFINITY) return max;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += Math.exp(values[i]! - max);
  return max + Math.log(sum);
}
