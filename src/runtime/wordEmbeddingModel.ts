// The embedded word-embedding model (GloVe): manifest.json + vocab.txt + model.onnx, loaded from a
// base URL (browser/worker) or a folder (Node, via src/runtime/node.ts), verified against the
// manifest's sha256s, and run through ONNX Runtime like every other model. The ONNX graph takes
// row ids (int64 [n]) and returns the decoded vectors (float32 [n, D]); see scripts/glove/onnxProto.ts.
// The manifest's `precision` (words on what the numbers are accurate to) travels in the model info
// into every run record.
//
// Device 'auto' means WASM here: the graph is a table lookup (Gathers and small integer
// arithmetic), which the GPU cannot speed up (an upload and a read-back per call; the first WebGPU
// run also compiles shaders), and ORT's plain WASM build starts ≈2.5× faster than the WebGPU one
// (see ort.ts). The model info says so in `fallbackReason`; choosing 'webgpu' explicitly still
// runs it on WebGPU.
//
// Device 'js' (Node: the CLI and the bench) evaluates the same graph in plain JavaScript when it is
// exactly the build's lookup graph (q13LookupTable.ts: same numbers, bit for bit, without starting
// ONNX Runtime); any other graph runs on WASM.
import { CorruptModelFileError, ModelLoadError, ModelNotFoundError } from '../core/errors';
import { assetDigestText, sha256Hex, type AssetFileEntry } from './assetDigest';
import { readOnnxGraph } from './onnxGraphReader';
import { checkWebGpu, createSession, warmUpBackend, type SerialSession } from './ort';
import { decodeQ13Rows, readQ13Table, type Q13Table } from './q13LookupTable';
import type { DevicePreference, LoadedModelInfo, ProgressCallback } from './types';
import { VectorLookupModel } from './vectorLookup';

/** Where asset files come from: fetch (browser) or the file system (Node). */
export interface AssetSource {
  /** Where `file` is, for error messages. */
  describe(file: string): string;
  /** The file's bytes; `onBytes` reports progress (total may be unknown). @throws ModelLoadError */
  read(file: string, onBytes?: (loaded: number, total?: number) => void): Promise<Uint8Array>;
}

const NOT_BUILT_HINT = 'the embedded model assets have not been built — run `npm run prepare-models`';

/** Files under a base URL (e.g. `${import.meta.env.BASE_URL}models/glove-6b-100d/`), with byte progress. */
export function urlAssetSource(baseUrl: string, fetchImpl: (url: string) => Promise<Response> = globalThis.fetch.bind(globalThis)): AssetSource {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const urlOf = (file: string) => `${base}${file}`;
  return {
    describe: urlOf,
    async read(file, onBytes) {
      const url = urlOf(file);
      let res: Response;
      try {
        res = await fetchImpl(url);
      } catch (e) {
        throw new ModelLoadError(`${url}: could not be fetched (${e instanceof Error ? e.message : String(e)})`);
      }
      if (res.status === 404) throw new ModelNotFoundError(`${url}: not found (HTTP 404); ${NOT_BUILT_HINT}`);
      if (!res.ok) throw new ModelLoadError(`${url}: HTTP ${res.status} ${res.statusText}`);
      // Dev servers answer unknown paths with index.html (SPA fallback): treat as missing.
      if ((res.headers.get('content-type') ?? '').includes('text/html')) {
        throw new ModelNotFoundError(`${url}: the server returned an HTML page, not the file; ${NOT_BUILT_HINT}`);
      }
      const lenHeader = res.headers.get('content-length');
      const total = lenHeader !== null && res.headers.get('content-encoding') === null ? Number(lenHeader) : undefined;
      if (!res.body) {
        const buf = new Uint8Array(await res.arrayBuffer());
        onBytes?.(buf.length, buf.length);
        return buf;
      }
      const reader = res.body.getReader();
      const chunks: Uint8Array[] = [];
      let loaded = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        loaded += value.length;
        onBytes?.(loaded, total);
      }
      const out = new Uint8Array(loaded);
      let off = 0;
      for (const c of chunks) {
        out.set(c, off);
        off += c.length;
      }
      return out;
    },
  };
}

/** The manifest fields the loader relies on (scripts/glove/buildAsset.ts writes the full one). */
interface WordEmbeddingManifest {
  id: string;
  title: string;
  kind: 'word-embedding';
  dimensions: number;
  count: number;
  dtype: string;
  precision?: string;
  onnx: { input: string; output: string };
  fidelity?: { minCosine: number; meanCosine: number };
  missingProbeWords?: string[];
  files: Record<string, AssetFileEntry>;
  assetSha256: string;
}

function checkManifest(m: unknown, where: string): WordEmbeddingManifest {
  const bad = (what: string): never => {
    throw new CorruptModelFileError(`${where}: invalid manifest (${what}); rebuild with \`npm run prepare-models -- --force\``);
  };
  if (typeof m !== 'object' || m === null) bad('not a JSON object');
  const o = m as Partial<WordEmbeddingManifest>;
  if (typeof o.id !== 'string') bad('no id');
  if (o.kind !== 'word-embedding') bad(`kind is ${String(o.kind)}, expected word-embedding`);
  if (!Number.isInteger(o.dimensions) || o.dimensions! < 1) bad('dimensions');
  if (!Number.isInteger(o.count) || o.count! < 1) bad('count');
  if (!o.onnx || typeof o.onnx.input !== 'string' || typeof o.onnx.output !== 'string') bad('onnx input/output names');
  for (const f of ['model.onnx', 'vocab.txt']) {
    const e = o.files?.[f];
    if (!e || typeof e.sha256 !== 'string' || !Number.isInteger(e.bytes)) bad(`files["${f}"]`);
  }
  if (typeof o.assetSha256 !== 'string') bad('assetSha256');
  return o as WordEmbeddingManifest;
}

/** Where the lookup graph runs: an ORT device, or 'js' (plain JavaScript when the graph is the build's, else WASM). */
export type WordVectorDevice = DevicePreference | 'js';

interface LoadOptions {
  device?: WordVectorDevice;
  onProgress?: ProgressCallback;
}

/** Minimum time between two byte-progress events of one file. */
const PROGRESS_INTERVAL_MS = 50;

/** Why 'auto' runs word vectors on WASM when WebGPU is available (shown as "WebGPU not used: …"). */
const LOOKUP_ON_WASM_REASON =
  'a word-vector table lookup runs faster on WASM than on WebGPU (choose Device: WebGPU to use the GPU anyway)';

/** Max ids per session.run (bounds the output tensor: 8192 × 100 floats = 3.3 MB, and the graph's as many intermediates). */
const RUN_BATCH = 8192;

/** What evaluates the lookup graph: an ORT session or the JS decoder of its table. */
interface GraphEvaluator {
  fetchRows(rows: readonly number[], dims: number, modelId: string): Promise<Float32Array>;
  release(): Promise<void>;
}

/** The graph's table, decoded in JS (no ONNX Runtime); refuses rows once released, as a session does. */
const tableEvaluator = (table: Q13Table): GraphEvaluator => {
  let released = false;
  return {
    async fetchRows(rows) {
      if (released) throw new ModelLoadError('the model was unloaded');
      return decodeQ13Rows(table, rows);
    },
    async release() {
      released = true;
    },
  };
};

/** The graph run by an ORT session, at most RUN_BATCH ids per run. */
const sessionEvaluator = (session: SerialSession, io: { input: string; output: string }): GraphEvaluator => ({
  async fetchRows(rows, dims, modelId) {
    const ort = session.ort;
    const out = new Float32Array(rows.length * dims);
    for (let start = 0; start < rows.length; start += RUN_BATCH) {
      const part = rows.slice(start, start + RUN_BATCH);
      const ids = new ort.Tensor('int64', BigInt64Array.from(part, (r) => BigInt(r)), [part.length]);
      const result = await session.run({ [io.input]: ids });
      const emb = result[io.output];
      if (!emb || emb.type !== 'float32' || emb.dims[1] !== dims) {
        throw new ModelLoadError(`${modelId}: unexpected model output ${emb ? `${emb.type} [${emb.dims.join(', ')}]` : 'missing'}`);
      }
      out.set(emb.data as Float32Array, start * dims);
      emb.dispose();
    }
    return out;
  },
  release: () => session.release(),
});

/** The build's lookup table when the model is exactly its graph, else null (then ORT runs it). */
function recognisedTable(modelBytes: Uint8Array): Q13Table | null {
  try {
    return readQ13Table(readOnnxGraph(modelBytes));
  } catch {
    return null; // not a well-formed ModelProto: ORT reports what is wrong with it
  }
}

export class OnnxWordEmbeddingModel extends VectorLookupModel {
  private constructor(
    info: LoadedModelInfo,
    vocab: ReadonlyMap<string, number>,
    private readonly graph: GraphEvaluator,
  ) {
    super(info, vocab);
  }

  /**
   * Load, verify (sha256 of every file against the manifest) and create the ORT session (device
   * 'js': read the graph's table instead, when it is the build's graph).
   * @throws ModelNotFoundError (missing file), CorruptModelFileError ("corrupt file": hash/size mismatch, bad
   *   manifest) — both ModelLoadError subclasses — or ModelLoadError when ORT cannot create the session
   */
  static async load(id: string, source: AssetSource, opts: LoadOptions = {}): Promise<OnnxWordEmbeddingModel> {
    const emit = opts.onProgress ?? (() => {});
    const wanted = opts.device ?? 'auto';
    const device = wanted === 'auto' || wanted === 'js' ? 'wasm' : wanted;
    // Initialise ORT (wasm download + compile, WebGPU device) while the assets stream in: ORT
    // would otherwise start only at the first InferenceSession.create, after every download.
    // 'js' starts it only if the graph turns out not to be the build's.
    const ortReady = wanted === 'js' ? undefined : warmUpBackend(device);
    // 'auto' chose WASM: say why (no adapter, or a lookup gains nothing from the GPU).
    const autoReason = wanted === 'auto' ? checkWebGpu().then((g) => (g.available ? LOOKUP_ON_WASM_REASON : g.reason)) : undefined;
    const read = async (file: string): Promise<Uint8Array> => {
      emit({ status: 'initiate', name: id, file });
      let started = false;
      let lastProgressAt = -Infinity;
      const bytes = await source.read(file, (loaded, total) => {
        if (!started) {
          started = true;
          emit({ status: 'download', name: id, file, total });
        }
        // At most one byte-progress event per PROGRESS_INTERVAL_MS (and always the last): each one
        // crosses to the page and re-renders it, and a fetch stream delivers hundreds of chunks.
        const now = performance.now();
        if (now - lastProgressAt < PROGRESS_INTERVAL_MS && loaded !== total) return;
        lastProgressAt = now;
        emit({ status: 'progress', name: id, file, loaded, total, progress: total ? (100 * loaded) / total : undefined });
      });
      emit({ status: 'done', name: id, file });
      return bytes;
    };
    const verify = async (file: string, bytes: Uint8Array, entry: AssetFileEntry) => {
      const actual = await sha256Hex(bytes);
      if (bytes.length !== entry.bytes || actual !== entry.sha256) {
        throw new CorruptModelFileError(
          `${source.describe(file)}: corrupt file — expected ${entry.bytes} bytes with sha256 ${entry.sha256.slice(0, 16)}…, ` +
            `got ${bytes.length} bytes with sha256 ${actual.slice(0, 16)}…; rebuild with \`npm run prepare-models -- --force\``,
        );
      }
    };

    const manifestBytes = await read('manifest.json');
    let manifestJson: unknown;
    try {
      manifestJson = JSON.parse(new TextDecoder().decode(manifestBytes));
    } catch {
      throw new CorruptModelFileError(`${source.describe('manifest.json')}: not valid JSON; ${NOT_BUILT_HINT}`);
    }
    const manifest = checkManifest(manifestJson, source.describe('manifest.json'));
    if (manifest.id !== id) throw new ModelLoadError(`${source.describe('manifest.json')}: describes '${manifest.id}', expected '${id}'`);
    const digest = await sha256Hex(assetDigestText(manifest.files));
    if (digest !== manifest.assetSha256) {
      throw new CorruptModelFileError(`${source.describe('manifest.json')}: corrupt file — assetSha256 does not match its file list`);
    }

    const [vocabBytes, modelBytes] = await Promise.all([read('vocab.txt'), read('model.onnx')]);
    await verify('vocab.txt', vocabBytes, manifest.files['vocab.txt']!);
    await verify('model.onnx', modelBytes, manifest.files['model.onnx']!);

    const words = new TextDecoder().decode(vocabBytes).split('\n');
    if (words[words.length - 1] === '') words.pop();
    if (words.length !== manifest.count) {
      throw new CorruptModelFileError(`${source.describe('vocab.txt')}: corrupt file — ${words.length} words, manifest says ${manifest.count}`);
    }
    const vocab = new Map<string, number>();
    words.forEach((w, i) => {
      if (!vocab.has(w)) vocab.set(w, i);
    });

    const table = wanted === 'js' ? recognisedTable(modelBytes) : null;
    let created: Awaited<ReturnType<typeof createSession>> | undefined;
    if (!table) {
      await (ortReady ?? warmUpBackend(device));
      created = await createSession(modelBytes, device, id);
    }
    const fallbackReason = created?.fallbackReason ?? (await autoReason);
    const info: LoadedModelInfo = {
      id,
      kind: 'word-embedding',
      title: manifest.title,
      backend: created?.backend ?? 'js',
      ...(fallbackReason !== undefined ? { fallbackReason } : {}),
      dims: manifest.dimensions,
      vocabularySize: manifest.count,
      assetSha256: manifest.assetSha256,
      dtype: manifest.dtype,
      ...(typeof manifest.precision === 'string' ? { precision: manifest.precision } : {}),
      ...(manifest.missingProbeWords ? { missingProbeWords: manifest.missingProbeWords } : {}),
      ...(manifest.fidelity ? { fidelity: { minCosine: manifest.fidelity.minCosine, meanCosine: manifest.fidelity.meanCosine } } : {}),
    };
    const model = new OnnxWordEmbeddingModel(info, vocab, created ? sessionEvaluator(created.session, manifest.onnx) : tableEvaluator(table!));
    emit({ status: 'ready', name: id, backend: info.backend, ...(info.fallbackReason ? { fallbackReason: info.fallbackReason } : {}) });
    return model;
  }

  protected fetchRows(rows: readonly number[]): Promise<Float32Array> {
    return this.graph.fetchRows(rows, this.info.dims, this.info.id);
  }

  async dispose(): Promise<void> {
    await this.graph.release();
  }
}
