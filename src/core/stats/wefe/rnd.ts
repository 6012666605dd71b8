// Relative Norm Distance (RND), one of WEFE's metrics. WEFE averages over attribute words while
// Garg et al. write a sum; both are offered, the WEFE mean by default so numbers match WEFE.
import { InvalidWordSetError } from '../../errors';
import { euclideanDistance, meanVector, type NumericVector } from '../../linalg';

export interface RndResult {
  /** Mean (or sum) over attribute words of ‖a − m₁‖ − ‖a − m₂‖. */
  value: number;
  /** ‖a − m₁‖ − ‖a − m₂‖ per attribute word, in input order. */
  perWord: number[];
}

/**
 * RND = (1/|A|) Σ_{a∈A} (‖a − mean(T₁)‖₂ − ‖a − mean(T₂)‖₂) ('mean', WEFE) or the plain sum ('sum',
 * Garg et al.). Negative: the attribute words are closer to T₁. Vectors are used as given (WEFE
 * default normalize=False).
 * Source: Garg, Schiebinger, Jurafsky & Zou (2018), PNAS 115:E3635; WEFE `wefe/metrics/RND.py`.
 * @throws {InvalidWordSetError} when a set is empty
 */
export function relativeNormDistance(
  target1: readonly NumericVector[],
  target2: readonly NumericVector[],
  attribute: readonly NumericVector[],
  aggregate: 'mean' | 'sum' = 'mean',
): RndResult {
  if (target1.length === 0 || target2.length === 0 || attribute.length === 0) throw new InvalidWordSetError('RND needs two non-empty target sets and a non-empty attribute set');
  const centre1 = meanVector(target1);
  const centre2 = meanVector(target2);
  const perWord = attribute.map((a) => euclideanDistance(a, centre1) - euclideanDistance(a, centre2));
  const sum = perWord.reduce((acc, v) => acc + v, 0);
  return { value: aggregate === 'mean' ? sum / perWord.length : sum, perWord };
}
