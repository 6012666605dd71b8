// Sample quantiles for bootstrap intervals. One definition, stated, so the CI can be reproduced:
// R's default (type 7), which is also numpy's default `linear` method.
import { InvalidOptionError } from '../errors';

/**
 * Type-7 sample quantile of an ascending-sorted array: h = (n−1)·q, result
 * x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]).
 * Source: Hyndman & Fan (1996), Am. Stat. 50:361, definition 7; R `quantile(type = 7)`; numpy
 * `np.quantile(method="linear")`.
 * @throws {InvalidOptionError} when the array is empty or q ∉ [0, 1]
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) throw new InvalidOptionError('quantile of an empty sample is undefined');
  if (!(q >= 0 && q <= 1)) throw new InvalidOptionError(`quantile level must be in [0, 1], got ${q}`);
  const h = (n - 1) * q;
  const lower = Math.floor(h);
  const upper = Math.min(n - 1, lower + 1);
  return sorted[lower]! + (h - lower) * (sorted[upper]! - sorted[lower]!);
}
