// How errors are shown: {name, message}. Core error classes spell their names as literals, so the
// names survive minification and arrive intact from the workers (src/core/errors.ts). The state
// layer's own failures (the history store) are named classes the same way.
import { toErrorInfo, WorkbenchError, type ErrorInfo } from '../core/errors';

export const describeError = (e: unknown): ErrorInfo => toErrorInfo(e);

export const isCancelled = (e: unknown) => describeError(e).name === 'CancelledError';

/** IndexedDB neither opened nor failed within the time allowed (seen in some private modes). */
export class HistoryOpenTimeoutError extends WorkbenchError {
  override name = 'HistoryOpenTimeoutError';
}
