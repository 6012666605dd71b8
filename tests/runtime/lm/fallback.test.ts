// Device fallback and run-time error mapping in the shared loader (load.ts), with a platform whose
// "WebGPU" candidate fails the way ORT-web does (an operator without a WebGPU kernel, GPU OOM) and
// whose second candidate is onnxruntime-node: the model must load on the second, say why, and map
// out-of-memory to OutOfMemoryError when nothing can run it.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutOfMemoryError, UnsupportedModelError } from '../../../src/core/errors';
import { loadLanguageModelWith, type LmPlatform, type PreparedSource, type TransformersModule } from '../../../src/runtime/lm/load';
import { GPT, MODELS_DIR } from './helpers';

function platform(webgpuError: Error, opts: { secondFails?: Error } = {}): LmPlatform {
  const folder = path.join(MODELS_DIR, GPT);
  return {
    importTransformers: async () => {
      const tf: TransformersModule = await import('@huggingface/transformers');
      return tf;
    },
    async prepare(tf): Promise<PreparedSource> {
      tf.env.allowLocalModels = true;
      tf.env.allowRemoteModels = false;
      tf.env.useFSCache = false;
      tf.env.localModelPath = MODELS_DIR + path.sep;
      return { ref: GPT, where: folder, listOnnxFiles: async () => ['model.onnx'], sha256: async () => null };
    },
    async devices() {
      return {
        candidates: [
          { device: 'direct', backend: 'webgpu' },
          { device: opts.secondFails ? 'direct' : 'cpu', backend: 'node' },
        ],
        fp16OnWebGpu: false,
      };
    },
    async createDirect(_prepared, _file, _config, backend) {
      if (backend === 'webgpu') throw webgpuError;
      throw opts.secondFails!;
    },
  };
}

describe('WebGPU → next device fallback', () => {
  it('an operator without a WebGPU kernel: loads on the next device and says why', async () => {
    const lm = await loadLanguageModelWith(platform(new Error('[WebGPU] Kernel "GatherBlockQuantized" is not implemented.')), { type: 'embedded', id: GPT });
    try {
      expect(lm.info.backend).toBe('node');
      expect(lm.info.fallbackReason).toMatch(/not supported on WebGPU.*GatherBlockQuantized.*fell back/);
      expect((await lm.tokenLogProbs(['Call me Ishmael.']))[0]!.total).toBeLessThan(0);
    } finally {
      await lm.dispose();
    }
  });

  it('GPU out of memory: falls back and names it', async () => {
    const lm = await loadLanguageModelWith(platform(new Error('GPUOutOfMemoryError: failed to allocate buffer')), { type: 'embedded', id: GPT });
    expect(lm.info.fallbackReason).toMatch(/ran out of GPU memory/);
    await lm.dispose();
  });

  it('out of memory everywhere → OutOfMemoryError', async () => {
    const oom = new RangeError('Array buffer allocation failed');
    await expect(loadLanguageModelWith(platform(oom, { secondFails: oom }), { type: 'embedded', id: GPT })).rejects.toBeInstanceOf(OutOfMemoryError);
  });

  it('asking for fp16 on an adapter without shader-f16 (and nothing else) is refused with the reason', async () => {
    const p = platform(new Error('unused'));
    p.devices = async () => ({ candidates: [{ device: 'webgpu', backend: 'webgpu' }], fp16OnWebGpu: false });
    p.prepare = async (tf) => ({ ...(await platform(new Error('x')).prepare(tf, { type: 'embedded', id: GPT })), listOnnxFiles: async () => ['model.onnx', 'model_fp16.onnx'] });
    await expect(loadLanguageModelWith(p, { type: 'embedded', id: GPT }, { dtype: 'fp16' })).rejects.toThrow(UnsupportedModelError);
    await expect(loadLanguageModelWith(p, { type: 'embedded', id: GPT }, { dtype: 'fp16' })).rejects.toThrow(/shader-f16/);
  });
});
