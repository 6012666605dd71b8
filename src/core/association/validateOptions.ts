// Range checks for AssociationOptions, done once at the entry of a run so that a bad value from a
// form, a URL or the CLI fails with a message naming the option instead of producing a silent NaN.
import { InvalidOptionError } from '../errors';
import type { AssociationOptions } from './types';

/** Upper limits that keep a run within browser memory/time; raise deliberately if needed. */
export const OPTION_LIMITS = {
  permutations: 100_000_000,
  bootstrap: 1_000_000,
  exactLimit: 10_000_000,
  nullHistogramBins: 1_000,
} as const;

const integerIn = (name: string, value: number, min: number, max: number): void => {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InvalidOptionError(`${name} must be an integer in [${min}, ${max}], got ${value}`);
  }
};

/**
 * Validate every field of AssociationOptions: permutations ∈ [1, 10⁸], bootstrap ∈ [0, 10⁶]
 * (0 disables the CI), confidenceLevel ∈ (0, 1), sd ∈ {sample, population}, ciMethod ∈
 * {percentile, bca}, seed a safe integer, exactLimit ∈ [0, 10⁷], nullHistogramBins ∈ [0, 1000].
 * @throws {InvalidOptionError} naming the first offending option
 */
export function validateAssociationOptions(options: AssociationOptions): void {
  integerIn('permutations', options.permutations, 1, OPTION_LIMITS.permutations);
  integerIn('bootstrap', options.bootstrap, 0, OPTION_LIMITS.bootstrap);
  if (!(options.confidenceLevel > 0 && options.confidenceLevel < 1)) {
    throw new InvalidOptionError(`confidenceLevel must be in (0, 1), got ${options.confidenceLevel}`);
  }
  if (options.sd !== 'sample' && options.sd !== 'population') throw new InvalidOptionError(`sd must be "sample" or "population", got ${String(options.sd)}`);
  if (options.ciMethod !== 'percentile' && options.ciMethod !== 'bca') throw new InvalidOptionError(`ciMethod must be "percentile" or "bca", got ${String(options.ciMethod)}`);
  if (!Number.isSafeInteger(options.seed)) throw new InvalidOptionError(`seed must be a safe integer, got ${options.seed}`);
  integerIn('exactLimit', options.exactLimit, 0, OPTION_LIMITS.exactLimit);
  integerIn('nullHistogramBins', options.nullHistogramBins, 0, OPTION_LIMITS.nullHistogramBins);
}
