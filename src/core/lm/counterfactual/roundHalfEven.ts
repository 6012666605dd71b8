// Python's round(x, d) for the CrowS-Pairs convention. nyu-mll/crows-pairs `scripts/metric.py`
// rounds both sentence scores to 3 decimals BEFORE comparing them, so pairs whose scores agree to
// 3 decimals are "neutral" (not stereotypical). Python rounds the exact binary value half-to-even;
// `Math.round(x·1000)/1000` would first round x·1000 and can land on the other side, so the exact
// decimal expansion (toFixed(100), exact for |x| < 1e21) is inspected instead.
import { InvalidOptionError } from '../../errors';

/**
 * x rounded to `decimals` places, ties (exactly halfway in binary) to even, as Python's round().
 * Source: Python documentation, built-in round() ("rounding is done toward the even choice";
 * "the result is correctly rounded"); IEEE 754 roundTiesToEven.
 * @throws {InvalidOptionError} when decimals is not an integer in [0, 15]
 */
export function roundHalfEven(x: number, decimals: number): number {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 15) throw new InvalidOptionError(`decimals must be an integer in [0, 15], got ${decimals}`);
  if (!Number.isFinite(x) || Math.abs(x) >= 1e21) return x;
  const exact = Math.abs(x).toFixed(100);
  const point = exact.indexOf('.');
  const kept = exact.slice(0, point + 1 + decimals);
  const rest = exact.slice(point + 1 + decimals);
  const firstDropped = rest.charCodeAt(0) - 48;
  const beyondHalf = /[1-9]/.test(rest.slice(1));
  const lastKept = kept.charCodeAt(kept.length - 1) - 48; // a digit, or '.' (−2) when decimals = 0
  const lastDigit = lastKept >= 0 ? lastKept : kept.charCodeAt(kept.length - 2) - 48;
  const roundUp = firstDropped > 5 || (firstDropped === 5 && (beyondHalf || lastDigit % 2 === 1));
  const step = 10 ** -decimals;
  const truncated = Number(kept);
  const magnitude = roundUp ? Number((truncated + step).toFixed(decimals)) : truncated;
  return x < 0 ? -magnitude : magnitude;
}
