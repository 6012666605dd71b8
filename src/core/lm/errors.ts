// Named errors of the LM probe core. They extend WorkbenchError (src/core/errors.ts) so they carry
// their class name across threads as {name, message}; they live here, not in errors.ts, because this
// module is developed alongside other work on the shared file. As in errors.ts each class spells its
// name as a string literal (a minifier renames classes). Slot errors keep the slot name as a field so
// the editor can highlight it.
import { WorkbenchError } from '../errors';

/** A log-probability, token count or probability from the model is unusable (NaN, > 0, tokens < 1, …). */
export class InvalidLmScoreError extends WorkbenchError {
  override name = 'InvalidLmScoreError';
}

/** The probe's items are structurally unusable: empty, duplicate ids, options missing, mismatched lengths. */
export class InvalidLmInputError extends WorkbenchError {
  override name = 'InvalidLmInputError';
}

/** A template refers to a slot for which no values were given. */
export class UnknownSlotError extends WorkbenchError {
  override name = 'UnknownSlotError';
  constructor(
    readonly slot: string,
    message = `template uses slot {${slot}}, but no values were given for it`,
  ) {
    super(message);
  }
}

/** A slot has an empty value list, or a fill is missing a value for one of the template's slots. */
export class MissingSlotValueError extends WorkbenchError {
  override name = 'MissingSlotValueError';
  constructor(
    readonly slot: string,
    message = `no value for slot {${slot}}`,
  ) {
    super(message);
  }
}

/** A template string is malformed (unbalanced or empty braces). */
export class TemplateSyntaxError extends WorkbenchError {
  override name = 'TemplateSyntaxError';
}
