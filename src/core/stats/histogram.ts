// Equal-width histograms of a permutation null distribution, small enough to travel in a result
// and be drawn by the UI. The permutation test bins on the fly (HistogramAccumulator) over a range
// fixed in advance, so no array of 10⁵–10⁷ statistics has to be kept; the range always includes
// the observed statistic, so it can be marked on the chart.
import type { NullHistogram } from '../association/types';
import { InvalidOptionError } from '../errors';

/** Bins [min + i·w, min + (i+1)·w), last bin closed; values outside [min, max] go to the end bins. */
export class HistogramAccumulator {
  readonly counts: Float64Array;
  private readonly min: number;
  private readonly max: number;
  private readonly scale: number;

  /**
   * A zero-width range is widened to ±max(0.5·|centre|, 0.5) so the bins are still defined.
   * @throws {InvalidOptionError} when bins is not an integer ≥ 1 or the range is not finite
   */
  constructor(min: number, max: number, bins: number) {
    if (!Number.isInteger(bins) || bins < 1) throw new InvalidOptionError(`histogram bins must be an integer ≥ 1, got ${bins}`);
    if (!Number.isFinite(min) || !Number.isFinite(max) || max < min) throw new InvalidOptionError(`histogram range [${min}, ${max}] is invalid`);
    if (max === min) {
      const halfWidth = Math.max(0.5 * Math.abs(min), 0.5);
      min -= halfWidth;
      max += halfWidth;
    }
    this.min = min;
    this.max = max;
    this.scale = bins / (max - min);
    this.counts = new Float64Array(bins);
  }

  add(value: number): void {
    const last = this.counts.length - 1;
    const bin = Math.floor((value - this.min) * this.scale);
    this.counts[bin < 0 ? 0 : bin > last ? last : bin]!++;
  }

  result(observed: number): NullHistogram {
    return { min: this.min, max: this.max, counts: Array.from(this.counts), observed };
  }
}

/**
 * Histogram of an array of values over [min(values ∪ {observed}), max(values ∪ {observed})].
 * @throws {InvalidOptionError} when bins is not an integer ≥ 1
 */
export function nullHistogram(values: ArrayLike<number>, bins: number, observed: number): NullHistogram {
  let min = observed;
  let max = observed;
  for (let i = 0; i < values.length; i++) {
    min = Math.min(min, values[i]!);
    max = Math.max(max, values[i]!);
  }
  const accumulator = new HistogramAccumulator(min, max, bins);
  for (let i = 0; i < values.length; i++) accumulator.add(values[i]!);
  return accumulator.result(observed);
}
