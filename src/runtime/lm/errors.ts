// Turn what transformers.js / ONNX Runtime throw into the project's named errors with messages a
// user can act on. The raw messages differ between onnxruntime-node and onnxruntime-web and
// between versions, so the patterns are deliberately broad; the original text is kept at the end.
import {
  CorruptModelFileError,
  MissingTokenizerError,
  ModelLoadError,
  ModelNotFoundError,
  OutOfMemoryError,
  WorkbenchError,
} from '../../core/errors';

const text = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

const NOT_FOUND = /ModelFileNotFoundError|could not locate file|not found|404|ENOENT|no such file/i;
const CORRUPT =
  /protobuf|failed to load model|invalid model|Load model from .* failed|ModelProto|is not a valid onnx|unexpected end of|SyntaxError|Unexpected token|in JSON at position|JSON\.parse|INVALID_PROTOBUF|INVALID_GRAPH/i;
const OOM = /out of memory|\bOOM\b|bad_alloc|failed to allocate|allocation failed|cannot allocate|Array buffer allocation|Aborted\(OOM\)|memory access out of bounds|GPUOutOfMemory/i;
const WEBGPU_UNSUPPORTED =
  /not implemented|NOT_IMPLEMENTED|unsupported|could not find an implementation|no kernel|is not supported|shader-f16|f16|GPUValidationError|WebGPU/i;

const NETWORK = /fetch failed|Failed to fetch|NetworkError|ENOTFOUND|ECONNREFUSED|ECONNRESET|EAI_AGAIN|getaddrinfo|network error|Load failed/i;

export const isOutOfMemory = (e: unknown) => OOM.test(text(e));
export const isNetworkError = (e: unknown) => NETWORK.test(text(e) + ' ' + text((e as { cause?: unknown } | null)?.cause));
export const looksLikeWebGpuProblem = (e: unknown) => WEBGPU_UNSUPPORTED.test(text(e)) || isOutOfMemory(e);

/** Map an error raised while fetching/parsing `file` of model `id`. Already-named errors pass through. */
export function mapLoadError(e: unknown, id: string, file: string, where: string): Error {
  if (e instanceof WorkbenchError) return e;
  const raw = text(e);
  const status = (e as { status?: number } | null)?.status;
  // transformers.js treats a missing tokenizer_config.json as "no tokenizer files" and then fails on
  // `undefined.tokenizer_class`.
  if (/tokenizer/i.test(file) && /tokenizer_class/.test(raw))
    return new MissingTokenizerError(`${id} has no tokenizer_config.json at ${where}; a transformers.js model folder needs tokenizer.json and tokenizer_config.json.`);
  const notFound = (e as { name?: string } | null)?.name === 'ModelFileNotFoundError' || status === 404 || status === 401;
  if (notFound || (NOT_FOUND.test(raw) && !CORRUPT.test(raw))) {
    if (/tokenizer/i.test(file) || /tokenizer/i.test(raw))
      return new MissingTokenizerError(
        `${id} has no tokenizer: ${file} was not found at ${where}. A transformers.js model folder needs tokenizer.json and tokenizer_config.json. (${raw})`,
      );
    const why = status === 401 ? 'HTTP 401: the Hub answers so for a repository that does not exist or is private' : 'HTTP 404 / missing file';
    return new ModelNotFoundError(`${id}: ${file} was not found at ${where} (${why}). Check the model id and that the repository has ONNX files. (${raw})`);
  }
  if (isNetworkError(e))
    return new ModelLoadError(`Could not reach ${where} to fetch ${file} of ${id} (offline, or the host blocks cross-origin requests?). (${raw})`);
  if (isOutOfMemory(e)) return new OutOfMemoryError(`Out of memory while loading ${id} (${file}). Try a smaller dtype (q8/q4) or a smaller model. (${raw})`);
  if (CORRUPT.test(raw))
    return new CorruptModelFileError(`${id}: ${file} is corrupt or not a valid ${/json/i.test(file) ? 'JSON' : 'ONNX'} file (truncated download?). (${raw})`);
  return new ModelLoadError(`Could not load ${id} (${file}): ${raw}`);
}

/** Map an error raised while running a forward pass. */
export function mapRunError(e: unknown, id: string, backend: string): Error {
  if (e instanceof WorkbenchError) return e;
  const raw = text(e);
  if (isOutOfMemory(e))
    return new OutOfMemoryError(`Out of memory running ${id} on ${backend}. Use a smaller batch size, shorter texts or a smaller dtype. (${raw})`);
  return new ModelLoadError(`Running ${id} on ${backend} failed: ${raw}`);
}
