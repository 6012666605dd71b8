// The browser's device rule for language models (src/runtime/lm/deviceChoice.ts): every preference
// against no adapter, a hardware adapter and a software (fallback) one.
import { describe, expect, it } from 'vitest';
import { lmDeviceCandidates, lmEngineBuild } from '../../../src/runtime/lm/deviceChoice';
import type { WebGpuCheck } from '../../../src/runtime/ort';

const none: WebGpuCheck = { available: false, reason: 'navigator.gpu.requestAdapter() returned no adapter; using WASM' };
const hardware: WebGpuCheck = { available: true };
const software: WebGpuCheck = { available: true, software: 'google swiftshader' };
const backends = (r: ReturnType<typeof lmDeviceCandidates>) => r.candidates.map((c) => c.backend);

describe('lmDeviceCandidates', () => {
  it('auto: WebGPU then WASM on a hardware adapter, with nothing skipped', () => {
    const r = lmDeviceCandidates('auto', hardware);
    expect(backends(r)).toEqual(['webgpu', 'wasm']);
    expect(r.skipped).toBeUndefined();
  });
  it('auto: WASM on a software adapter, saying which adapter and how to use it anyway', () => {
    const r = lmDeviceCandidates('auto', software);
    expect(backends(r)).toEqual(['wasm']);
    expect(r.skipped).toBe(
      'the WebGPU adapter is a software fallback (google swiftshader), far slower than WASM for language models; using WASM (choose WebGPU to use it anyway)',
    );
  });
  it('auto without an adapter: WASM with the check’s reason', () => {
    expect(lmDeviceCandidates('auto', none)).toEqual({ candidates: [{ device: 'wasm', backend: 'wasm' }], skipped: none.reason });
  });
  it('webgpu: any adapter, software included; none → nothing to try, with the reason', () => {
    expect(backends(lmDeviceCandidates('webgpu', hardware))).toEqual(['webgpu']);
    expect(backends(lmDeviceCandidates('webgpu', software))).toEqual(['webgpu']);
    expect(lmDeviceCandidates('webgpu', none)).toEqual({ candidates: [], skipped: none.reason });
  });
  it('wasm: WASM whatever the adapter; node (onnxruntime-node, absent from a page): WASM, saying why', () => {
    for (const gpu of [none, hardware, software]) {
      expect(lmDeviceCandidates('wasm', gpu)).toEqual({ candidates: [{ device: 'wasm', backend: 'wasm' }] });
      expect(lmDeviceCandidates('node', gpu)).toEqual({ candidates: [{ device: 'wasm', backend: 'wasm' }], skipped: 'onnxruntime-node runs only in Node (the CLI); using WASM' });
    }
  });
});

describe('lmEngineBuild', () => {
  it('the plain WASM build only for a session of our own whose first device is WASM', () => {
    const cases: Array<[Parameters<typeof lmEngineBuild>[0], WebGpuCheck, 'wasm' | 'webgpu']> = [
      ['auto', hardware, 'webgpu'],
      ['auto', software, 'wasm'],
      ['auto', none, 'wasm'],
      ['webgpu', hardware, 'webgpu'],
      ['webgpu', software, 'webgpu'],
      ['webgpu', none, 'webgpu'],
      ['wasm', hardware, 'wasm'],
      ['node', none, 'wasm'],
    ];
    for (const [pref, gpu, own] of cases) {
      expect([pref, gpu, lmEngineBuild(pref, gpu, true)]).toEqual([pref, gpu, own]);
      expect([pref, gpu, lmEngineBuild(pref, gpu, false)]).toEqual([pref, gpu, 'webgpu']);
    }
  });
});
