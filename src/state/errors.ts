// How errors are shown: {name, message} with a readable class name even in a minified build
// (see src/worker/errorNames.ts), never a mangled one.
import type { ErrorInfo } from '../core/errors';
import { canonicalErrorName } from '../worker/errorNames';

export function describeError(e: unknown): ErrorInfo {
  if (!(e instanceof Error)) return { name: 'Error', message: String(e) };
  return { name: canonicalErrorName(e), message: e.message };
}

export const isCancelled = (e: unknown) => describeError(e).name === 'CancelledError';
