// The one file that owns ONNX Runtime Web (ARCHITECTURE.md pattern 1, after transformers.js
// src/backends/onnx.js). Everything else in the app gets ORT through getOrt()/createSession().
//
// Why it is shaped like this:
// - Which ORT build, in the browser: two. WebGPU sessions use `onnxruntime-web/webgpu` (the
//   asyncify build transformers.js also imports, so the LMs and a WebGPU GloVe share one copy of
//   it). WASM sessions of our own (word vectors, the embedded LMs' direct sessions) use
//   `onnxruntime-web/wasm`, the plain build: its wasm is 14 MB instead of 27 MB and the code ORT runs
//   at start-up compiles ≈2.5× faster (V8 compiles wasm functions lazily, on first call; measured
//   with Chrome traces, 0.2 s vs 0.55 s of CPU), which is most of a cold start; its kernels run at
//   the same speed once compiled (Chromium, the embedded GPT: 6,200 positions/s on two threads in
//   both), and a language model that runs on it after the word vectors needs no wasm start of its
//   own. The two are separate module instances, each with its own env and wasm, so a Tensor must
//   come from the instance that runs the session (SerialSession keeps it). In Node/vitest/CLI the
//   webgpu entry fails ("Dynamic require of node:os"), so Node imports the package root, whose
//   `node` export condition gives the plain WASM build, for both kinds. The Node import goes through
//   a variable specifier so Vite never bundles it.
// - wasm paths: in the browser they come from `?url` imports (ortWasmPaths.browser.ts, loaded
//   only there), never from a CDN; in Node ORT finds its files next to its own module. ORT would
//   fetch its wasm only when the first session is created, after its own JS has loaded; getOrt()
//   starts that download (and the import of ORT's Emscripten glue) at once, in parallel.
// - Threads: in the browser both builds are multi-threaded when the page is crossOriginIsolated
//   (COOP/COEP headers): ORT reads the count once per build, at its first session, and whichever of
//   the word vectors or a language model starts the plain build first, the other runs on it. The
//   word vectors' cold start pays for one pthread worker (≈0.15 s in a trace, within the noise of
//   the page's first-result bench); a language model on one thread would run at 0.6× the speed.
//   Node uses 1 thread (worker threads keep the process alive), unless setNodeWasmThreads() asks for
//   more before ORT loads — the bench does, to measure what a cross-origin-isolated page runs.
// - Device: WebGPU only if navigator.gpu.requestAdapter() returns an adapter; if creating the
//   session on WebGPU throws, fall back to WASM and return the reason, so the UI can say so.
// - Runs are serialised per session: concurrent run() calls on one web session fail with
//   "Session already started".
import type * as OrtNs from 'onnxruntime-web';
import { InvalidOptionError, ModelLoadError } from '../core/errors';
import type { Backend, DevicePreference } from './types';
import { wasmThreadsFor } from './wasmThreads';
import { oneWebGpuCallAtATime } from './webGpuExclusive';

type Ort = typeof OrtNs;
/** Which ORT build: the one with the WebGPU execution provider, or the plain WASM one. */
type OrtBuild = Exclude<Backend, 'js' | 'node'>;

export const isNodeRuntime = (): boolean =>
  typeof process !== 'undefined' &&
  typeof process.versions?.node === 'string' &&
  typeof (globalThis as { window?: unknown }).window === 'undefined' &&
  typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope === 'undefined';

const ortPromises = new Map<OrtBuild, Promise<Ort>>();
let nodeWasmThreads = 1;

/**
 * Node only: the WASM thread count ORT will be initialised with (default 1). ORT reads it once, when
 * it loads, so this must come before the first getOrt()/session.
 * @throws InvalidOptionError when ORT is already loaded or `n` is not an integer in 1..16
 */
export function setNodeWasmThreads(n: number): void {
  if (!(Number.isInteger(n) && n >= 1 && n <= 16)) throw new InvalidOptionError(`WASM threads must be an integer from 1 to 16, got ${n}`);
  if (ortPromises.size && n !== nodeWasmThreads)
    throw new InvalidOptionError(`ONNX Runtime is already running with ${nodeWasmThreads} WASM thread(s); set the thread count before the first model loads`);
  nodeWasmThreads = n;
}

/**
 * The configured ORT module for a build (memoised promise); 'webgpu' (the default) is the instance
 * transformers.js uses. In Node both builds are the same module.
 */
export function getOrt(build: OrtBuild = 'webgpu'): Promise<Ort> {
  const key: OrtBuild = isNodeRuntime() ? 'wasm' : build;
  let p = ortPromises.get(key);
  if (!p) {
    p = loadOrt(key).catch((e: unknown) => {
      ortPromises.delete(key);
      throw new ModelLoadError(`ONNX Runtime could not be loaded: ${e instanceof Error ? e.message : String(e)}`);
    });
    ortPromises.set(key, p);
  }
  return p;
}

async function loadOrt(build: OrtBuild): Promise<Ort> {
  if (isNodeRuntime()) {
    const spec = 'onnxruntime-web';
    const ort = (await import(/* @vite-ignore */ spec)) as Ort;
    ort.env.wasm.numThreads = nodeWasmThreads;
    ort.env.logLevel = 'error';
    return ort;
  }
  const allPaths = await import('./ortWasmPaths.browser');
  const paths = build === 'webgpu' ? allPaths.ORT_WASM_PATHS : allPaths.ORT_PLAIN_WASM_PATHS;
  const binary = fetchWasmBinary(paths.wasm);
  // ORT imports its Emscripten glue (the .mjs) only when it initialises; importing it now puts it in
  // this worker's module map, so that later import resolves at once. Failures surface there.
  void import(/* @vite-ignore */ paths.mjs).catch(() => undefined);
  const ort = (build === 'webgpu' ? await import('onnxruntime-web/webgpu') : await import('onnxruntime-web/wasm')) as Ort;
  ort.env.wasm.wasmPaths = paths;
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
  const cores = (globalThis.navigator as { hardwareConcurrency?: number } | undefined)?.hardwareConcurrency ?? 1;
  ort.env.wasm.numThreads = wasmThreadsFor(cores, isolated);
  ort.env.logLevel = 'error';
  const bytes = await binary;
  if (bytes) ort.env.wasm.wasmBinary = bytes;
  return ort;
}

/**
 * The ORT wasm's bytes, fetched as soon as ORT is asked for (in parallel with importing ORT's JS),
 * or undefined if the fetch fails — then ORT fetches it itself from wasmPaths and reports the error.
 */
async function fetchWasmBinary(url: string): Promise<ArrayBuffer | undefined> {
  try {
    const res = await fetch(url);
    return res.ok ? await res.arrayBuffer() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether WebGPU can be used. `software` names a fallback adapter (the browser's CPU emulation of a
 * GPU, e.g. "google swiftshader" in headless Chromium): usable, but slower than WASM for models.
 */
export type WebGpuCheck =
  | { available: true; software?: string; shaderF16?: true; limits?: { maxBufferSize: number; maxStorageBufferBindingSize: number } }
  | { available: false; reason: string };

/** What checkWebGpu() needs of navigator.gpu (a fake in tests). */
export interface GpuLike {
  requestAdapter(): Promise<{
    info?: { isFallbackAdapter?: boolean; vendor?: string; architecture?: string };
    isFallbackAdapter?: boolean;
    features?: { has(feature: string): boolean };
    limits?: { maxBufferSize?: number; maxStorageBufferBindingSize?: number };
  } | null>;
}

/** The WebGPU check for one navigator.gpu (undefined: no WebGPU at all). Never throws. */
export async function checkGpu(gpu: GpuLike | undefined): Promise<WebGpuCheck> {
  if (!gpu) return { available: false, reason: 'this browser has no WebGPU (navigator.gpu is undefined); using WASM' };
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter) return { available: false, reason: 'navigator.gpu.requestAdapter() returned no adapter; using WASM' };
    // shader-f16: whether fp16 weights can run on WebGPU (the LMs' dtype choice).
    const extra: { shaderF16?: true; limits?: { maxBufferSize: number; maxStorageBufferBindingSize: number } } = {};
    if (adapter.features?.has('shader-f16')) extra.shaderF16 = true;
    // Buffer limits: the largest weight tensor a model may have on this adapter (lm/modelFits.ts).
    const { maxBufferSize, maxStorageBufferBindingSize } = adapter.limits ?? {};
    if (typeof maxBufferSize === 'number' && typeof maxStorageBufferBindingSize === 'number') extra.limits = { maxBufferSize, maxStorageBufferBindingSize };
    // adapter.info (Chrome 127+) carries isFallbackAdapter; older browsers had it on the adapter.
    if (adapter.info?.isFallbackAdapter ?? adapter.isFallbackAdapter)
      return { available: true, software: [adapter.info?.vendor, adapter.info?.architecture].filter(Boolean).join(' ') || 'fallback adapter', ...extra };
    return { available: true, ...extra };
  } catch (e) {
    return { available: false, reason: `requestAdapter() failed (${e instanceof Error ? e.message : String(e)}); using WASM` };
  }
}

let webgpuCheck: Promise<WebGpuCheck> | undefined;

/** Whether a WebGPU adapter exists, whether it is a software one, and whether it has shader-f16 (memoised). Never throws. */
export function checkWebGpu(): Promise<WebGpuCheck> {
  webgpuCheck ??= isNodeRuntime()
    ? Promise.resolve({ available: false, reason: 'WebGPU is not available in Node; using WASM' })
    : checkGpu((globalThis.navigator as { gpu?: GpuLike } | undefined)?.gpu);
  return webgpuCheck;
}

/** A session whose run() calls are queued one after another. */
export class SerialSession {
  private tail: Promise<unknown> = Promise.resolve();
  private released = false;

  constructor(
    readonly session: OrtNs.InferenceSession,
    readonly backend: OrtBuild,
    /** The ORT instance that created the session: feeds must be its Tensors. */
    readonly ort: Ort,
  ) {}

  run(feeds: OrtNs.InferenceSession.FeedsType): Promise<OrtNs.InferenceSession.ReturnType> {
    const next = this.tail.then(() => {
      if (this.released) throw new ModelLoadError('the model was unloaded');
      return this.onDevice(() => this.session.run(feeds));
    });
    this.tail = next.catch(() => undefined);
    return next;
  }

  async release(): Promise<void> {
    this.released = true;
    await this.tail;
    await this.onDevice(() => this.session.release());
  }

  /** WebGPU work waits for the thread's other WebGPU work (webGpuExclusive.ts). */
  private onDevice<T>(work: () => Promise<T>): Promise<T> {
    return this.backend === 'webgpu' ? oneWebGpuCallAtATime(work) : work();
  }
}

/**
 * A one-node ONNX graph (Identity on float[1], opset 17, IR 8; made with python3-onnx's helper and
 * checked by onnx.checker). Creating a session from it makes ORT fetch and compile its wasm and set
 * up the WebGPU device, without the real model's bytes.
 */
const WARM_UP_MODEL = 'CAgSDmJpYXMtd29ya2JlbmNoOjwKEAoBeBIBeSIISWRlbnRpdHkSBndhcm11cFoPCgF4EgoKCAgBEgQKAggBYg8KAXkSCgoICAESBAoCCAFCBAoAEBE=';

const warmUps = new Map<DevicePreference, Promise<boolean>>();
const warmBuilds = new Map<string, Promise<boolean>>();
/** The last warm-up started on each build: ORT refuses to initialise a build while it already is ("multiple calls to 'initWasm()'"). */
const lastWarmOnBuild = new Map<OrtBuild, Promise<boolean>>();

/**
 * Start ORT's backend initialisation (wasm download and compile, WebGPU device) now, so it overlaps
 * with downloading a model's files instead of following it: ORT only initialises at the first
 * InferenceSession.create. 'auto' warms the WebGPU build when an adapter exists, else the WASM one.
 * Memoised per device (and per build underneath); never throws (createSession reports failures).
 * @returns whether the warm-up session could be created
 */
export function warmUpBackend(device: DevicePreference): Promise<boolean> {
  let warm = warmUps.get(device);
  if (!warm) {
    warm = (async () => warmUpBuild(device !== 'wasm' && (await checkWebGpu()).available ? 'webgpu' : 'wasm'))();
    warmUps.set(device, warm);
  }
  return warm;
}

/**
 * Initialise one ORT build through one of its execution providers (default: the build's own), with
 * the warm-up graph: e.g. the WebGPU build's wasm runtime alone ('webgpu', 'wasm'), which a language
 * model needs on either provider, without asking for a GPU device. Warm-ups of one build run one
 * after another; a caller must await its warm-up before creating other sessions on that build.
 * Memoised; never throws.
 */
export function warmUpBuild(build: OrtBuild, provider: OrtBuild = build): Promise<boolean> {
  const key = `${build}/${provider}`;
  let built = warmBuilds.get(key);
  if (!built) {
    const before = lastWarmOnBuild.get(build);
    built = (async () => {
      await before;
      try {
        const ort = await getOrt(build);
        const bytes = Uint8Array.from(atob(WARM_UP_MODEL), (c) => c.charCodeAt(0));
        const create = () => ort.InferenceSession.create(bytes, { executionProviders: [provider], logSeverityLevel: 3 });
        const createAndRelease = async () => void (await (await create()).release());
        await (provider === 'webgpu' ? oneWebGpuCallAtATime(createAndRelease) : createAndRelease());
        return true;
      } catch {
        return false; // the real session creation will say what is wrong
      }
    })();
    warmBuilds.set(key, built);
    lastWarmOnBuild.set(build, built);
  }
  return built;
}

interface CreatedSession {
  session: SerialSession;
  backend: OrtBuild;
  /** Set when WebGPU was wanted ('auto' or 'webgpu') but WASM is used: why. */
  fallbackReason?: string;
}

/** A file the graph keeps its weights in (ONNX external data), by the name the graph refers to it with. */
interface ExternalDataFile {
  /** As the graph names it, relative to the .onnx file (e.g. "model.onnx_data"). */
  path: string;
  data: Uint8Array;
}

/**
 * Create a session on the preferred device, falling back from WebGPU to WASM. `deps.checkWebGpu`
 * replaces the adapter probe in tests (Node has no WebGPU, so the fallback path is testable there);
 * `deps.externalData` are the graph's external-data files; WASM sessions run on the plain build.
 * A session waits for a warm-up under way on its build: ORT refuses a second initialisation of a
 * build while one runs.
 * @throws ModelLoadError when even WASM cannot create the session (corrupt or unsupported graph)
 */
export async function createSession(
  model: Uint8Array,
  device: DevicePreference,
  name: string,
  deps: { checkWebGpu?: () => Promise<WebGpuCheck>; externalData?: readonly ExternalDataFile[] } = {},
): Promise<CreatedSession> {
  const external = deps.externalData?.length ? { externalData: [...deps.externalData] } : {};
  let fallbackReason: string | undefined;
  if (device !== 'wasm') {
    const gpu = await (deps.checkWebGpu ?? checkWebGpu)();
    if (gpu.available) {
      try {
        const ort = await getOrt('webgpu');
        await lastWarmOnBuild.get('webgpu');
        // ORT may take ownership of the buffer it is given; keep ours intact for the WASM retry.
        const s = await oneWebGpuCallAtATime(() => ort.InferenceSession.create(model.slice(), { executionProviders: ['webgpu'], logSeverityLevel: 3, ...external }));
        return { session: new SerialSession(s, 'webgpu', ort), backend: 'webgpu' };
      } catch (e) {
        fallbackReason = `WebGPU session creation failed (${e instanceof Error ? e.message : String(e)}); using WASM`;
      }
    } else {
      fallbackReason = gpu.reason;
    }
  }
  const ort = await getOrt('wasm');
  await lastWarmOnBuild.get('wasm');
  try {
    const s = await ort.InferenceSession.create(model, { executionProviders: ['wasm'], logSeverityLevel: 3, ...external });
    return { session: new SerialSession(s, 'wasm', ort), backend: 'wasm', fallbackReason };
  } catch (e) {
    throw new ModelLoadError(`${name}: ONNX Runtime could not load the model (corrupt file or unsupported graph): ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}
