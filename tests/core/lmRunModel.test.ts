// The model part of an LM run record: the runtime's backend word (and the older 'cpu') as the
// record's, the title as records have always named the backend, the weights' hash, the optional
// identity fields only when known, and a refusal of unknown backends.
import { describe, expect, it } from 'vitest';
import { lmRunModel } from '../../src/core/lmRunModel';

const SHA = 'a'.repeat(64);
const facts = { id: 'org/model', modelType: 'llama', kind: 'causal-lm', dtype: 'q8', sha256: { 'onnx/model_quantized.onnx': SHA } };

describe('lmRunModel', () => {
  it('records node (and the older runtime word cpu) as node and keeps wasm and webgpu', () => {
    expect(['node', 'cpu', 'wasm', 'webgpu'].map((backend) => lmRunModel({ ...facts, backend }).backend)).toEqual(['node', 'node', 'wasm', 'webgpu']);
  });

  it('names the model, its weights and how it ran; optional fields only when present', () => {
    expect(lmRunModel({ ...facts, backend: 'wasm' })).toEqual({
      id: 'org/model',
      title: 'org/model (llama causal-lm, q8, wasm)',
      assetSha256: SHA,
      dtype: 'q8',
      backend: 'wasm',
    });
    const commit = 'c'.repeat(40);
    expect(lmRunModel({ ...facts, backend: 'node', revision: commit, passes: 'one-sequence-per-pass', fileSha256: { 'config.json': SHA } }, 'http://127.0.0.1:9/')).toEqual({
      id: 'org/model',
      title: 'org/model (llama causal-lm, q8, cpu) from http://127.0.0.1:9/',
      assetSha256: SHA,
      dtype: 'q8',
      backend: 'node',
      revision: commit,
      passes: 'one-sequence-per-pass',
      fileSha256: { 'config.json': SHA },
    });
  });

  it('a hash that is not sha256 hex is not recorded as the asset hash; an unknown backend is refused', () => {
    expect(lmRunModel({ ...facts, backend: 'cpu', sha256: { 'onnx/model.onnx': 'not-a-hash' } }).assetSha256).toBeNull();
    expect(() => lmRunModel({ ...facts, backend: 'tpu' })).toThrow(RangeError);
  });
});
