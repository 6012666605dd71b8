// The scaled non-central χ² of the paper's loss model (their utils.py: scipy.stats.ncx2 with loc 0):
// density and log-CDF as Poisson mixtures of central χ² (Johnson, Kotz & Balakrishnan, Continuous
// Univariate Distributions vol. 2, ch. 29). Both are summed in logs; the density, evaluated for every
// sample at every step of the likelihood search, walks out from the largest term by recurrences
// (no special function per term), so its cost grows with √λ, not λ.
import { logGamma } from '../stats/logGamma';
import { logRegularizedLowerGamma } from './logRegularizedGamma';

/** Degrees of freedom k > 0, non-centrality λ ≥ 0, scale s > 0: X = s·Y, Y ~ χ²_k(λ). */
export interface ScaledNoncentralChiSquared {
  readonly degreesOfFreedom: number;
  readonly noncentrality: number;
  readonly scale: number;
}

/** Terms more than e⁻⁴⁰ below the largest are dropped (≈ 4·10⁻¹⁸ relative, below double precision). */
const NEGLIGIBLE = 40;

const logAddExp = (a: number, b: number): number => (a === -Infinity ? b : b === -Infinity ? a : a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b)));

/**
 * ln f(x) = ln Σⱼ Pois(j; λ/2)·χ²_{k+2j}(x/s)/s for x > 0 (−Infinity for x ≤ 0). Terms walk up and
 * down from j* = arg maxⱼ (where the ratio of neighbouring terms, (λ/2)(y/2)/(j(k/2 + j − 1)), crosses 1)
 * with ln t_{j+1} − ln t_j = ln(λ/2) − ln(j + 1) + ln(y/2) − ln(k/2 + j), until e⁻⁴⁰ of the largest.
 * Never throws for valid parameters (NaN for invalid ones).
 */
export function noncentralChiSquaredLogPdf(x: number, d: ScaledNoncentralChiSquared): number {
  const { degreesOfFreedom: k, noncentrality: lambda, scale: s } = d;
  if (!(k > 0 && lambda >= 0 && s > 0)) return Number.NaN;
  if (!(x > 0)) return Number.NEGATIVE_INFINITY;
  const y = x / s;
  const halfK = k / 2;
  const logHalfY = Math.log(y / 2);
  // ln χ²_{k+2j}(y) = (k/2 + j − 1) ln y − y/2 − (k/2 + j) ln 2 − ln Γ(k/2 + j)
  const logChi = (j: number) => (halfK + j - 1) * Math.log(y) - y / 2 - (halfK + j) * Math.LN2 - logGamma(halfK + j);
  if (lambda === 0) return logChi(0) - Math.log(s);
  const mu = lambda / 2;
  const logMu = Math.log(mu);
  const logPoisson = (j: number) => -mu + j * logMu - logGamma(j + 1);
  const b = halfK - 1;
  const peak = Math.max(0, Math.round((-b + Math.sqrt(b * b + 4 * mu * (y / 2))) / 2));
  const top = logPoisson(peak) + logChi(peak);
  let total = top;
  let logTerm = top;
  for (let j = peak; ; j++) {
    logTerm += logMu - Math.log(j + 1) + logHalfY - Math.log(halfK + j);
    if (logTerm < top - NEGLIGIBLE) break;
    total = logAddExp(total, logTerm);
  }
  logTerm = top;
  for (let j = peak; j > 0; j--) {
    logTerm -= logMu - Math.log(j) + logHalfY - Math.log(halfK + j - 1);
    if (logTerm < top - NEGLIGIBLE) break;
    total = logAddExp(total, logTerm);
  }
  return total - Math.log(s);
}

/**
 * ln F(x) = ln Σⱼ Pois(j; λ/2)·P(k/2 + j, x/(2s)) (P: regularised lower incomplete gamma), summed in
 * logs over j = 0 … ⌈λ/2 + 12√(λ/2) + 40⌉, beyond which the Poisson weights are below e⁻⁴⁰ of the total
 * (P ≤ 1 and falls with j). Exact in the far lower tail, where F underflows but ln F does not.
 * Never throws for valid parameters (NaN for invalid ones).
 */
export function noncentralChiSquaredLogCdf(x: number, d: ScaledNoncentralChiSquared): number {
  const { degreesOfFreedom: k, noncentrality: lambda, scale: s } = d;
  if (!(k > 0 && lambda >= 0 && s > 0)) return Number.NaN;
  if (!(x > 0)) return Number.NEGATIVE_INFINITY;
  const half = x / (2 * s);
  if (lambda === 0) return logRegularizedLowerGamma(k / 2, half);
  const mu = lambda / 2;
  const last = Math.ceil(mu + 12 * Math.sqrt(mu) + 40);
  let total = Number.NEGATIVE_INFINITY;
  for (let j = 0; j <= last; j++) total = logAddExp(total, -mu + j * Math.log(mu) - logGamma(j + 1) + logRegularizedLowerGamma(k / 2 + j, half));
  return total;
}
