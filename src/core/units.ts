// Branded number types for quantities that are easy to confuse in a statistics report. A p-value,
// an effect size and a log-probability are all `number` at run time; the brand makes the compiler
// catch a d passed where a p belongs. Constructors validate the range once, at the boundary.

declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/** A probability in [0, 1] used as a p-value (never 0 for a permutation p; see permutationTest). */
export type PValue = Brand<number, 'PValue'>;
/** A standardised effect size such as Cohen's-d-like WEAT d. */
export type EffectSize = Brand<number, 'EffectSize'>;
/** A natural-log probability (≤ 0). */
export type LogProb = Brand<number, 'LogProb'>;

export const asPValue = (p: number): PValue => {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p-value must be in [0, 1], got ${p}`);
  return p as PValue;
};
export const asEffectSize = (d: number): EffectSize => d as EffectSize;
export const asLogProb = (lp: number): LogProb => {
  if (!(lp <= 0) && !Number.isNaN(lp)) throw new RangeError(`log-probability must be ≤ 0, got ${lp}`);
  return lp as LogProb;
};
