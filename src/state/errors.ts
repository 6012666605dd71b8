// How errors are shown. Named error classes cross the worker boundary as {name, message}; in a
// minified build a class's `.name` can be mangled (e.g. "bt"), so on this side we name errors by
// `instanceof` against the core classes (most specific first) and never show a mangled name.
import * as E from '../core/errors';
import type { ErrorInfo } from '../core/errors';

const CLASSES: [new (m: string) => Error, string][] = [
  [E.CancelledError, 'CancelledError'],
  [E.ModelNotFoundError, 'ModelNotFoundError'],
  [E.MissingTokenizerError, 'MissingTokenizerError'],
  [E.CorruptModelFileError, 'CorruptModelFileError'],
  [E.OutOfMemoryError, 'OutOfMemoryError'],
  [E.ModelLoadError, 'ModelLoadError'],
  [E.UnsupportedModelError, 'UnsupportedModelError'],
  [E.InvalidWordSetError, 'InvalidWordSetError'],
  [E.AllOutOfVocabularyError, 'AllOutOfVocabularyError'],
  [E.InvalidVectorError, 'InvalidVectorError'],
  [E.InvalidOptionError, 'InvalidOptionError'],
  [E.ProbeValidationError, 'ProbeValidationError'],
  [E.ParseError, 'ParseError'],
  [E.WorkbenchError, 'WorkbenchError'],
];

/** {name, message} with a readable class name (or "Error" when none is known). */
export function describeError(e: unknown): ErrorInfo {
  if (!(e instanceof Error)) return { name: 'Error', message: String(e) };
  for (const [C, name] of CLASSES) if (e instanceof C) return { name, message: e.message };
  const name = /^[A-Z][A-Za-z]*Error$/.test(e.name) ? e.name : 'Error';
  return { name, message: e.message };
}

export const isCancelled = (e: unknown) => describeError(e).name === 'CancelledError';
