// Which external-data files an ONNX graph's weights live in. Exports over 2 GB (and some smaller
// onnx-community ones) keep their weights beside the graph in onnx/model{suffix}.onnx_data,
// _data_1, … . The repo's config.json declares them under
// `transformers.js_config.use_external_data_format` — true or a chunk count for every graph, or a
// map keyed by file name ("model_fp16.onnx") or base name ("model") — and transformers.js reads
// only what that declares (utils/model-loader.js resolveExternalDataFormat, mirrored here). A
// folder listing that shows the files is followed too, so a config without the declaration still
// loads where the files can be listed (local folders).

/** Most chunks looked for in a listing (transformers.js MAX_EXTERNAL_DATA_CHUNKS is 100). */
const MAX_CHUNKS = 100;

/** Chunk file names of `onnxFile` ("model.onnx" → model.onnx_data, model.onnx_data_1, …), without the folder. */
export const externalDataNames = (onnxFile: string, chunks: number): string[] =>
  Array.from({ length: chunks }, (_, i) => `${onnxFile}_data${i === 0 ? '' : `_${i}`}`);

/** Chunks the config declares for `onnxFile` (a name inside onnx/, e.g. "model_q4f16.onnx"); 0 for none. */
function declaredExternalDataChunks(config: Record<string, unknown>, onnxFile: string): number {
  const tjs = config['transformers.js_config'];
  const declared = tjs && typeof tjs === 'object' ? (tjs as Record<string, unknown>).use_external_data_format : undefined;
  if (!declared) return 0;
  if (typeof declared === 'object') {
    const map = declared as Record<string, unknown>;
    const base = onnxFile.replace(/(_fp16|_quantized|_q4f16|_q4|_int8|_uint8|_bnb4)?\.onnx$/, '');
    const v = Object.hasOwn(map, onnxFile) ? map[onnxFile] : Object.hasOwn(map, base) ? map[base] : 0;
    return Math.max(0, Math.floor(Number(v) || 0));
  }
  return Math.max(0, Math.floor(Number(declared) || 0));
}

/** Chunks present in a listing of onnx/ (consecutive from `_data`); 0 for none. */
function listedExternalDataChunks(onnxListing: readonly string[], onnxFile: string): number {
  const names = new Set(onnxListing);
  let n = 0;
  while (n < MAX_CHUNKS && names.has(externalDataNames(onnxFile, n + 1)[n]!)) n++;
  return n;
}

/**
 * External-data chunks of `onnxFile`: what the config declares, or what the listing shows when the
 * config declares none (listing null: unknown, e.g. the Hub).
 */
export function externalDataChunks(config: Record<string, unknown>, onnxFile: string, onnxListing: readonly string[] | null): number {
  return declaredExternalDataChunks(config, onnxFile) || (onnxListing ? listedExternalDataChunks(onnxListing, onnxFile) : 0);
}
