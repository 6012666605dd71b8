// The rule that refuses a model too large for a device, before download (src/runtime/lm/modelFits.ts).
// Expected values are the limits themselves: protobuf's INT_MAX (2^31 − 1 bytes) for one ONNX file,
// 2^32 bytes for a 32-bit WebAssembly memory; each is checked one byte under and over. Embedding
// sizes are worked out by hand from the real configs' numbers.
import { describe, expect, it } from 'vitest';
import {
  PROTOBUF_LIMIT_BYTES,
  WASM32_LIMIT_BYTES,
  embeddingBytes,
  megabytes,
  modelFitsDevice,
  weightFilesOf,
  type WeightFiles,
} from '../../../src/runtime/lm/modelFits';

const single = (bytes: number): WeightFiles => ({ graph: { file: 'onnx/model.onnx', bytes }, externalData: [] });
const split = (graph: number, ...data: number[]): WeightFiles => ({
  graph: { file: 'onnx/model.onnx', bytes: graph },
  externalData: data.map((bytes, i) => ({ file: i === 0 ? 'onnx/model.onnx_data' : `onnx/model.onnx_data_${i}`, bytes })),
});

describe('modelFitsDevice', () => {
  it('one ONNX file: up to 2^31 − 1 bytes on WASM and WebGPU, any size on onnxruntime-node', () => {
    expect(PROTOBUF_LIMIT_BYTES).toBe(2147483647);
    expect(modelFitsDevice(single(PROTOBUF_LIMIT_BYTES), 'wasm')).toEqual({ fits: true });
    expect(modelFitsDevice(single(PROTOBUF_LIMIT_BYTES + 1), 'wasm')).toEqual({
      fits: false,
      reason: 'onnx/model.onnx is 2,147 MB in one protobuf, over the 2,147 MB ONNX Runtime Web can parse (a model this large needs its weights in external data, onnx/model.onnx_data)',
    });
    expect(modelFitsDevice(single(PROTOBUF_LIMIT_BYTES + 1), 'webgpu').fits).toBe(false);
    expect(modelFitsDevice(single(5e9), 'node')).toEqual({ fits: true });
  });

  it('graph + external data: up to 2^32 bytes in all', () => {
    expect(WASM32_LIMIT_BYTES).toBe(4294967296);
    // 1 MB graph + data chunks summing to exactly 2^32.
    expect(modelFitsDevice(split(1_000_000, 2_000_000_000, WASM32_LIMIT_BYTES - 2_001_000_000), 'wasm')).toEqual({ fits: true });
    expect(modelFitsDevice(split(1_000_000, 2_000_000_000, WASM32_LIMIT_BYTES - 2_001_000_000 + 1), 'webgpu')).toEqual({
      fits: false,
      reason: 'onnx/model.onnx + onnx/model.onnx_data + onnx/model.onnx_data_1 total 4,295 MB, more than the 4,295 MB a 32-bit WebAssembly memory can address',
    });
    // Phi-3.5-mini q4f16 layout: a small graph and ~2.1 GB of external data fits.
    expect(modelFitsDevice(split(300_000, 2_100_000_000), 'wasm')).toEqual({ fits: true });
  });

  it('WebGPU: the estimated largest tensor against the adapter’s smaller buffer limit', () => {
    const limits = { maxBufferSize: 2 ** 31, maxStorageBufferBindingSize: 2 ** 30 };
    // gemma-3-1b: vocab 262,144 × hidden 1,152 × 4 bytes = 1,207,959,552 > 2^30 = 1,073,741,824.
    const gemmaFp32 = embeddingBytes({ vocab_size: 262144, hidden_size: 1152 }, 'fp32');
    expect(gemmaFp32).toBe(1207959552);
    expect(modelFitsDevice(split(500_000, 4_000_000_000), 'webgpu', { webGpuLimits: limits, largestTensorBytes: gemmaFp32 })).toEqual({
      fits: false,
      reason: 'its embedding matrix (≈1,208 MB) is larger than the biggest buffer this GPU can bind (1,074 MB)',
    });
    // Same model on WASM: no buffer limit there.
    expect(modelFitsDevice(split(500_000, 4_000_000_000), 'wasm', { webGpuLimits: limits, largestTensorBytes: gemmaFp32 })).toEqual({ fits: true });
    // fp16 halves it: 603,979,776 ≤ 2^30.
    const gemmaFp16 = embeddingBytes({ vocab_size: 262144, hidden_size: 1152 }, 'fp16');
    expect(gemmaFp16).toBe(603979776);
    expect(modelFitsDevice(split(500_000, 2_000_000_000), 'webgpu', { webGpuLimits: limits, largestTensorBytes: gemmaFp16 })).toEqual({ fits: true });
    // Limits unknown: only the file rules apply.
    expect(modelFitsDevice(split(500_000, 4_000_000_000), 'webgpu', { largestTensorBytes: gemmaFp32 })).toEqual({ fits: true });
  });
});

describe('embeddingBytes', () => {
  it('vocab × hidden (hidden_size, n_embd or d_model) × element size; null for quantized dtypes or missing sizes', () => {
    expect(embeddingBytes({ vocab_size: 50257, n_embd: 768 }, 'fp32')).toBe(50257 * 768 * 4); // GPT-2: 154,389,504
    expect(embeddingBytes({ vocab_size: 50257, n_embd: 768 }, 'fp16')).toBe(77194752);
    expect(embeddingBytes({ vocab_size: 50257, n_embd: 768 }, 'q8')).toBeNull();
    expect(embeddingBytes({ vocab_size: 50257, n_embd: 768 }, 'q4f16')).toBeNull();
    expect(embeddingBytes({ n_embd: 768 }, 'fp32')).toBeNull();
  });
});

describe('weightFilesOf', () => {
  it('finds the graph and its numbered external-data chunks in order; null when the graph size is unknown', () => {
    const sizes = { 'onnx/model_q4.onnx': 10, 'onnx/model_q4.onnx_data': 20, 'onnx/model_q4.onnx_data_1': 30, 'onnx/model.onnx': 40, 'config.json': 1 };
    expect(weightFilesOf('onnx/model_q4.onnx', sizes)).toEqual(split2('onnx/model_q4.onnx', 10, 20, 30));
    expect(weightFilesOf('onnx/model.onnx', sizes)).toEqual({ graph: { file: 'onnx/model.onnx', bytes: 40 }, externalData: [] });
    expect(weightFilesOf('onnx/model_fp16.onnx', sizes)).toBeNull();
  });
});

const split2 = (file: string, graph: number, ...data: number[]): WeightFiles => ({
  graph: { file, bytes: graph },
  externalData: data.map((bytes, i) => ({ file: i === 0 ? `${file}_data` : `${file}_data_${i}`, bytes })),
});

describe('megabytes', () => {
  it('decimal MB, rounded, with thousands separators', () => {
    expect(megabytes(5e9)).toBe('5,000 MB');
    expect(megabytes(499_999)).toBe('0 MB');
    expect(megabytes(13_651_319)).toBe('14 MB');
    expect(megabytes(WASM32_LIMIT_BYTES)).toBe('4,295 MB');
  });
});
