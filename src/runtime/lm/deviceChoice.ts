// Which devices the browser tries for a language model, best first, given the Device preference and
// the WebGPU check. Pure, so the rule is unit-tested without a browser. "Auto" prefers WebGPU on a
// real GPU and falls back to WASM; on a software (fallback) adapter — the browser's CPU emulation of
// a GPU, e.g. SwiftShader in headless Chromium or a VM — it uses WASM and says why: a counterfactual
// run of the embedded GPT had not finished after 110 s on SwiftShader WebGPU and takes 0.5 s on WASM.
// Choosing WebGPU explicitly still uses any adapter. onnxruntime-node ('node') does not exist on a
// page: asking for it gets WASM, the page's CPU backend, and says so.
import type { WebGpuCheck } from '../ort';
import type { LmDevicePreference } from './types';
import type { DeviceCandidate } from './load';

const WASM: DeviceCandidate = { device: 'wasm', backend: 'wasm' };
const WEBGPU: DeviceCandidate = { device: 'webgpu', backend: 'webgpu' };

export function lmDeviceCandidates(pref: LmDevicePreference, gpu: WebGpuCheck): { candidates: DeviceCandidate[]; skipped?: string } {
  if (pref === 'wasm') return { candidates: [WASM] };
  if (pref === 'node') return { candidates: [WASM], skipped: 'onnxruntime-node runs only in Node (the CLI); using WASM' };
  if (!gpu.available) return pref === 'webgpu' ? { candidates: [], skipped: gpu.reason } : { candidates: [WASM], skipped: gpu.reason };
  if (pref === 'webgpu') return { candidates: [WEBGPU] };
  if (gpu.software)
    return {
      candidates: [WASM],
      skipped: `the WebGPU adapter is a software fallback (${gpu.software}), far slower than WASM for language models; using WASM (choose WebGPU to use it anyway)`,
    };
  return { candidates: [WEBGPU, WASM] };
}

/**
 * The ORT build a language model's load starts early (beside transformers.js's import): the plain
 * WASM build when the first device tried is WASM on a session of our own (`ownSession`: the
 * embedded models), else the build transformers.js runs on (WebGPU, or its WASM session).
 */
export function lmEngineBuild(pref: LmDevicePreference, gpu: WebGpuCheck, ownSession: boolean): 'wasm' | 'webgpu' {
  return ownSession && lmDeviceCandidates(pref, gpu).candidates[0]?.backend === 'wasm' ? 'wasm' : 'webgpu';
}
