// Browser (module worker) entry of the LM runtime: transformers.js on onnxruntime-web, WebGPU when an
// adapter exists, else WASM. Offline settings from ../shared/PLATFORM.md:
//  - ORT's wasm files come from the app bundle (`?url` imports in ../ortWasmPaths.browser.ts, the
//    same object the GloVe runtime uses), never from the jsDelivr CDN transformers.js defaults to.
//  - Embedded models: allowLocalModels with localModelPath = {app root}models/ (../appBase.ts), no remote access.
//    On WASM their graph runs on a session of our own (createDirect), so that its head can compute
//    logits only where a pass scores (logitsAtPositions.ts: about half the decision probe's work),
//    on ORT's plain WASM build, the word vectors' (../ort.ts: half the size of transformers.js's
//    build and as fast once compiled, so a model chosen after the word vectors loads without a
//    wasm start). Hub models and picked folders, whose files and caching transformers.js handles,
//    run on transformers.js's session.
//  - Hub models: allowLocalModels off, env.remoteHost = the chosen host; downloads are kept in the
//    Cache API ('transformers-cache', ../../core/hubCacheKeys.ts) so a second visit works offline;
//    a stored file whose length disagrees with the Hub's listing is dropped before loading.
//  - A folder the user picked: its files are served to transformers.js by a wrapper around
//    env.fetch under the pseudo path {app root}models/local/{key}/…, so the folder goes through the
//    same loader as every other source (nothing is uploaded anywhere).
//  - The app's own model files go through lazyBodyFetch (HEAD first, GET when the body is read):
//    transformers.js reads only the headers of a full GET to learn a local file's size, and in
//    Chromium the real download then waited on that abandoned response (../net/lazyBodyFetch.ts).
//  - Every network fetch gives up after 30 s without data (../net/stallGuardFetch.ts), so a dropped
//    connection ends in an error with Retry, not a progress bar that never moves; one the page's
//    security policy refused says so and names the setting (../net/policyBlockedFetch.ts).
import { InvalidOptionError } from '../../core/errors';
import { entriesToRefetch, hubFileUrl } from '../../core/hubCacheKeys';
import { checkWebGpu, createSession, warmUpBuild, type WebGpuCheck } from '../ort';
import { lmDeviceCandidates, lmEngineBuild } from './deviceChoice';
import { DTYPE_SUFFIX, folderKey, loadLanguageModelWith, serialRun, type DeviceCandidate, type LmPlatform, type LoadLmOptions, type TransformersModule } from './load';
import { directModel, ortTensorFactory } from './directSession';
import { withLogitsAtPositions } from './logitsAtPositions';
import { urlAssetSource } from '../wordEmbeddingModel';
import { findLm } from '../models';
import { inspectHubRepo, onnxFileNames } from './hubRepo';
import { lengthOf, sha256OfBody } from './bodyHash';
import { sha256Hex } from '../assetDigest';
import { lazyBodyFetch } from '../net/lazyBodyFetch';
import { stallGuardFetch } from '../net/stallGuardFetch';
import { policyBlockedFetch } from '../net/policyBlockedFetch';
import { wasmThreadsFor } from '../wasmThreads';
import { appBaseUrl as baseUrl } from '../appBase';
import type { LanguageModel, LmDevicePreference, LmDtype, LmSource } from './types';

export type { LanguageModel } from './types';

const modelsUrl = () => new URL('models/', baseUrl()).href;
/** A WASM session of our own (createDirect), tried before transformers.js's where the source allows. */
const DIRECT_WASM: DeviceCandidate = { device: 'direct', backend: 'wasm' };
/**
 * env.localModelPath must be a path, not an absolute URL: transformers.js's file-existence check
 * (get_file_metadata, used to find tokenizer_config.json) skips "local" paths that are http(s) URLs.
 */
const modelsPath = () => new URL(modelsUrl()).pathname;

/** Folders the user picked, by key: path inside the folder → file. */
const folders = new Map<string, Map<string, Blob>>();
let tfPromise: Promise<TransformersModule> | null = null;
/** ORT's warm-up on the build the load starts with; awaited before any session (devices(), below). */
let engineWarm: Promise<boolean> = Promise.resolve(true);
/** WASM chosen (or onnxruntime-node, which a page does not have): no adapter check, the device rule ignores it. */
const gpuFor = async (pref: LmDevicePreference): Promise<WebGpuCheck> => (pref === 'wasm' || pref === 'node' ? { available: false, reason: '' } : checkWebGpu());

function importTransformers(pref: LmDevicePreference, source: LmSource): Promise<TransformersModule> {
  // ORT's wasm runtime (download, compile, threads: most of a first load) starts now, beside
  // transformers.js's import and the model's files, not after them at the first session: the plain
  // build when the model runs on a WASM session of our own, else the one transformers.js uses.
  engineWarm = gpuFor(pref).then((gpu) => warmUpBuild(lmEngineBuild(pref, gpu, source.type === 'embedded'), 'wasm'));
  tfPromise ??= (async () => {
    const [tf, paths] = await Promise.all([import('@huggingface/transformers'), import('../ortWasmPaths.browser')]);
    const wasm = tf.env.backends.onnx.wasm!;
    wasm.wasmPaths = { ...paths.ORT_WASM_PATHS };
    const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
    wasm.numThreads = wasmThreadsFor(navigator.hardwareConcurrency || 1, isolated);
    tf.env.logLevel = tf.LogLevel.ERROR;
    // ORT's files are the app's own (above); transformers.js's "wasm cache" would keep a second copy and
    // import ORT's glue from a blob: URL, which the page's security policy (script-src 'self') refuses.
    tf.env.useWasmCache = false;
    // Serve picked folders; the app's own model files lazily; everything else goes to the real fetch.
    const realFetch = tf.env.fetch;
    const networkFetch = stallGuardFetch(policyBlockedFetch((input, init) => realFetch(input, init)));
    const ownModelFetch = stallGuardFetch(lazyBodyFetch((input, init) => realFetch(input, init)));
    const prefix = `${modelsUrl()}local/`;
    tf.env.fetch = async (input: string | URL, init?: unknown) => {
      const url = new URL(String(input), baseUrl()).href;
      if (url.startsWith(prefix)) {
        const [key, ...rest] = url.slice(prefix.length).split('?')[0]!.split('/');
        const file = folders.get(decodeURIComponent(key ?? ''))?.get(rest.map(decodeURIComponent).join('/'));
        if (!file) return new Response('not found', { status: 404, statusText: 'Not Found' });
        return new Response(file, { status: 200, headers: { 'content-length': String(file.size), 'content-type': 'application/octet-stream' } });
      }
      return (url.startsWith(modelsUrl()) ? ownModelFetch : networkFetch)(url, init as RequestInit | undefined);
    };
    return tf;
  })();
  return tfPromise;
}

/** Deletes stored Hub files whose length differs from the Hub's listing, so they are downloaded again. */
async function dropCutDownloads(cacheName: string, host: string, id: string, revision: string, sizes: Record<string, number>): Promise<void> {
  const cache = await caches.open(cacheName);
  const entries = await Promise.all(
    (await cache.keys()).map(async (req) => {
      const length = (await cache.match(req))?.headers.get('content-length');
      return { url: req.url, bytes: length ? Number(length) : null };
    }),
  );
  await Promise.all(entriesToRefetch(entries, host, id, revision, sizes).map((url) => cache.delete(url)));
}

const browserPlatform: LmPlatform = {
  importTransformers,
  async prepare(tf, source: LmSource) {
    const env = tf.env;
    env.useCustomCache = false;
    if (source.type === 'hub') {
      env.allowLocalModels = false;
      env.allowRemoteModels = true;
      env.remoteHost = source.remoteHost ?? 'https://huggingface.co/';
      env.useBrowserCache = typeof caches !== 'undefined';
      const host = env.remoteHost.endsWith('/') ? env.remoteHost : `${env.remoteHost}/`;
      const revision = source.revision ?? 'main';
      const fileUrl = (file: string) => hubFileUrl(host, source.id, revision, file);
      // Commit and sizes before downloading; a gated repo is refused here (hubRepo.ts).
      const repo = await inspectHubRepo((url, init) => fetch(url, init), host, source.id, source.revision);
      const sizes = repo.sizes;
      if (sizes && env.useBrowserCache) await dropCutDownloads(env.cacheKey, host, source.id, revision, sizes);
      return {
        ref: source.id,
        where: env.remoteHost,
        ...(source.revision ? { revision: source.revision } : {}),
        ...(repo.commit ? { commit: repo.commit } : {}),
        ...(sizes ? { fileSizes: sizes } : {}),
        ...(repo.lfsSha256 ? { expectedSha256: repo.lfsSha256 } : {}),
        forget: async (file) => {
          if (env.useBrowserCache) await (await caches.open(env.cacheKey)).delete(fileUrl(file));
        },
        listOnnxFiles: async () => (sizes ? onnxFileNames(sizes) : null),
        async sha256(file) {
          const url = fileUrl(file);
          const cached = env.useBrowserCache ? await (await caches.open(env.cacheKey)).match(url) : undefined;
          const res = cached ?? (await fetch(url));
          return res.ok ? sha256OfBody(res, lengthOf(res)) : null;
        },
      };
    }
    if (source.type === 'path') throw new InvalidOptionError('In the browser, pick the model folder (source type "files"), not a path.');
    env.allowLocalModels = true;
    env.allowRemoteModels = false;
    env.useBrowserCache = false; // same-origin or in-memory files: nothing to gain from a second copy
    env.localModelPath = modelsPath();
    if (source.type === 'files') {
      const key = folderKey(source.name);
      // Accept both "config.json" and "<picked folder>/config.json" (webkitRelativePath keeps the folder name).
      const paths = source.files.map((f) => f.path.replace(/^\/+/, ''));
      const root = paths.includes('config.json') ? '' : (paths.find((p) => p.endsWith('/config.json'))?.slice(0, -'config.json'.length) ?? '');
      const map = new Map<string, Blob>();
      source.files.forEach((f, i) => {
        const p = paths[i]!;
        if (p.startsWith(root)) map.set(p.slice(root.length), f.file);
      });
      folders.set(key, map);
      return {
        ref: `local/${key}`,
        where: `the folder "${source.name}"`,
        fileSizes: Object.fromEntries([...map].map(([p, blob]) => [p, blob.size])),
        listOnnxFiles: async () => [...map.keys()].filter((p) => p.startsWith('onnx/')).map((p) => p.slice('onnx/'.length)),
        sha256: async (file) => {
          const blob = map.get(file);
          return blob ? sha256OfBody(blob, blob.size) : null;
        },
      };
    }
    // Embedded: which dtypes exist comes from the model registry (a static server cannot list folders, and
    // an SPA fallback would answer 200 for files that do not exist).
    const known = findLm(source.id)?.dtypes;
    const files = urlAssetSource(`${modelsUrl()}${source.id}/`, stallGuardFetch((input, init) => fetch(input, init)));
    // The graph's digest is taken from the bytes the session was made from, while it is made,
    // instead of from a second download after it.
    const digests = new Map<string, Promise<string>>();
    return {
      ref: source.id,
      where: `${modelsUrl()}${source.id}/`,
      readFile: async (file, onBytes) => {
        const bytes = await files.read(file, onBytes);
        const digest = sha256Hex(bytes);
        digest.catch(() => undefined); // read by sha256() below, if the load gets that far
        digests.set(file, digest);
        return bytes;
      },
      listOnnxFiles: async () => (known ? known.map((d: LmDtype) => `model${DTYPE_SUFFIX[d]}.onnx`) : null),
      async sha256(file) {
        const read = digests.get(file);
        if (read) return read;
        const res = await fetch(`${modelsUrl()}${source.id}/${file}`);
        return res.ok ? sha256OfBody(res, lengthOf(res)) : null;
      },
    };
  },
  async createDirect(prepared, file, config, backend, externalData, progress) {
    const readFile = prepared.readFile;
    if (backend !== 'wasm' || !readFile) return null;
    const read = async (name: string) => {
      progress({ status: 'initiate', file: name });
      let started = false;
      const bytes = await readFile(name, (loaded, total) => {
        if (!started) progress({ status: 'download', file: name, total });
        started = true;
        progress({ status: 'progress', file: name, loaded, total, progress: total ? (100 * loaded) / total : undefined });
      });
      progress({ status: 'done', file: name });
      return bytes;
    };
    const graph = await read(file);
    // The graph names its external data relative to itself (onnx/model.onnx → "model.onnx_data").
    const dir = file.slice(0, file.lastIndexOf('/') + 1);
    const data = await Promise.all(externalData.map(async (name) => ({ path: name.startsWith(dir) ? name.slice(dir.length) : name, data: await read(name) })));
    const { session } = await createSession(withLogitsAtPositions(graph) ?? graph, 'wasm', prepared.ref, { externalData: data });
    try {
      // Its runs join the language models' one chain of runs (load.ts).
      return { ...directModel(ortTensorFactory(session.ort), { session: session.session, run: (feeds) => serialRun(() => session.run(feeds)) }, config, file), dispose: () => session.release() };
    } catch (e) {
      await session.release();
      throw e;
    }
  },
  async devices(pref) {
    // Every session of a load is created after this: ORT refuses a second initialisation of a build
    // while the warm-up's is under way.
    await engineWarm;
    const gpu = await gpuFor(pref);
    const choice = lmDeviceCandidates(pref, gpu);
    const candidates = choice.candidates.flatMap((c): DeviceCandidate[] => (c.backend === 'wasm' ? [DIRECT_WASM, c] : [c]));
    if (pref === 'wasm' || pref === 'node') return { ...choice, candidates, fp16OnWebGpu: false };
    return {
      ...choice,
      candidates,
      fp16OnWebGpu: gpu.available && gpu.shaderF16 === true && choice.candidates.some((c) => c.backend === 'webgpu'),
      ...(gpu.available && gpu.limits ? { webGpuLimits: gpu.limits } : {}),
    };
  },
};

/** Load a causal or masked LM in the browser (call from the model worker). */
export function loadLanguageModelInBrowser(source: LmSource, opts: LoadLmOptions = {}): Promise<LanguageModel> {
  return loadLanguageModelWith(browserPlatform, source, opts);
}
