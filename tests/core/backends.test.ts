// The one backend vocabulary: stored words keep their meaning, the old runtime/CLI word 'cpu' reads
// as 'node', anything else is refused (as a record value) or rejected (as a --device flag), and each
// engine has one label.
import { describe, expect, it } from 'vitest';
import { backendLabel, normalizeBackend, parseDeviceChoice } from '../../src/core/backends';

describe('backends', () => {
  it('reads every word a stored record may hold as itself, and cpu as node', () => {
    expect(['webgpu', 'wasm', 'node', 'js', 'cpu'].map(normalizeBackend)).toEqual(['webgpu', 'wasm', 'node', 'js', 'node']);
    expect(() => normalizeBackend('tpu')).toThrow(RangeError);
  });
  it('parses a device choice, the old cpu included; other words are not choices', () => {
    expect(['auto', 'webgpu', 'wasm', 'node', 'cpu'].map(parseDeviceChoice)).toEqual(['auto', 'webgpu', 'wasm', 'node', 'node']);
    expect(parseDeviceChoice('js')).toBeNull();
    expect(parseDeviceChoice('CPU')).toBeNull();
  });
  it('labels each engine; cpu as onnxruntime-node; an unknown word as it is', () => {
    expect(['webgpu', 'wasm', 'node', 'js', 'cpu', 'tpu'].map(backendLabel)).toEqual(['WebGPU', 'WASM', 'onnxruntime-node (CPU)', 'JavaScript', 'onnxruntime-node (CPU)', 'tpu']);
  });
});
