// Named error classes for everything a user can get wrong or a model can fail at. They cross
// thread boundaries as plain {name, message} (see toErrorInfo/fromErrorInfo), never as a
// stringified object, so the page can show the message and branch on the name.

export class WorkbenchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A word set (or sentence set) is empty, too small, or otherwise unusable. */
export class InvalidWordSetError extends WorkbenchError {}
/** Every stimulus of a set is out of the model's vocabulary. */
export class AllOutOfVocabularyError extends WorkbenchError {}
/** A vector contains NaN/Infinity, or vectors of different dimensions were mixed. */
export class InvalidVectorError extends WorkbenchError {}
/** Options outside their allowed range (permutations < 1, confidence level ∉ (0,1), …). */
export class InvalidOptionError extends WorkbenchError {}
/** A probe definition failed schema validation. */
export class ProbeValidationError extends WorkbenchError {}
/** A file (CSV, JSON, word-vector text) could not be parsed; message carries the line number. */
export class ParseError extends WorkbenchError {}
/** A model could not be found, loaded or run. */
export class ModelLoadError extends WorkbenchError {}
/** The model architecture or file layout is not supported. */
export class UnsupportedModelError extends WorkbenchError {}
/** The user cancelled a long-running operation. */
export class CancelledError extends WorkbenchError {}
/** A model id or one of its files does not exist (HTTP 404 from the Hub, a missing local file). */
export class ModelNotFoundError extends ModelLoadError {}
/** A model folder has no usable tokenizer (tokenizer.json / tokenizer_config.json). */
export class MissingTokenizerError extends ModelLoadError {}
/** A model file is truncated or not what it claims to be (bad ONNX protobuf, invalid JSON). */
export class CorruptModelFileError extends ModelLoadError {}
/** The device ran out of memory while loading or running a model. */
export class OutOfMemoryError extends ModelLoadError {}

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
  ModelLoadError,
  UnsupportedModelError,
  CancelledError,
  ModelNotFoundError,
  MissingTokenizerError,
  CorruptModelFileError,
  OutOfMemoryError,
} as const;

/** Rebuild a named error on the receiving side of a thread boundary. */
export const fromErrorInfo = (info: ErrorInfo): Error => {
  const Ctor = (knownErrors as Record<string, new (m: string) => Error>)[info.name];
  const err = Ctor ? new Ctor(info.message) : new Error(info.message);
  err.name = info.name;
  return err;
};
