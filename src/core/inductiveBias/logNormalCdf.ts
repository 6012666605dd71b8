// ln Φ(z) for the normal loss model: the inductive bias in bits is −ln Φ(z)/ln 2 with z far below
// −38, where core/stats/normal.ts's Φ (built for p-values) saturates to 0. Same two methods, kept in logs.
import { normalCdf } from '../stats/normal';

/**
 * ln Φ(z). For z ≥ −3 the log of core/stats/normal.ts's Φ (Marsaglia's series; relative accuracy ~1e-15
 * there); below, Laplace's continued fraction for the Mills ratio in logs:
 * ln Φ(z) = −z²/2 − ½ ln 2π − ln(|z| + 1/(|z| + 2/(|z| + …))), 300 terms, exact to double precision
 * for |z| > 3 and never underflowing. Never throws (NaN for NaN).
 */
export function logNormalCdf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  if (z >= -3) return Math.log(normalCdf(z));
  const t = -z;
  let fraction = 0;
  for (let k = 300; k >= 1; k--) fraction = k / (t + fraction);
  return -0.5 * t * t - 0.5 * Math.log(2 * Math.PI) - Math.log(t + fraction);
}
