// Spearman rank correlation with average ranks for ties, as scipy.stats.spearmanr computes it
// (Pearson correlation of the mid-ranks). Used by ECT.
import { InvalidOptionError } from '../errors';

/**
 * Mid-ranks 1..n: tied values share the mean of the ranks they occupy.
 * Source: scipy.stats.rankdata(method="average"). Never throws.
 */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const ranks = new Float64Array(n);
  let start = 0;
  while (start < n) {
    let end = start;
    while (end + 1 < n && values[order[end + 1]!] === values[order[start]!]) end++;
    const midRank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k]!] = midRank;
    start = end + 1;
  }
  return ranks;
}

/**
 * Pearson correlation r = Σ(x−x̄)(y−ȳ) / sqrt(Σ(x−x̄)² Σ(y−ȳ)²); NaN when either variance is 0
 * (as numpy/scipy). @throws {InvalidOptionError} when lengths differ or n < 2
 */
export function pearsonCorrelation(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  if (y.length !== n) throw new InvalidOptionError(`correlation needs equal lengths, got ${n} and ${y.length}`);
  if (n < 2) throw new InvalidOptionError(`correlation needs at least 2 pairs, got ${n}`);
  let meanX = 0;
  let meanY = 0;
  for (let i = 0; i < n; i++) {
    meanX += x[i]!;
    meanY += y[i]!;
  }
  meanX /= n;
  meanY /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - meanX;
    const dy = y[i]! - meanY;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return Number.NaN;
  return sxy / Math.sqrt(sxx * syy);
}

/**
 * Spearman's ρ = Pearson correlation of the average ranks of x and of y.
 * Source: Spearman (1904); scipy.stats.spearmanr (average ranks for ties).
 * @throws {InvalidOptionError} when lengths differ or n < 2
 */
export function spearmanCorrelation(x: ArrayLike<number>, y: ArrayLike<number>): number {
  return pearsonCorrelation(averageRanks(x), averageRanks(y));
}
