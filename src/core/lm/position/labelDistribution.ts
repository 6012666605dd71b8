// Turn one presentation's label scores into log-probabilities renormalised over the k labels
// (log p̃_p = log p_p − ln Σ_q p_q). This is the `observed / observed.sum(axis=1)` step of
// chujiezheng/LLM-MCQ-Bias `debias_utils.simple`, done in log space without its 1e-10 guards so that
// small label probabilities keep their precision.
import { InvalidLmInputError, InvalidLmScoreError } from '../../errors';
import { logSumExp } from '../scores';
import type { McqPresentation } from './mcqTypes';

/**
 * Log-probabilities of the k labels renormalised to sum to 1.
 * @throws {InvalidLmInputError} when neither or both of labelLogProbs/labelProbs are given, or the
 *   length differs from the order's
 * @throws {InvalidLmScoreError} on NaN, a log-prob > 0, a probability ∉ [0, 1], or all labels 0
 */
export function normalizedLabelLogProbs(presentation: McqPresentation, what: string): Float64Array {
  const { labelLogProbs, labelProbs, order } = presentation;
  if ((labelLogProbs === undefined) === (labelProbs === undefined)) throw new InvalidLmInputError(`${what}: give exactly one of labelLogProbs and labelProbs`);
  const raw = labelLogProbs ?? labelProbs!;
  if (raw.length !== order.length) throw new InvalidLmInputError(`${what}: ${raw.length} label scores for ${order.length} options`);
  const logs = new Float64Array(raw.length);
  raw.forEach((value, p) => {
    if (typeof value !== 'number' || Number.isNaN(value)) throw new InvalidLmScoreError(`${what}, label ${p}: score is not a number`);
    if (labelLogProbs) {
      if (value > 1e-9 || value === Number.POSITIVE_INFINITY) throw new InvalidLmScoreError(`${what}, label ${p}: log-probability must be ≤ 0, got ${value}`);
      logs[p] = value;
    } else {
      if (!(value >= 0 && value <= 1 + 1e-9)) throw new InvalidLmScoreError(`${what}, label ${p}: probability must be in [0, 1], got ${value}`);
      logs[p] = Math.log(value);
    }
  });
  const total = logSumExp(logs);
  if (!Number.isFinite(total)) throw new InvalidLmScoreError(`${what}: every label has probability 0`);
  for (let p = 0; p < logs.length; p++) logs[p] = logs[p]! - total;
  return logs;
}

/** Index of the largest value; ties go to the lowest position (as numpy argmax). */
export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}
