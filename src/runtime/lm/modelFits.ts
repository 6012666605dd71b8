// Whether a model's weight files can be loaded on a device at all, decided from file sizes before
// anything is downloaded. Pure, so the rule is tested with exact numbers. The limits are hard ones —
// a model over them cannot load however much memory the machine has; one under them may still run
// out of memory, which the loader reports when it happens:
//  - onnxruntime-node (backend 'node'): a 64-bit process that reads external data; no limit here.
//  - ONNX Runtime Web, WASM and WebGPU alike: the graph is parsed and the weights are read inside a
//    32-bit WebAssembly memory. An ONNX file is one protobuf message, and protobuf refuses messages
//    over 2 GiB − 1 bytes (INT_MAX), so a larger model must keep its weights in external data
//    (model.onnx_data); and graph plus external data must fit the 4 GiB a 32-bit memory can address.
//  - WebGPU: every weight tensor is one GPU buffer bound as a storage buffer, so the largest tensor
//    must fit the adapter's maxStorageBufferBindingSize and maxBufferSize. File sizes do not tell
//    tensor sizes; the embedding matrix (vocab_size × hidden size, usually the largest tensor) is
//    estimated from config.json where the dtype fixes its element size (fp32: 4 bytes, fp16: 2).
//    Quantized exports store embeddings in different ways, so no estimate is made for them.
import type { LmBackend, LmDtype } from './types';

/** Largest protobuf message (INT_MAX bytes): the most an ONNX file without external data can hold. */
export const PROTOBUF_LIMIT_BYTES = 2 ** 31 - 1;
/** The address space of a 32-bit WebAssembly memory. */
export const WASM32_LIMIT_BYTES = 2 ** 32;

interface WeightFile {
  file: string;
  bytes: number;
}

export interface WeightFiles {
  /** The .onnx file (graph, and the weights unless they are in external data). */
  graph: WeightFile;
  /** model.onnx_data, model.onnx_data_1, … in order. */
  externalData: WeightFile[];
}

export interface WebGpuLimits {
  maxBufferSize: number;
  maxStorageBufferBindingSize: number;
}

export type FitVerdict = { fits: true } | { fits: false; reason: string };

/** "5,000 MB": bytes in decimal megabytes (as the Hub shows sizes), rounded, with thousands separators. */
export const megabytes = (bytes: number): string => `${String(Math.round(bytes / 1e6)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} MB`;

/** The weight files of `onnxFile` among the sizes of a repo or folder; null when the graph's size is unknown. */
export function weightFilesOf(onnxFile: string, sizes: Readonly<Record<string, number>>): WeightFiles | null {
  const graph = sizes[onnxFile];
  if (graph === undefined) return null;
  const externalData: WeightFile[] = [];
  for (let i = 0; ; i++) {
    const file = i === 0 ? `${onnxFile}_data` : `${onnxFile}_data_${i}`;
    const bytes = sizes[file];
    if (bytes === undefined) break;
    externalData.push({ file, bytes });
  }
  return { graph: { file: onnxFile, bytes: graph }, externalData };
}

const ELEMENT_BYTES: Partial<Record<LmDtype, number>> = { fp32: 4, fp16: 2 };

/**
 * Bytes of the embedding matrix, vocab_size × hidden size (hidden_size, n_embd or d_model) × the
 * dtype's element size; null when the config lacks the sizes or the dtype is quantized.
 */
export function embeddingBytes(config: Readonly<Record<string, unknown>>, dtype: LmDtype): number | null {
  const element = ELEMENT_BYTES[dtype];
  const vocab = config.vocab_size;
  const hidden = [config.hidden_size, config.n_embd, config.d_model].find((v) => typeof v === 'number' && v > 0);
  if (!element || typeof vocab !== 'number' || vocab <= 0 || typeof hidden !== 'number') return null;
  return vocab * hidden * element;
}

/**
 * Whether `files` can be loaded on `backend` (see the header for the rules, checked in that order).
 * `largestTensorBytes`: an estimate of the largest weight tensor (embeddingBytes), when known.
 */
export function modelFitsDevice(files: WeightFiles, backend: LmBackend, opts: { webGpuLimits?: WebGpuLimits; largestTensorBytes?: number | null } = {}): FitVerdict {
  if (backend === 'node') return { fits: true };
  const { graph, externalData } = files;
  if (graph.bytes > PROTOBUF_LIMIT_BYTES)
    return {
      fits: false,
      reason: `${graph.file} is ${megabytes(graph.bytes)} in one protobuf, over the ${megabytes(PROTOBUF_LIMIT_BYTES)} ONNX Runtime Web can parse (a model this large needs its weights in external data, ${graph.file}_data)`,
    };
  const total = graph.bytes + externalData.reduce((s, f) => s + f.bytes, 0);
  if (total > WASM32_LIMIT_BYTES)
    return {
      fits: false,
      reason: `${[graph, ...externalData].map((f) => f.file).join(' + ')} total ${megabytes(total)}, more than the ${megabytes(WASM32_LIMIT_BYTES)} a 32-bit WebAssembly memory can address`,
    };
  const limits = opts.webGpuLimits;
  const tensor = opts.largestTensorBytes;
  if (backend === 'webgpu' && limits && tensor) {
    const bufferLimit = Math.min(limits.maxBufferSize, limits.maxStorageBufferBindingSize);
    if (tensor > bufferLimit)
      return {
        fits: false,
        reason: `its embedding matrix (≈${megabytes(tensor)}) is larger than the biggest buffer this GPU can bind (${megabytes(bufferLimit)})`,
      };
  }
  return { fits: true };
}
