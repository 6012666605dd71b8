// How errors are shown: {name, message}. Core error classes spell their names as literals, so the
// names survive minification and arrive intact from the workers (src/core/errors.ts).
import { toErrorInfo, type ErrorInfo } from '../core/errors';

export const describeError = (e: unknown): ErrorInfo => toErrorInfo(e);

export const isCancelled = (e: unknown) => describeError(e).name === 'CancelledError';
