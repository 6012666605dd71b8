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

/** ORT reading a graph's external-data file: absent (node: path check; web: not mounted), or shorter than the graph says. */
const EXTERNAL_DATA_MISSING = /External data path does not exist|MountedFiles is not available|Failed to load external data file.*(not found|no such file|ENOENT|404)/i;
const EXTERNAL_DATA_SHORT = /GetExtDataFromTensorProto|given file_length|Failed to load external data file.*out of bounds/i;

/** A body that stopped before its Content-Length (undici: "terminated"; Chromium, reading the body: "TypeError: network error"). */
const CUT_OFF = /\bterminated\b|premature close|ERR_CONTENT_LENGTH_MISMATCH|other side closed|socket hang up|TypeError: network error/i;
/** A web page where a file or JSON was expected: a sign-in page, a captive portal, a proxy's error page. */
const HTML_ANSWER = /Unexpected token '<'|<!DOCTYPE|<html/i;
/** transformers.js's words for the HTTP statuses it names (utils/hub.js ERROR_MAPPING), by status. */
const SERVER_STATUS: [RegExp, number, string][] = [
  [/Internal server error error occurred/i, 500, 'Internal Server Error'],
  [/Bad gateway error occurred/i, 502, 'Bad Gateway'],
  [/Service unavailable error occurred/i, 503, 'Service Unavailable'],
  [/Gateway timeout error occurred/i, 504, 'Gateway Timeout'],
  [/Request timeout error occurred/i, 408, 'Request Timeout'],
];
const NETWORK = /fetch failed|Failed to fetch|NetworkError|ENOTFOUND|ECONNREFUSED|ECONNRESET|EAI_AGAIN|getaddrinfo|network error|Load failed/i;

export const isOutOfMemory = (e: unknown) => OOM.test(text(e));
const isNetworkError = (e: unknown) => NETWORK.test(text(e) + ' ' + text((e as { cause?: unknown } | null)?.cause));
export const looksLikeWebGpuProblem = (e: unknown) => WEBGPU_UNSUPPORTED.test(text(e)) || isOutOfMemory(e);

/**
 * The model file a raw message names (a path or URL ending in it), as a path inside the model folder:
 * transformers.js reports which of several files it could not find, and ORT which graph it could
 * not read, more precisely than the step that was running.
 */
function fileNamedIn(raw: string): string | null {
  const m = /(?:^|[/"'`\s(])((?:onnx\/)?[\w.-]+\.(?:onnx_data(?:_\d+)?|onnx|json|txt|model))(?=$|["'`\s),:;])/.exec(raw);
  return m ? m[1]! : null;
}

const firstLine = (raw: string) => raw.split('\n')[0]!.slice(0, 240);

/** `file` of model `id` is not at `where`; `why` says how that showed (an HTTP status, a folder listing). */
export function missingFileError(id: string, file: string, where: string, why: string): ModelNotFoundError {
  const at = id === where ? where : `${id} at ${where}`;
  if (/\.onnx_data/.test(file))
    return new ModelNotFoundError(`${at}: ${file}, which holds the weights of ${file.replace(/_data(_\d+)?$/, '')}, was not found (${why}); put it next to the .onnx file.`);
  return new ModelNotFoundError(`${at}: ${file} was not found (${why}). Check the model id and that the repository has ONNX files.`);
}

/**
 * Map an error raised while fetching/parsing `file` of model `id` (found at `where`). Named errors
 * pass through; so does the generic ModelLoadError of another layer, unless it carries the raw
 * error as its `cause`, which is then mapped instead.
 */
export function mapLoadError(e: unknown, id: string, file: string, where: string): Error {
  if (e instanceof WorkbenchError) {
    const cause = (e as { cause?: unknown }).cause;
    if (e.name !== 'ModelLoadError' || cause === undefined) return e;
    e = cause;
  }
  const raw = text(e);
  const status = (e as { status?: number } | null)?.status;
  const at = id === where ? where : `${id} at ${where}`;
  // transformers.js treats a missing tokenizer_config.json as "no tokenizer files" and then fails on
  // `undefined.tokenizer_class`.
  if (/tokenizer/i.test(file) && /tokenizer_class/.test(raw))
    return new MissingTokenizerError(`${at} has no tokenizer_config.json; a transformers.js model folder needs tokenizer.json and tokenizer_config.json.`);
  if (EXTERNAL_DATA_MISSING.test(raw) || EXTERNAL_DATA_SHORT.test(raw)) {
    const named = fileNamedIn(raw);
    const dataFile = named?.includes('.onnx_data') ? (named.includes('/') ? named : file.replace(/[^/]*$/, named)) : `${file}_data`;
    if (EXTERNAL_DATA_MISSING.test(raw)) return missingFileError(id, dataFile, where, 'ONNX Runtime could not open it');
    return new CorruptModelFileError(`${at}: ${dataFile} is shorter than ${file} says its weights are (truncated download?). (${firstLine(raw)})`);
  }
  const notFound = (e as { name?: string } | null)?.name === 'ModelFileNotFoundError' || status === 404 || status === 401;
  if (notFound || (NOT_FOUND.test(raw) && !CORRUPT.test(raw))) {
    const missing = fileNamedIn(raw) ?? file;
    if (/tokenizer/i.test(missing) || (/tokenizer/i.test(file) && !/\.onnx/.test(missing)))
      return new MissingTokenizerError(`${at} has no ${missing}; a transformers.js model folder needs tokenizer.json and tokenizer_config.json.`);
    const why = status === 401 ? 'HTTP 401: the Hub answers so for a repository that does not exist or is private' : status ? `HTTP ${status}` : 'HTTP 404 / missing file';
    return missingFileError(id, missing, where, why);
  }
  if (CUT_OFF.test(raw))
    return new ModelLoadError(`The download of ${file} of ${id} from ${where} was cut off before its end (the connection closed); nothing of it was kept. Retry.`);
  const server = SERVER_STATUS.find(([pattern]) => pattern.test(raw));
  if (server)
    return new ModelLoadError(`${where} answered HTTP ${server[1]} (${server[2]}) for ${file} of ${id}: a problem on the host's side, not with the model. Retry in a minute.`);
  if (HTML_ANSWER.test(raw))
    return new ModelLoadError(
      `${where} sent a web page (HTML) instead of ${file} of ${id}: a sign-in page, captive portal or proxy? Open ${where} in a browser tab, then retry.`,
    );
  if (isNetworkError(e))
    return new ModelLoadError(`Could not reach ${where} to fetch ${file} of ${id} (offline, or the host blocks cross-origin requests?). (${firstLine(raw)})`);
  if (isOutOfMemory(e)) return new OutOfMemoryError(`Out of memory while loading ${id} (${file}). Try a smaller dtype (q8/q4) or a smaller model. (${firstLine(raw)})`);
  if (CORRUPT.test(raw)) {
    const bad = /\.json$/.test(file) ? file : (fileNamedIn(raw) ?? file);
    return new CorruptModelFileError(`${at}: ${bad} is corrupt or not a valid ${/json/i.test(bad) ? 'JSON' : 'ONNX'} file (truncated download?). (${firstLine(raw)})`);
  }
  return new ModelLoadError(`Could not load ${id} (${file}): ${firstLine(raw)}`);
}

/** Map an error raised while running a forward pass. */
export function mapRunError(e: unknown, id: string, backend: string): Error {
  if (e instanceof WorkbenchError) return e;
  const raw = text(e);
  if (isOutOfMemory(e))
    return new OutOfMemoryError(`Out of memory running ${id} on ${backend}. Use a smaller batch size, shorter texts or a smaller dtype. (${raw})`);
  return new ModelLoadError(`Running ${id} on ${backend} failed: ${raw}`);
}
