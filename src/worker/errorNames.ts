// Minifiers rename classes, so `new.target.name` in src/core/errors.ts can become "bt" in a
// production build, and the {name, message} that crosses a thread would carry it. Here errors
// are named by `instanceof` against the core classes (most specific first); the scoring worker
// renames what it throws, and the page uses the same table to show readable names.
import * as E from '../core/errors';

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

/** The class name of a core error, else the error's own name if it looks like one, else "Error". */
export function canonicalErrorName(e: unknown): string {
  if (!(e instanceof Error)) return 'Error';
  for (const [C, name] of CLASSES) if (e instanceof C) return name;
  return /^[A-Z][A-Za-z]*Error$/.test(e.name) ? e.name : 'Error';
}

/** The same error with its readable name set (for throwing across a thread). */
export function withCanonicalName<T>(e: T): T {
  if (e instanceof Error) e.name = canonicalErrorName(e);
  return e;
}
