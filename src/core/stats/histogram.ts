// Equal-width histograms of a permutation null distribution, small enough to travel in a result
// and be drawn by the UI. The permutation test bins on the fly (HistogramAccumulator), so no array
// of 10⁵–10⁷ statistics has to be kept. Values are first counted in 64× finer bins over a range
// fixed in advance (all attainable statistics); at the end the occupied part of that fine grid
// (plus the observed statistic, so it can be marked) is regrouped into the requested number of
// bins. That way a Monte-Carlo null, which rarely reaches the extreme partitions, is not drawn as a
// narrow spike in the middle of a mostly empty chart.
import type { NullHistogram } from '../association/types';
import { InvalidOptionError } from '../errors';

const OVERSAMPLE = 64;

export class HistogramAccumulator {
  private readonly fine: Float64Array;
  private readonly min: number;
  private readonly fineWidth: number;
  private readonly scale: number;
  private readonly bins: number;

  /**
   * @param min,max the range every added value is expected in (values outside go to the end bins);
   *   a zero-width range is widened to ±max(0.5·|centre|, 0.5)
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
    this.bins = bins;
    this.min = min;
    this.fine = new Float64Array(bins * OVERSAMPLE);
    this.fineWidth = (max - min) / this.fine.length;
    this.scale = this.fine.length / (max - min);
  }

  private fineIndex(value: number): number {
    const last = this.fine.length - 1;
    const index = Math.floor((value - this.min) * this.scale);
    return index < 0 ? 0 : index > last ? last : index;
  }

  add(value: number): void {
    this.fine[this.fineIndex(value)]!++;
  }

  /** add() for values[0 … count − 1], in one loop (a chunk of a permutation test's statistics). */
  addMany(values: Float64Array, count: number): void {
    const { fine, min, scale } = this;
    const last = fine.length - 1;
    for (let t = 0; t < count; t++) {
      const index = Math.floor((values[t]! - min) * scale);
      fine[index < 0 ? 0 : index > last ? last : index]!++;
    }
  }

  /**
   * Regroup the occupied fine bins (and the observed value's) into exactly `bins` equal bins of
   * `chunk` fine bins each, chunk = ⌈occupied span / bins⌉. Bin i covers [min + i·w, min + (i+1)·w).
   */
  result(observed: number): NullHistogram {
    let first = this.fineIndex(observed);
    let last = first;
    this.fine.forEach((count, i) => {
      if (count > 0) {
        first = Math.min(first, i);
        last = Math.max(last, i);
      }
    });
    const chunk = Math.max(1, Math.ceil((last - first + 1) / this.bins));
    // Keep the regrouped window inside the fine grid where possible (shift left if it overflows).
    const start = Math.max(0, Math.min(first, this.fine.length - chunk * this.bins));
    const counts = new Array<number>(this.bins).fill(0);
    for (let i = start; i < this.fine.length; i++) {
      const bin = Math.min(this.bins - 1, Math.floor((i - start) / chunk));
      counts[bin]! += this.fine[i]!;
    }
    const min = this.min + start * this.fineWidth;
    return { min, max: min + chunk * this.bins * this.fineWidth, counts, observed };
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
