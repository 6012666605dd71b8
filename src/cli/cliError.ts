// Errors the CLI reports itself (bad flags, unknown probe): printed to stderr with exit code 2,
// as distinct from failures inside a run (exit 1).
import { WorkbenchError } from '../core/errors';

export class UsageError extends WorkbenchError {
  override name = 'UsageError';
}
