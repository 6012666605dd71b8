// Named error classes for everything a user can get wrong or a model can fail at. They cross
// thread boundaries as plain {name, message} (see toErrorInfo/fromErrorInfo), never as a
// stringified object, so the page can show the message and branch on the name. Each class spells
// its name as a string literal: a minifier renames classes, so `new.target.name` would ship "M".

export class WorkbenchError extends Error {
  override name = 'WorkbenchError';
}

/** A word set (or sentence set) is empty, too small, or otherwise unusable. */
export class InvalidWordSetError extends WorkbenchError {
  override name = 'InvalidWordSetError';
}
/** Every stimulus of a set is out of the model's vocabulary. */
export class AllOutOfVocabularyError extends WorkbenchError {
  override name = 'AllOutOfVocabularyError';
}
/** A vector contains NaN/Infinity, or vectors of different dimensions were mixed. */
export class InvalidVectorError extends WorkbenchError {
  override name = 'InvalidVectorError';
}
/** Options outside their allowed range (permutations < 1, confidence level ∉ (0,1), …). */
export class InvalidOptionError extends WorkbenchError {
  override name = 'InvalidOptionError';
}
/** A probe definition failed schema validation. */
export class ProbeValidationError extends WorkbenchError {
  override name = 'ProbeValidationError';
}
/** A file (CSV, JSON, word-vector text) could not be parsed; message carries the line number. */
export class ParseError extends WorkbenchError {
  override name = 'ParseError';
}
/** An input (file or paste) is over the size limit for its kind; refused before it is read. */
export class InputTooLargeError extends WorkbenchError {
  override name = 'InputTooLargeError';
}
/** A model could not be found, loaded or run. */
export class ModelLoadError extends WorkbenchError {
  override name = 'ModelLoadError';
}
/** The model architecture or file layout is not supported. */
export class UnsupportedModelError extends WorkbenchError {
  override name = 'UnsupportedModelError';
}
/** The user cancelled a long-running operation. */
export class CancelledError extends WorkbenchError {
  override name = 'CancelledError';
}
/** A model would be downloaded without the user having asked for it in this tab (a link, a stored setting). */
export class DownloadNotApprovedError extends WorkbenchError {
  override name = 'DownloadNotApprovedError';
}
/** A model id or one of its files does not exist (HTTP 404 from the Hub, a missing local file). */
export class ModelNotFoundError extends ModelLoadError {
  override name = 'ModelNotFoundError';
}
/** A model folder has no usable tokenizer (tokenizer.json / tokenizer_config.json). */
export class MissingTokenizerError extends ModelLoadError {
  override name = 'MissingTokenizerError';
}
/** A model file is truncated or not what it claims to be (bad ONNX protobuf, invalid JSON). */
export class CorruptModelFileError extends ModelLoadError {
  override name = 'CorruptModelFileError';
}
/** A model's config.json contradicts its ONNX graph (e.g. a key/value head size the graph does not have), or lacks a size the graph leaves open. */
export class ModelConfigMismatchError extends ModelLoadError {
  override name = 'ModelConfigMismatchError';
}
/** The device ran out of memory while loading or running a model. */
export class OutOfMemoryError extends ModelLoadError {
  override name = 'OutOfMemoryError';
}
/** A Hub repository is gated: its files need an account that was granted access (the workbench sends no token). */
export class GatedModelError extends ModelLoadError {
  override name = 'GatedModelError';
}
/** The page's Content-Security-Policy refused a download (a Hub host the build or server was not told about). */
export class BlockedByPolicyError extends ModelLoadError {
  override name = 'BlockedByPolicyError';
}
/** A model's files are larger than the chosen device can hold; refused before downloading. */
export class ModelTooLargeError extends ModelLoadError {
  override name = 'ModelTooLargeError';
}

// LM probe errors (counterfactual pairs, templates, position swaps, prompt probes).
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

/** IAT trials that cannot be scored: a pairing that changes within a block, blocks 3 and 6 with the same pairing, a repeated trial. */
export class InvalidTrialsError extends WorkbenchError {
  override name = 'InvalidTrialsError';
}

export interface ErrorInfo {
  name: string;
  message: string;
}

export const toErrorInfo = (e: unknown): ErrorInfo =>
  e instanceof Error ? { name: e.name, message: e.message } : { name: 'Error', message: String(e) };

const knownErrors = {
  WorkbenchError,
  InvalidWordSetError,
  AllOutOfVocabularyError,
  InvalidVectorError,
  InvalidOptionError,
  ProbeValidationError,
  ParseError,
  InputTooLargeError,
  ModelLoadError,
  UnsupportedModelError,
  CancelledError,
  DownloadNotApprovedError,
  ModelNotFoundError,
  MissingTokenizerError,
  CorruptModelFileError,
  ModelConfigMismatchError,
  OutOfMemoryError,
  GatedModelError,
  BlockedByPolicyError,
  ModelTooLargeError,
  InvalidLmScoreError,
  InvalidLmInputError,
  UnknownSlotError,
  MissingSlotValueError,
  TemplateSyntaxError,
  InvalidTrialsError,
} as const;

/**
 * Rebuild a named error on the receiving side of a thread boundary. The instance is made from the
 * class's prototype (not its constructor, whose parameters differ, e.g. UnknownSlotError(slot)), so
 * `instanceof` works and the message is exactly the one sent.
 */
export const fromErrorInfo = (info: ErrorInfo): Error => {
  const Ctor = (knownErrors as Record<string, abstract new (...args: never[]) => Error>)[info.name];
  const err: Error = Ctor ? Object.create(Ctor.prototype) : new Error(info.message);
  Object.defineProperty(err, 'message', { value: info.message, writable: true, configurable: true });
  Object.defineProperty(err, 'name', { value: info.name, writable: true, configurable: true });
  if (Ctor) Error.captureStackTrace?.(err, fromErrorInfo);
  return err;
};
