// Binomial coefficients for deciding between exact enumeration and Monte Carlo. The decision only
// needs to know whether C(n, k) exceeds a limit, so the product stops early once it does; below
// 2^53 every intermediate value is an exact integer in Float64.

/**
 * C(n, k) = n! / (k! (n−k)!), computed as Π_{i=1..k} (n−k+i)/i with exact integer intermediates.
 * Returns Infinity as soon as the value exceeds `cap` (default 2^53), so callers can compare with a
 * limit without overflow. Source: standard identity (Knuth, TAOCP vol. 1, §1.2.6).
 * @throws {RangeError} when n or k is not a non-negative integer
 */
export function binomialCoefficient(n: number, k: number, cap = Number.MAX_SAFE_INTEGER): number {
  if (!Number.isInteger(n) || !Number.isInteger(k) || n < 0 || k < 0) throw new RangeError(`C(${n}, ${k}) needs non-negative integers`);
  if (k > n) return 0;
  const smaller = Math.min(k, n - k);
  let value = 1;
  for (let i = 1; i <= smaller; i++) {
    // value·(n−smaller+i) is divisible by i because value·(n−smaller+i)/i = C(n−smaller+i, i).
    value = (value * (n - smaller + i)) / i;
    if (value > cap) return Number.POSITIVE_INFINITY;
  }
  return value;
}
