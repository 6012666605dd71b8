// Percentile bootstrap for statistics of ONE sample of independent units (pairs, questions,
// iterations), the generalisation the LM probes need. bootstrap.ts is specialised to WEAT's four
// independently resampled sets; this file resamples a single index range 0..n−1 with replacement
// and lets the caller say how a resample of units maps to the statistic (a mean of Δ, a difference
// of group means over resampled questions, …). The interval itself is bootstrap.ts's
// percentileInterval (type-7 quantiles), so both families report intervals the same way.
import { InvalidOptionError } from '../errors';
import { createRng } from '../rng';
import { percentileInterval } from './bootstrap';

export interface ResampleBootstrapOptions {
  /** Number of bootstrap resamples B (≥ 1). */
  resamples: number;
  /** Two-sided level, e.g. 0.95. */
  level: number;
  seed: number;
}

export interface ResampleBootstrapResult {
  low: number;
  high: number;
  level: number;
  method: 'percentile';
  /** Resamples whose statistic was finite (used for the interval). */
  resamples: number;
  /** Resamples whose statistic was NaN/±Infinity (e.g. a group absent from the resample), skipped. */
  skipped: number;
}

/**
 * Percentile bootstrap CI [q(α/2), q(1 − α/2)] of statistic(indices), where each resample draws n
 * indices uniformly with replacement from 0..n−1 (one seeded stream, rng.ts). Non-finite replicate
 * statistics are skipped and counted. Returns null when fewer than 2 replicates are finite.
 * Source: Efron & Tibshirani (1993), An Introduction to the Bootstrap, ch. 6 and 13 (percentile
 * interval); resampling whole units (clusters) as in Davison & Hinkley (1997), §3.8.
 * @throws {InvalidOptionError} when n < 1, resamples is not an integer ≥ 1, or level ∉ (0, 1)
 */
export function resampleBootstrap(n: number, statistic: (indices: Int32Array) => number, options: ResampleBootstrapOptions): ResampleBootstrapResult | null {
  if (!Number.isInteger(n) || n < 1) throw new InvalidOptionError(`a bootstrap needs at least one unit, got ${n}`);
  if (!Number.isInteger(options.resamples) || options.resamples < 1) throw new InvalidOptionError(`resamples must be an integer ≥ 1, got ${options.resamples}`);
  if (!(options.level > 0 && options.level < 1)) throw new InvalidOptionError(`confidence level must be in (0, 1), got ${options.level}`);
  const rng = createRng(options.seed);
  const indices = new Int32Array(n);
  const valid: number[] = [];
  let skipped = 0;
  for (let r = 0; r < options.resamples; r++) {
    for (let i = 0; i < n; i++) indices[i] = rng.int(0, n - 1);
    const replicate = statistic(indices);
    if (Number.isFinite(replicate)) valid.push(replicate);
    else skipped++;
  }
  if (valid.length < 2) return null;
  const sorted = Float64Array.from(valid).sort();
  return { ...percentileInterval(sorted, options.level), level: options.level, method: 'percentile', resamples: sorted.length, skipped };
}

/** Mean of values[indices[i]]: the statistic for a bootstrap of a plain mean. */
export function meanAtIndices(values: ArrayLike<number>, indices: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < indices.length; i++) sum += values[indices[i]!]!;
  return sum / indices.length;
}

/**
 * Percentile bootstrap CI of the mean of one sample (resampling its values with replacement).
 * @throws {InvalidOptionError} as resampleBootstrap
 */
export function bootstrapMean(values: ArrayLike<number>, options: ResampleBootstrapOptions): ResampleBootstrapResult | null {
  return resampleBootstrap(values.length, (indices) => meanAtIndices(values, indices), options);
}
