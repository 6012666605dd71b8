// Multiple-comparison adjustments across a batch of association tests (e.g. Caliskan's ten WEATs).
// Written to match R's p.adjust exactly (same orderings, cumulative max/min, cap at 1), because
// that is what readers will check a reported adjusted p against.
import type { PValue } from '../units';
import { asPValue } from '../units';
import { InvalidOptionError } from '../errors';

function validate(pValues: readonly number[]): void {
  pValues.forEach((p, i) => {
    if (!(p >= 0 && p <= 1)) throw new InvalidOptionError(`p-value ${i} must be in [0, 1], got ${p}`);
  });
}

/**
 * Holm (1979) step-down adjusted p-values: with p₍₁₎ ≤ … ≤ p₍ₙ₎,
 * p̃₍ᵢ₎ = min(1, max_{j ≤ i} (n − j + 1) p₍ⱼ₎); returned in the input order.
 * Source: Holm (1979), Scand. J. Stat. 6:65; R `p.adjust(p, "holm")`.
 * @throws {InvalidOptionError} when a p-value is outside [0, 1] or NaN
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  validate(pValues);
  const n = pValues.length;
  const order = pValues.map((_, i) => i).sort((a, b) => pValues[a]! - pValues[b]! || a - b);
  const adjusted = new Array<number>(n);
  let runningMax = 0;
  order.forEach((index, rank) => {
    const scaled = (n - rank) * pValues[index]!;
    runningMax = Math.max(runningMax, scaled);
    adjusted[index] = Math.min(1, runningMax);
  });
  return adjusted;
}

/**
 * Benjamini–Hochberg (1995) step-up adjusted p-values (false discovery rate): with ranks i of the
 * ascending p-values, p̃₍ᵢ₎ = min(1, min_{j ≥ i} n p₍ⱼ₎ / j); returned in the input order.
 * Source: Benjamini & Hochberg (1995), JRSS B 57:289; R `p.adjust(p, "BH")`.
 * @throws {InvalidOptionError} when a p-value is outside [0, 1] or NaN
 */
export function benjaminiHochbergAdjust(pValues: readonly number[]): number[] {
  validate(pValues);
  const n = pValues.length;
  const order = pValues.map((_, i) => i).sort((a, b) => pValues[b]! - pValues[a]! || b - a);
  const adjusted = new Array<number>(n);
  let runningMin = 1;
  order.forEach((index, position) => {
    const rank = n - position;
    runningMin = Math.min(runningMin, (n / rank) * pValues[index]!);
    adjusted[index] = runningMin;
  });
  return adjusted;
}

/**
 * Fill `pHolm` and `pBH` of every result of a batch from their `pValue`s (new objects; the inputs
 * are not mutated). A batch of one gets pHolm = pBH = p.
 * @throws {InvalidOptionError} when a p-value is outside [0, 1]
 */
export function applyBatchCorrections<T extends { pValue: PValue; pHolm: PValue | null; pBH: PValue | null }>(results: readonly T[]): T[] {
  const raw = results.map((r) => r.pValue as number);
  const holm = holmAdjust(raw);
  const bh = benjaminiHochbergAdjust(raw);
  return results.map((r, i) => ({ ...r, pHolm: asPValue(holm[i]!), pBH: asPValue(bh[i]!) }));
}
