// The one file that owns ONNX Runtime Web (ARCHITECTURE.md pattern 1, after transformers.js
// src/backends/onnx.js). Everything else in the app gets ORT through getOrt()/createSession().
//
// Why it is shaped like this:
// - Which ORT build: in the browser `onnxruntime-web/webgpu` (the asyncify build transformers.js
//   also imports, so GloVe and the LMs share ONE copy of ORT and one 26.8 MB wasm in dist/); in
//   Node/vitest/CLI that entry fails ("Dynamic require of node:os"), so Node imports the package
//   root, whose `node` export condition gives the plain WASM build. The Node import goes through a
//   variable specifier so Vite never bundles the second build.
// - wasm paths: in the browser they come from `?url` imports (ortWasmPaths.browser.ts, loaded
//   only there), never from a CDN; in Node ORT finds its files next to its own module.
// - Threads: multi-threaded WASM only when the page is crossOriginIsolated (COOP/COEP headers);
//   1 thread in Node (a table lookup gains nothing, and worker threads keep the process alive).
// - Device: WebGPU only if navigator.gpu.requestAdapter() returns an adapter; if creating the
//   session on WebGPU throws, fall back to WASM and return the reason, so the UI can say so.
// - Runs are serialised per session: concurrent run() calls on one web session fail with
//   "Session already started".
import type * as OrtNs from 'onnxruntime-web';
import { ModelLoadError } from '../core/errors';
import type { Backend, DevicePreference } from './types';

export type Ort = typeof OrtNs;
export type OrtTensor = OrtNs.Tensor;

export const isNodeRuntime = (): boolean =>
  typeof process !== 'undefined' &&
  typeof process.versions?.node === 'string' &&
  typeof (globalThis as { window?: unknown }).window === 'undefined' &&
  typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope === 'undefined';

let ortPromise: Promise<Ort> | undefined;

/** The configured ORT module (memoised promise). */
export function getOrt(): Promise<Ort> {
  ortPromise ??= loadOrt().catch((e: unknown) => {
    ortPromise = undefined;
    throw new ModelLoadError(`ONNX Runtime could not be loaded: ${e instanceof Error ? e.message : String(e)}`);
  });
  return ortPromise;
}

async function loadOrt(): Promise<Ort> {
  if (isNodeRuntime()) {
    const spec = 'onnxruntime-web';
    const ort = (await import(/* @vite-ignore */ spec)) as Ort;
    ort.env.wasm.numThreads = 1;
    ort.env.logLevel = 'error';
    return ort;
  }
  const [ort, paths] = await Promise.all([import('onnxruntime-web/webgpu'), import('./ortWasmPaths.browser')]);
  ort.env.wasm.wasmPaths = paths.ORT_WASM_PATHS;
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
  const cores = (globalThis.navigator as { hardwareConcurrency?: number } | undefined)?.hardwareConcurrency ?? 1;
  ort.env.wasm.numThreads = isolated ? Math.max(1, Math.min(4, cores)) : 1;
  ort.env.logLevel = 'error';
  return ort;
}

export type WebGpuCheck = { available: true } | { available: false; reason: string };

let webgpuCheck: Promise<WebGpuCheck> | undefined;

/** Whether a WebGPU adapter exists (memoised). Never throws. */
export function checkWebGpu(): Promise<WebGpuCheck> {
  webgpuCheck ??= (async (): Promise<WebGpuCheck> => {
    if (isNodeRuntime()) return { available: false, reason: 'WebGPU is not available in Node; using WASM' };
    const gpu = (globalThis.navigator as { gpu?: { requestAdapter(): Promise<unknown> } } | undefined)?.gpu;
    if (!gpu) return { available: false, reason: 'this browser has no WebGPU (navigator.gpu is undefined); using WASM' };
    try {
      const adapter = await gpu.requestAdapter();
      return adapter ? { available: true } : { available: false, reason: 'navigator.gpu.requestAdapter() returned no adapter; using WASM' };
    } catch (e) {
      return { available: false, reason: `requestAdapter() failed (${e instanceof Error ? e.message : String(e)}); using WASM` };
    }
  })();
  return webgpuCheck;
}

/** A session whose run() calls are queued one after another. */
export class SerialSession {
  private tail: Promise<unknown> = Promise.resolve();
  private released = false;

  constructor(
    readonly session: OrtNs.InferenceSession,
    readonly backend: Exclude<Backend, 'js'>,
  ) {}

  run(feeds: OrtNs.InferenceSession.FeedsType): Promise<OrtNs.InferenceSession.ReturnType> {
    const next = this.tail.then(() => {
      if (this.released) throw new ModelLoadError('the model was unloaded');
      return this.session.run(feeds);
    });
    this.tail = next.catch(() => undefined);
    return next;
  }

  async release(): Promise<void> {
    this.released = true;
    await this.tail;
    await this.session.release();
  }
}

/**
 * A one-node ONNX graph (Identity on float[1], opset 17, IR 8; made with python3-onnx's helper and
 * checked by onnx.checker). Creating a session from it makes ORT fetch and compile its wasm and set
 * up the WebGPU device, without the real model's bytes.
 */
const WARM_UP_MODEL = 'CAgSDmJpYXMtd29ya2JlbmNoOjwKEAoBeBIBeSIISWRlbnRpdHkSBndhcm11cFoPCgF4EgoKCAgBEgQKAggBYg8KAXkSCgoICAESBAoCCAFCBAoAEBE=';

const warmUps = new Map<DevicePreference, Promise<boolean>>();

/**
 * Start ORT's backend initialisation (wasm download and compile, WebGPU device) now, so it overlaps
 * with downloading a model's files instead of following it: ORT only initialises at the first
 * InferenceSession.create. Memoised per device; never throws (createSession reports real failures).
 * @returns whether the warm-up session could be created
 */
export function warmUpBackend(device: DevicePreference): Promise<boolean> {
  let warm = warmUps.get(device);
  if (!warm) {
    warm = (async () => {
      try {
        const ort = await getOrt();
        const useGpu = device !== 'wasm' && (await checkWebGpu()).available;
        const bytes = Uint8Array.from(atob(WARM_UP_MODEL), (c) => c.charCodeAt(0));
        const session = await ort.InferenceSession.create(bytes, { executionProviders: [useGpu ? 'webgpu' : 'wasm'], logSeverityLevel: 3 });
        await session.release();
        return true;
      } catch {
        return false; // the real session creation will say what is wrong
      }
    })();
    warmUps.set(device, warm);
  }
  return warm;
}

export interface CreatedSession {
  session: SerialSession;
  backend: Exclude<Backend, 'js'>;
  /** Set when WebGPU was wanted ('auto' or 'webgpu') but WASM is used: why. */
  fallbackReason?: string;
}

/**
 * Create a session on the preferred device, falling back from WebGPU to WASM. `deps.checkWebGpu`
 * replaces the adapter probe in tests (Node has no WebGPU, so the fallback path is testable there).
 * @throws ModelLoadError when even WASM cannot create the session (corrupt or unsupported graph)
 */
export async function createSession(
  model: Uint8Array,
  device: DevicePreference,
  name: string,
  deps: { checkWebGpu?: () => Promise<WebGpuCheck> } = {},
): Promise<CreatedSession> {
  const ort = await getOrt();
  let fallbackReason: string | undefined;
  if (device !== 'wasm') {
    const gpu = await (deps.checkWebGpu ?? checkWebGpu)();
    if (gpu.available) {
      try {
        // ORT may take ownership of the buffer it is given; keep ours intact for the WASM retry.
        const s = await ort.InferenceSession.create(model.slice(), { executionProviders: ['webgpu'], logSeverityLevel: 3 });
        return { session: new SerialSession(s, 'webgpu'), backend: 'webgpu' };
      } catch (e) {
        fallbackReason = `WebGPU session creation failed (${e instanceof Error ? e.message : String(e)}); using WASM`;
      }
    } else {
      fallbackReason = gpu.reason;
    }
  }
  try {
    const s = await ort.InferenceSession.create(model, { executionProviders: ['wasm'], logSeverityLevel: 3 });
    return { session: new SerialSession(s, 'wasm'), backend: 'wasm', fallbackReason };
  } catch (e) {
    throw new ModelLoadError(`${name}: ONNX Runtime could not load the model (corrupt file or unsupported graph): ${e instanceof Error ? e.message : String(e)}`);
  }
}
