// Range checks for LmRunOptions: the association checks plus batch size and the sign-flip limit.
import { validateAssociationOptions } from '../association/validateOptions';
import { InvalidOptionError } from '../errors';
import type { LmRunOptions } from './types';

/** Largest batch one scorer call may get (memory of a padded batch grows linearly with it). */
export const MAX_BATCH_SIZE = 1024;

/**
 * Validate every field of LmRunOptions (see validateAssociationOptions for the shared ones);
 * batchSize ∈ [1, 1024], signFlipExactLimit ∈ [0, 30].
 * @throws {InvalidOptionError} naming the first offending option
 */
export function validateLmRunOptions(options: LmRunOptions): void {
  validateAssociationOptions(options);
  if (!Number.isInteger(options.batchSize) || options.batchSize < 1 || options.batchSize > MAX_BATCH_SIZE) {
    throw new InvalidOptionError(`batchSize must be an integer in [1, ${MAX_BATCH_SIZE}], got ${options.batchSize}`);
  }
  if (!Number.isInteger(options.signFlipExactLimit) || options.signFlipExactLimit < 0 || options.signFlipExactLimit > 30) {
    throw new InvalidOptionError(`signFlipExactLimit must be an integer in [0, 30], got ${options.signFlipExactLimit}`);
  }
}
