// src/runtime/ort.ts in Node: the WebGPU → WASM fallback and its reported reason, and the serial
// run queue. Node's onnxruntime-web build has no WebGPU execution provider, so pretending an
// adapter exists makes the WebGPU session creation really fail and exercises the fallback path.
import { rmSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ModelLoadError } from '../../src/core/errors';
import { checkGpu, checkWebGpu, createSession, getOrt, warmUpBackend, type GpuLike } from '../../src/runtime/ort';
import { buildFixtureAsset, FIXTURE_DIMS } from '../scripts/gloveFixture';

const fixture = buildFixtureAsset();
afterAll(() => rmSync(fixture.dir, { recursive: true, force: true }));
const modelBytes = () => new Uint8Array(readFileSync(join(fixture.dir, 'model.onnx')));

describe('createSession', () => {
  it("'wasm' uses WASM with no fallback reason", async () => {
    const s = await createSession(modelBytes(), 'wasm', 'fixture');
    expect(s.backend).toBe('wasm');
    expect(s.fallbackReason).toBeUndefined();
    await s.session.release();
  });

  it("'auto' without an adapter falls back to WASM and says why", async () => {
    expect(await checkWebGpu()).toEqual({ available: false, reason: expect.stringMatching(/WebGPU is not available in Node/) });
    const s = await createSession(modelBytes(), 'auto', 'fixture');
    expect(s.backend).toBe('wasm');
    expect(s.fallbackReason).toMatch(/WebGPU is not available/);
    await s.session.release();
  });

  it("'webgpu' whose session creation throws falls back to WASM with the error in the reason", async () => {
    const s = await createSession(modelBytes(), 'webgpu', 'fixture', { checkWebGpu: async () => ({ available: true }) });
    expect(s.backend).toBe('wasm');
    expect(s.fallbackReason).toMatch(/^WebGPU session creation failed \(.+\); using WASM$/);
    await s.session.release();
  });

  it('a corrupt graph → ModelLoadError', async () => {
    const bytes = modelBytes().slice(0, 200);
    await expect(createSession(bytes, 'wasm', 'fixture')).rejects.toThrow(ModelLoadError);
  });

  it('serialises concurrent runs and rejects runs after release', async () => {
    const ort = await getOrt();
    const { session } = await createSession(modelBytes(), 'wasm', 'fixture');
    const ids = (r: number) => ({ input_ids: new ort.Tensor('int64', BigInt64Array.from([BigInt(r)]), [1]) });
    const outs = await Promise.all(Array.from({ length: 30 }, (_, i) => session.run(ids(i % fixture.asset.words.length))));
    outs.forEach((o, i) => {
      const row = i % fixture.asset.words.length;
      const v = o.embeddings!.data as Float32Array;
      expect(v.length).toBe(FIXTURE_DIMS);
      expect(v[0]).toBe(Math.fround(fixture.asset.values[row * FIXTURE_DIMS]! * fixture.asset.scales[row]!));
    });
    await session.release();
    await expect(session.run(ids(0))).rejects.toThrow(/unloaded/);
  });
});

describe('checkGpu (the adapter check behind checkWebGpu)', () => {
  const adapter = (a: Awaited<ReturnType<GpuLike['requestAdapter']>>): GpuLike => ({ requestAdapter: async () => a });
  it('a hardware adapter is available', async () => {
    expect(await checkGpu(adapter({ info: { isFallbackAdapter: false, vendor: 'nvidia', architecture: 'ampere' } }))).toEqual({ available: true });
  });
  it('says when the adapter has shader-f16 (fp16 weights can run on WebGPU)', async () => {
    expect(await checkGpu(adapter({ features: new Set(['shader-f16', 'timestamp-query']) }))).toEqual({ available: true, shaderF16: true });
    expect(await checkGpu(adapter({ features: new Set(['timestamp-query']) }))).toEqual({ available: true });
  });
  it('a fallback adapter is available but named as software (adapter.info, and the older adapter attribute)', async () => {
    // What headless Chromium with --enable-unsafe-webgpu reports (checked in chromium 2026-11).
    expect(await checkGpu(adapter({ info: { isFallbackAdapter: true, vendor: 'google', architecture: 'swiftshader' } }))).toEqual({ available: true, software: 'google swiftshader' });
    expect(await checkGpu(adapter({ isFallbackAdapter: true }))).toEqual({ available: true, software: 'fallback adapter' });
  });
  it('no navigator.gpu, no adapter, or a throwing request: not available, with the reason', async () => {
    expect(await checkGpu(undefined)).toMatchObject({ available: false, reason: expect.stringMatching(/navigator\.gpu is undefined/) });
    expect(await checkGpu(adapter(null))).toMatchObject({ available: false, reason: expect.stringMatching(/returned no adapter/) });
    expect(await checkGpu({ requestAdapter: async () => Promise.reject(new Error('GPU process crashed')) })).toMatchObject({
      available: false,
      reason: expect.stringMatching(/requestAdapter\(\) failed \(GPU process crashed\)/),
    });
  });
});

describe('warmUpBackend', () => {
  it('initialises ORT with the embedded one-node graph, once per device', async () => {
    const first = warmUpBackend('wasm');
    expect(warmUpBackend('wasm')).toBe(first); // memoised promise, not a second warm-up
    await expect(first).resolves.toBe(true); // the embedded graph is a valid model for ORT
    // 'auto' in Node: no WebGPU adapter, so it warms WASM too.
    await expect(warmUpBackend('auto')).resolves.toBe(true);
  });
});
