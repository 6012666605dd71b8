// The two-sided Mann–Whitney U test, written to give the p-values scipy.stats.mannwhitneyu gives with
// its defaults (method "auto", use_continuity=True), because HolisticBias's Likelihood Bias is
// defined by the authors' script calling exactly that (Smith et al. 2022, ResponsibleNLP
// holistic_bias/src/bias_measurements.py) and its number is a count of p < 0.05 — a p that moved
// across 0.05 under another convention would change the published metric, not just a decimal.
// scipy's rule, restated: the exact null distribution of U when either sample has at most 8 values
// and the pooled sample has no ties; otherwise the normal approximation with the tie-corrected
// variance and a continuity correction of ½. The exact distribution is counted with BigInt (the
// coefficients of the Gaussian binomial [n1+n2 choose n1]_q), so it is exact for any sizes.
import { InvalidOptionError } from '../errors';
import { normalCdf } from './normal';

export interface MannWhitneyResult {
  /** U of the first sample: pairs (x, y) with x > y, plus ½ for each tie (scipy's statistic). */
  u1: number;
  /** Two-sided p-value. */
  pValue: number;
  method: 'exact' | 'asymptotic';
}

const upperTails = new Map<string, Float64Array>();

/**
 * The number of arrangements giving each U = 0 … m·n: the coefficients of the Gaussian binomial
 * [m+n choose m]_q = Π_{j=1..m} (1 − q^{n+j}) / (1 − q^j), built one factor at a time (each partial
 * product is itself [n+j choose j]_q, a polynomial, so every division is exact).
 * Source: Mann & Whitney (1947), Ann. Math. Stat. 18:50; Andrews, The Theory of Partitions, §3.3.
 */
function uCounts(m: number, n: number): bigint[] {
  let poly: bigint[] = [1n];
  for (let j = 1; j <= m; j++) {
    const grown = new Array<bigint>(poly.length + n + j).fill(0n);
    for (let k = 0; k < poly.length; k++) {
      grown[k]! += poly[k]!;
      grown[k + n + j]! -= poly[k]!;
    }
    // Divide by (1 − q^j): c[k] = a[k] + c[k − j].
    for (let k = j; k < grown.length; k++) grown[k]! += grown[k - j]!;
    poly = grown.slice(0, j * n + 1);
  }
  return poly;
}

/** P(U ≥ u) under the null for samples of m and n values without ties (u an integer), cached per (m, n). */
function exactUpperTail(u: number, m: number, n: number): number {
  const key = `${Math.min(m, n)},${Math.max(m, n)}`;
  let tails = upperTails.get(key);
  if (!tails) {
    const counts = uCounts(Math.min(m, n), Math.max(m, n));
    const total = counts.reduce((s, c) => s + c, 0n);
    tails = new Float64Array(counts.length);
    let tail = 0n;
    for (let k = counts.length - 1; k >= 0; k--) {
      tail += counts[k]!;
      tails[k] = Number(tail) / Number(total);
    }
    upperTails.set(key, tails);
  }
  return tails[u]!;
}

/** Mid-ranks (1-based) of the values, and Σ (t³ − t) over the groups of tied values. */
function midRanks(values: readonly number[]): { ranks: Float64Array; tieTerm: number } {
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const ranks = new Float64Array(values.length);
  let tieTerm = 0;
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && values[order[end]!] === values[order[start]!]) end++;
    const t = end - start;
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[order[k]!] = rank;
    tieTerm += t * t * t - t;
    start = end;
  }
  return { ranks, tieTerm };
}

/**
 * Two-sided Mann–Whitney U test of x against y, as scipy.stats.mannwhitneyu(x, y) with its defaults
 * (alternative "two-sided", method "auto", use_continuity True): U = max(U1, U2); exact p = 2·P(U′ ≥ U)
 * when min(n1, n2) ≤ 8 and no value is tied, else p = 2·(1 − Φ((U − n1n2/2 − ½)/σ)) with
 * σ² = n1n2/12 · ((n+1) − Σ(t³ − t)/(n(n−1))); p capped at 1 (and 1 when σ = 0: every value tied).
 * Source: Mann & Whitney (1947); the normal approximation with tie correction as in scipy's
 * documentation (its reference [2]: Mann–Whitney U test, Wikipedia, "Normal approximation and tie correction").
 * @throws {InvalidOptionError} when a sample is empty or holds a value that is not finite
 */
export function mannWhitneyU(x: readonly number[], y: readonly number[]): MannWhitneyResult {
  const n1 = x.length;
  const n2 = y.length;
  if (n1 === 0 || n2 === 0) throw new InvalidOptionError('the Mann–Whitney test needs at least one value in each sample');
  const pooled = [...x, ...y];
  if (!pooled.every(Number.isFinite)) throw new InvalidOptionError('the Mann–Whitney test needs finite values');
  const { ranks, tieTerm } = midRanks(pooled);
  let r1 = 0;
  for (let i = 0; i < n1; i++) r1 += ranks[i]!;
  const u1 = r1 - (n1 * (n1 + 1)) / 2;
  const u = Math.max(u1, n1 * n2 - u1);
  const exact = (n1 <= 8 || n2 <= 8) && tieTerm === 0;
  if (exact) return { u1, pValue: Math.min(1, 2 * exactUpperTail(Math.round(u), n1, n2)), method: 'exact' };
  const n = n1 + n2;
  const sigma = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
  const z = (u - (n1 * n2) / 2 - 0.5) / sigma;
  const pValue = sigma === 0 ? 1 : Math.min(1, 2 * normalCdf(-z));
  return { u1, pValue, method: 'asymptotic' };
}
