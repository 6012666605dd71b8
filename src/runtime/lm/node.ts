// Node-facing entry of the LM runtime, for the CLI (`bias-workbench score`), the bench and the unit
// tests. Never imported by the browser bundle (it uses node:fs / node:crypto).
//
// ORT backend in Node: transformers.js's Node build runs on onnxruntime-node (native CPU binary,
// shipped in the npm tarball) — the default here ('auto' / 'node'). `device: 'wasm'` runs the
// exported graph on onnxruntime-web's WASM build instead — the browser's engine — through the
// runtime engineer's getOrt() (src/runtime/ort.ts) and directSession.ts; transformers.js still
// supplies the tokenizer. (Handing onnxruntime-web to transformers.js itself in Node does not work:
// its Node device table then has no usable device.) 'wasm' serves embedded models and folders.
//
// Model ids: an existing folder path → that folder; an id found under `modelsDir` (default
// public/models of this checkout) → the embedded copy, offline; a relative folder holding a
// config.json → that folder; otherwise (or whenever `remoteHost`
// is given) → the Hub at `remoteHost` (default https://huggingface.co/), cached under `cacheDir`.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, promises as fs, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InvalidOptionError, ModelNotFoundError } from '../../core/errors';
import { createSession, getOrt } from '../ort';
import { withLogitsAtPositions } from './logitsAtPositions';
import { directModel, ortTensorFactory } from './directSession';
import { inspectHubRepo, onnxFileNames } from './hubRepo';
import { loadLanguageModelWith, type LmPlatform, type LoadLmOptions, type TransformersModule } from './load';
import type { LanguageModel, LmDevicePreference, LmSource } from './types';

export type { LanguageModel } from './types';

const here = path.dirname(fileURLToPath(import.meta.url));
/** public/models of this checkout (src/runtime/lm → ../../../public/models). */
export const DEFAULT_MODELS_DIR = path.resolve(here, '..', '..', '..', 'public', 'models');
const DEFAULT_REMOTE_HOST = 'https://huggingface.co/';
const defaultHubCacheDir = () =>
  path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'bias-workbench', 'hub');

interface NodeLoadOptions extends LoadLmOptions {
  /** Folder of embedded models ({org}/{name}/config.json …). Default: public/models. */
  modelsDir?: string;
  /** Load from this Hub (or mirror) even when an embedded copy exists. */
  remoteHost?: string;
  /** Where Hub downloads are cached. Default: $XDG_CACHE_HOME/bias-workbench/hub. */
  cacheDir?: string;
  revision?: string;
  /** Force a source kind instead of guessing from the id. */
  source?: LmSource['type'];
}

let tfPromise: Promise<TransformersModule> | null = null;

function importTransformers(_pref: LmDevicePreference): Promise<TransformersModule> {
  tfPromise ??= import('@huggingface/transformers').then((tf) => {
    tf.env.logLevel = tf.LogLevel.ERROR;
    return tf;
  });
  return tfPromise;
}

const sha256File = (file: string) =>
  new Promise<string>((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(file)
      .on('data', (d) => h.update(d))
      .on('error', reject)
      .on('end', () => resolve(h.digest('hex')));
  });

/** Size of every file under `folder`, by path relative to it ('/'-separated). */
async function folderSizes(folder: string, prefix = ''): Promise<Record<string, number>> {
  const sizes: Record<string, number> = {};
  for (const e of await fs.readdir(path.join(folder, prefix), { withFileTypes: true }).catch(() => [])) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) Object.assign(sizes, await folderSizes(folder, rel));
    else {
      const st = await fs.stat(path.join(folder, rel)).catch(() => null);
      if (st?.isFile()) sizes[rel] = st.size;
    }
  }
  return sizes;
}

const isDir = (p: string) => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};

/** Which source an id means (see the header). */
export function resolveNodeSource(id: string, opts: NodeLoadOptions = {}): LmSource {
  const modelsDir = path.resolve(opts.modelsDir ?? DEFAULT_MODELS_DIR);
  if (opts.source === 'path' || (!opts.source && (path.isAbsolute(id) || id.startsWith('.')) && isDir(id)))
    return { type: 'path', path: path.resolve(id) };
  if (opts.source === 'hub' || (!opts.source && opts.remoteHost))
    return { type: 'hub', id, remoteHost: opts.remoteHost ?? DEFAULT_REMOTE_HOST, ...(opts.revision ? { revision: opts.revision } : {}) };
  if (opts.source === 'embedded' || existsSync(path.join(modelsDir, id, 'config.json'))) return { type: 'embedded', id };
  // A relative folder written without "./" (tests/fixtures/…/llama): a model folder here, not a Hub id.
  if (!opts.source && existsSync(path.resolve(id, 'config.json'))) return { type: 'path', path: path.resolve(id) };
  return { type: 'hub', id, remoteHost: DEFAULT_REMOTE_HOST, ...(opts.revision ? { revision: opts.revision } : {}) };
}

/**
 * Delete cached Hub files whose size differs from the size the Hub lists: a download that was cut
 * or stored short would otherwise be served from the cache on every later load. File names come
 * from the Hub's answer, so only paths inside the model's cache folder are touched.
 */
async function dropShortDownloads(folder: string, sizes: Readonly<Record<string, number>>): Promise<void> {
  const inside = path.resolve(folder) + path.sep;
  await Promise.all(
    Object.entries(sizes).map(async ([file, size]) => {
      const full = path.resolve(folder, file);
      if (!full.startsWith(inside)) return;
      const stat = await fs.stat(full).catch(() => null);
      if (stat?.isFile() && stat.size !== size) await fs.rm(full, { force: true });
    }),
  );
}

function nodePlatform(opts: NodeLoadOptions): LmPlatform {
  const modelsDir = path.resolve(opts.modelsDir ?? DEFAULT_MODELS_DIR);
  const cacheDir = path.resolve(opts.cacheDir ?? defaultHubCacheDir());
  return {
    importTransformers,
    async prepare(tf, source) {
      const env = tf.env;
      env.useBrowserCache = false;
      env.useCustomCache = false;
      if (source.type === 'hub') {
        env.allowLocalModels = false;
        env.allowRemoteModels = true;
        env.remoteHost = source.remoteHost ?? DEFAULT_REMOTE_HOST;
        env.useFSCache = true; // Node keeps ONNX files on disk; transformers.js needs the file cache for remote ONNX
        env.cacheDir = cacheDir;
        const folder = path.join(cacheDir, source.id);
        // Commit and sizes before downloading; a gated repo is refused here (hubRepo.ts).
        const repo = await inspectHubRepo((url, init) => fetch(url, init), env.remoteHost, source.id, source.revision);
        const sizes = repo.sizes;
        if (sizes) await dropShortDownloads(folder, sizes);
        return {
          ref: source.id,
          where: env.remoteHost,
          cacheDir,
          ...(source.revision ? { revision: source.revision } : {}),
          ...(repo.commit ? { commit: repo.commit } : {}),
          ...(sizes ? { fileSizes: sizes } : {}),
          ...(repo.lfsSha256 ? { expectedSha256: repo.lfsSha256 } : {}),
          forget: async (file) => {
            const full = path.resolve(folder, file);
            if (full.startsWith(path.resolve(folder) + path.sep)) await fs.rm(full, { force: true });
          },
          listOnnxFiles: async () => (sizes ? onnxFileNames(sizes) : null),
          sha256: async (file) => (existsSync(path.join(folder, file)) ? sha256File(path.join(folder, file)) : null),
        };
      }
      if (source.type === 'files') throw new InvalidOptionError('In Node, load a local folder by its path (source type "path").');
      const folder = source.type === 'path' ? source.path : path.join(modelsDir, source.id);
      env.allowLocalModels = true;
      env.allowRemoteModels = false;
      env.useFSCache = false;
      if (source.type === 'embedded') env.localModelPath = modelsDir + path.sep;
      return {
        ref: source.type === 'path' ? folder : source.id,
        where: folder,
        fileSizes: await folderSizes(folder),
        listOnnxFiles: async () => fs.readdir(path.join(folder, 'onnx')).catch(() => []),
        sha256: async (file) => sha256File(path.join(folder, file)),
      };
    },
    async createDirect(prepared, file, config, _backend, externalData) {
      if (prepared.cacheDir) throw new InvalidOptionError('device "wasm" in Node loads embedded models and local folders; use "node" for Hub ids.');
      const read = async (name: string) => {
        const full = path.join(prepared.where, name);
        try {
          return new Uint8Array(await fs.readFile(full));
        } catch (e) {
          throw new ModelNotFoundError(`${name} was not found in ${prepared.where} (${e instanceof Error ? e.message.split('\n')[0] : String(e)}).`);
        }
      };
      // The head computes logits only at the positions a pass asks for, where the graph allows it (logitsAtPositions.ts).
      const graph = await read(file);
      const bytes = withLogitsAtPositions(graph) ?? graph;
      // The graph names its external data relative to itself (onnx/model.onnx → "model.onnx_data").
      const data = await Promise.all(externalData.map(async (name) => ({ path: path.posix.relative(path.posix.dirname(file), name), data: await read(name) })));
      const [ort, { session }] = await Promise.all([getOrt(), createSession(bytes, 'wasm', prepared.ref, { externalData: data })]);
      try {
        return { ...directModel(ortTensorFactory(ort), session, config, file), dispose: () => session.release() };
      } catch (e) {
        await session.release();
        throw e;
      }
    },
    async devices(pref) {
      if (pref === 'webgpu')
        return { candidates: [], skipped: 'WebGPU is not available to the Node runtime here (use "node" or "wasm")', fp16OnWebGpu: false };
      if (pref === 'wasm') return { candidates: [{ device: 'direct', backend: 'wasm' }], fp16OnWebGpu: false };
      // 'cpu' is transformers.js's name for onnxruntime-node.
      return { candidates: [{ device: 'cpu', backend: 'node' }], fp16OnWebGpu: false };
    },
  };
}

/**
 * Load a causal or masked LM in Node.
 * @example const lm = await loadLanguageModel('workbench/tiny-gpt2'); await lm.tokenLogProbs(['The doctor said']);
 * @throws ModelNotFoundError (404 / missing file), MissingTokenizerError, CorruptModelFileError,
 *   OutOfMemoryError, UnsupportedModelError (architecture), InvalidOptionError (dtype not offered)
 */
export async function loadLanguageModel(id: string, opts: NodeLoadOptions = {}): Promise<LanguageModel> {
  const source = resolveNodeSource(id, opts);
  try {
    return await loadLanguageModelWith(nodePlatform(opts), source, opts);
  } catch (e) {
    // An id that is neither a folder nor an embedded model was sent to the Hub: say so.
    if (source.type === 'hub' && !opts.remoteHost && !opts.source && e instanceof Error) {
      const modelsDir = path.resolve(opts.modelsDir ?? DEFAULT_MODELS_DIR);
      e.message = `'${id}' is not an embedded model (no ${path.join(modelsDir, id, 'config.json')}) nor a folder, so it was looked up on ${DEFAULT_REMOTE_HOST}: ${e.message}`;
    }
    throw e;
  }
}

/**
 * What the CLI `score` command prints: total and per-token log-probs of `text`, or of `text` as a
 * continuation of `prefix` when one is given (causal LMs); pseudo-log-likelihood for masked LMs.
 */
export interface ScoreResult {
  model: { id: string; kind: string; backend: string; dtype: string; sha256: Record<string, string>; revision?: string; fileSha256?: Record<string, string> };
  method: 'token-log-probs' | 'continuation' | 'pseudo-log-likelihood';
  text: string;
  prefix?: string;
  total: number;
  tokens: Array<{ token: string; id: number; logProb: number }>;
  /** Tokens conditioned on but not scored (BOS, or the prefix). */
  contextTokens: number;
}

/** One-call scoring for the CLI: `scoreText(lm, 'a doctor', { prefix: 'She is ' })`. */
export async function scoreText(lm: LanguageModel, text: string, opts: { prefix?: string; signal?: AbortSignal } = {}): Promise<ScoreResult> {
  const model = {
    id: lm.info.id,
    kind: lm.info.kind,
    backend: lm.info.backend,
    dtype: lm.info.dtype,
    sha256: lm.info.sha256,
    ...(lm.info.revision ? { revision: lm.info.revision } : {}),
    ...(lm.info.fileSha256 ? { fileSha256: lm.info.fileSha256 } : {}),
  };
  if (lm.info.kind === 'masked-lm') {
    if (opts.prefix !== undefined) throw new InvalidOptionError('--prefix applies to causal LMs; a masked LM scores the whole text (PLL).');
    const [r] = await lm.pseudoLogLikelihood([text], { signal: opts.signal });
    return {
      model,
      method: 'pseudo-log-likelihood',
      text,
      total: r!.total,
      tokens: r!.ids.map((id, i) => ({ token: r!.tokens[i]!, id, logProb: r!.logProbs[i]! })),
      contextTokens: 0,
    };
  }
  if (opts.prefix !== undefined) {
    const r = await lm.continuationLogProb(opts.prefix, text, { signal: opts.signal });
    return { model, method: 'continuation', text, prefix: opts.prefix, total: r.total, tokens: r.perToken, contextTokens: r.contextLength };
  }
  const [r] = await lm.tokenLogProbs([text], { signal: opts.signal });
  return {
    model,
    method: 'token-log-probs',
    text,
    total: r!.total,
    tokens: r!.ids.map((id, i) => ({ token: r!.tokens[i]!, id, logProb: r!.logProbs[i]! })),
    contextTokens: r!.context.ids.length,
  };
}
