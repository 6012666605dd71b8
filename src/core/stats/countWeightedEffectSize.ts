// WEAT d of a resample described by multiplicities instead of index lists: how often each target row
// and each attribute column was drawn. The bootstrap draws thousands of resamples, so this is its hot
// loop, and it is shaped for that:
// - a drawn target's s*(w) is a dot product of its cosine row with the attribute counts, taken only
//   over the columns drawn at least once (a resample with replacement leaves ~37% of them out) and
//   only for the rows drawn at least once (likewise), each row once whatever its multiplicity;
// - every buffer is allocated once per data set, and the loops read typed arrays only.
// d* = (mean_X* s − mean_Y* s) / SD_{X*∪Y*} s with each row weighted by its multiplicity is exactly
// d of the resample written as lists (effectSizeFromIndices in bootstrap.ts goes through here).
import type { SdConvention } from '../association/types';
import type { WeatBootstrapData } from './bootstrap';
import { isDegenerateSpread } from './descriptive';

export class CountWeightedEffectSize {
  /** Multiplicity of each target row (X's rows first, then Y's); the caller fills it, then evaluates. */
  readonly rowCounts: Int32Array;
  /** Multiplicity of each A column; filled by the caller. */
  readonly countsA: Int32Array;
  /** Multiplicity of each B column; filled by the caller. */
  readonly countsB: Int32Array;
  private readonly drawnColumnsA: Int32Array;
  private readonly drawnColumnsB: Int32Array;
  private readonly drawnScores: Float64Array;
  private readonly drawnRows: Int32Array;
  private readonly sizeX: number;
  private readonly nA: number;
  private readonly nB: number;
  private readonly cosA: Float64Array;
  private readonly cosB: Float64Array;

  constructor(
    data: WeatBootstrapData,
    private readonly sd: SdConvention,
  ) {
    const rows = data.sizes.X + data.sizes.Y;
    this.sizeX = data.sizes.X;
    this.nA = data.sizes.A;
    this.nB = data.sizes.B;
    this.cosA = data.cosA;
    this.cosB = data.cosB;
    this.rowCounts = new Int32Array(rows);
    this.countsA = new Int32Array(this.nA);
    this.countsB = new Int32Array(this.nB);
    this.drawnColumnsA = new Int32Array(this.nA);
    this.drawnColumnsB = new Int32Array(this.nB);
    this.drawnScores = new Float64Array(rows);
    this.drawnRows = new Int32Array(rows);
  }

  /**
   * d* of the resample in rowCounts / countsA / countsB (at least one X row, one Y row, one A and one
   * B column drawn); NaN when the pooled SD is degenerate (isDegenerateSpread). Leaves the counts as
   * they are. Never throws.
   */
  evaluate(): number {
    const { rowCounts, countsA, countsB, drawnColumnsA, drawnColumnsB, drawnScores, drawnRows, cosA, cosB, nA, nB, sizeX } = this;
    let columnsA = 0;
    let drawnA = 0;
    for (let j = 0; j < nA; j++) {
      const c = countsA[j]!;
      if (c > 0) {
        drawnColumnsA[columnsA++] = j;
        drawnA += c;
      }
    }
    let columnsB = 0;
    let drawnB = 0;
    for (let j = 0; j < nB; j++) {
      const c = countsB[j]!;
      if (c > 0) {
        drawnColumnsB[columnsB++] = j;
        drawnB += c;
      }
    }
    let distinct = 0;
    let weightX = 0;
    let weightY = 0;
    let sumX = 0;
    let sumY = 0;
    for (let row = 0; row < rowCounts.length; row++) {
      const weight = rowCounts[row]!;
      if (weight === 0) continue;
      let sumA = 0;
      const offsetA = row * nA;
      for (let t = 0; t < columnsA; t++) {
        const j = drawnColumnsA[t]!;
        sumA += countsA[j]! * cosA[offsetA + j]!;
      }
      let sumB = 0;
      const offsetB = row * nB;
      for (let t = 0; t < columnsB; t++) {
        const j = drawnColumnsB[t]!;
        sumB += countsB[j]! * cosB[offsetB + j]!;
      }
      const score = sumA / drawnA - sumB / drawnB;
      drawnScores[distinct] = score;
      drawnRows[distinct++] = row;
      if (row < sizeX) {
        weightX += weight;
        sumX += weight * score;
      } else {
        weightY += weight;
        sumY += weight * score;
      }
    }
    const pooled = weightX + weightY;
    const grandMean = (sumX + sumY) / pooled;
    let sumSquares = 0;
    for (let t = 0; t < distinct; t++) {
      const deviation = drawnScores[t]! - grandMean;
      sumSquares += rowCounts[drawnRows[t]!]! * deviation * deviation;
    }
    const spread = Math.sqrt(sumSquares / (this.sd === 'sample' ? pooled - 1 : pooled));
    // Degenerate or not is judged on the sample SD under both conventions, as weatEffectSize does.
    const sampleSpread = this.sd === 'sample' ? spread : Math.sqrt(sumSquares / (pooled - 1));
    if (isDegenerateSpread(sampleSpread, drawnScores.subarray(0, distinct))) return Number.NaN;
    return (sumX / weightX - sumY / weightY) / spread;
  }
}
