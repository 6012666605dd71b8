// Loading a causal or masked LM through transformers.js, the same path for every source (embedded,
// Hub id, user folder). Platform differences — where files come from, which ORT build runs, how
// files are hashed — come in through `LmPlatform` (node.ts, browser.ts); this file holds the
// decisions:
//  - transformers.js keeps its settings in one global `env`, so loads are serialised by a lock and
//    each load sets the env it needs (allowLocalModels, localModelPath, remoteHost …) first. All of
//    a model's files are fetched inside from_pretrained, so later loads cannot disturb it.
//  - Kind: config.json `architectures` (…ForMaskedLM / …ForCausalLM / …LMHeadModel), else whether
//    transformers.js's AutoModelForCausalLM / AutoModelForMaskedLM support `model_type`.
//  - Dtype: the files present decide what is offered; 'auto' picks fp32 when present (scores are
//    measurements: full precision first), then q8, q4, fp16, q4f16 (fp16 before q8 on WebGPU with
//    shader-f16); a folder with only fp16 / q4f16 files runs them on CPU and WASM too.
//  - External data: weights in onnx/model{suffix}.onnx_data are loaded when config.json declares
//    them (transformers.js_config.use_external_data_format) or the folder listing shows them.
//  - Batches: a graph whose numbers for one sequence change with the rest of its batch (dynamically
//    quantised q8) is run one sequence per pass, without KV-cache sharing (batchInvariance.ts).
//  - Device: try the candidates in order (WebGPU, then WASM) and keep the first that loads AND runs
//    a two-token warm-up pass — ORT-web reports unsupported WebGPU kernels and GPU OOM only when a
//    session runs. Why the preferred device was dropped is reported as `fallbackReason`.
import type * as Transformers from '@huggingface/transformers';
import { CancelledError, CorruptModelFileError, InvalidOptionError, ModelTooLargeError, UnsupportedModelError, WorkbenchError } from '../../core/errors';
import { createLanguageModel, type CachedForwardFn, type ForwardFn, type LmTokenizer } from './languageModel';
import { BATCH_INVARIANCE_TOLERANCE, batchDependence, onePassPerSequence } from './batchInvariance';
import { directModel, type DirectPasses } from './directSession';
import { byteLevelDecoder } from './byteLevelDecode';
import { embeddingBytes, modelFitsDevice, weightFilesOf, type FitVerdict, type WebGpuLimits } from './modelFits';
import { externalDataChunks, externalDataNames } from './externalData';
import { isNodeRuntime } from '../ort';
import { isOutOfMemory, looksLikeWebGpuProblem, mapLoadError, mapRunError, missingFileError } from './errors';
import type { InputMetadata } from './graphInputs';
import { LM_DTYPES, type LanguageModel, type LmBackend, type LmDevicePreference, type LmDtype, type LmInfo, type LmKind, type LmLoadProgress, type LmSource } from './types';
import { oneWebGpuCallAtATime, webGpuExclusive } from '../webGpuExclusive';

export type TransformersModule = typeof Transformers;

export const DTYPE_SUFFIX: Readonly<Record<LmDtype, string>> = Object.freeze({
  fp32: '',
  fp16: '_fp16',
  q8: '_quantized',
  q4: '_q4',
  q4f16: '_q4f16',
});
/** Largest file that is taken for a Git LFS pointer, not an ONNX graph (a pointer is three short lines). */
const LFS_POINTER_MAX_BYTES = 200;
export const onnxFileFor = (dtype: LmDtype) => `onnx/model${DTYPE_SUFFIX[dtype]}.onnx`;

/** Dtypes offered by a listing of the onnx/ folder (file names without the folder). */
function dtypesFromFiles(onnxFiles: readonly string[]): LmDtype[] {
  return LM_DTYPES.filter((d) => onnxFiles.includes(`model${DTYPE_SUFFIX[d]}.onnx`));
}

export interface PreparedSource {
  /** What to pass to from_pretrained: a Hub-style id or a folder path. */
  ref: string;
  /** Where files come from, for error messages. */
  where: string;
  cacheDir?: string;
  revision?: string;
  /** Names of the files in onnx/ when the platform can list them; null = unknown (Hub). */
  listOnnxFiles(): Promise<string[] | null>;
  /** sha256 hex of a file of the model folder after loading; null when it cannot be read back. */
  sha256(file: string): Promise<string | null>;
  /**
   * A file of the model folder with byte progress, for a session the platform opens itself
   * (createDirect); absent where transformers.js reads the files.
   */
  readFile?(file: string, onBytes?: (loaded: number, total?: number) => void): Promise<Uint8Array>;
  /** Hub: the commit the files come from, when the host said (X-Repo-Commit, the API's `sha`). */
  commit?: string;
  /** Size in bytes of each file, by path, known before downloading (Hub API, a folder); absent = unknown. */
  fileSizes?: Readonly<Record<string, number>>;
  /** Hub: the sha256 the API lists for each weight file; a downloaded file must have it. */
  expectedSha256?: Readonly<Record<string, string>>;
  /** Hub: drop a cached copy of `file` (one that failed its check), so the next load downloads it again. */
  forget?(file: string): Promise<void>;
}

export interface DeviceCandidate {
  /** transformers.js device name; 'direct' = run the graph on the platform's own ORT session (createDirect). */
  device: string;
  backend: LmBackend;
}

/** The direct passes (directSession.ts) of a session the platform opened, and how to release it. */
interface DirectModel extends DirectPasses {
  dispose(): Promise<void>;
}

export interface LmPlatform {
  /** transformers.js, imported once; a platform may start its engine here for the load of `source` on `pref`. */
  importTransformers(pref: LmDevicePreference, source: LmSource): Promise<TransformersModule>;
  /** Set transformers.js env for this source (called under the load lock). */
  prepare(tf: TransformersModule, source: LmSource): Promise<PreparedSource>;
  /** Devices to try, best first, and why better ones were skipped. */
  devices(pref: LmDevicePreference): Promise<{ candidates: DeviceCandidate[]; skipped?: string; fp16OnWebGpu: boolean; webGpuLimits?: WebGpuLimits }>;
  /**
   * For device 'direct': open `file` of the prepared source on the platform's ORT, with its weights'
   * external-data files (paths inside the model folder, e.g. onnx/model.onnx_data); file reads are
   * reported to `progress` in transformers.js's progress shape. Null: the platform does not open
   * this source itself, and the next candidate is tried.
   */
  createDirect?(
    prepared: PreparedSource,
    file: string,
    config: Record<string, unknown>,
    backend: LmBackend,
    externalData: readonly string[],
    progress: (p: Record<string, unknown>) => void,
  ): Promise<DirectModel | null>;
}

export interface LoadLmOptions {
  device?: LmDevicePreference;
  dtype?: LmDtype | 'auto';
  onProgress?: (p: LmLoadProgress) => void;
  signal?: AbortSignal;
}

let loadLock: Promise<unknown> = Promise.resolve();
const withLoadLock = <T>(fn: () => Promise<T>): Promise<T> => {
  const next = loadLock.then(fn);
  loadLock = next.catch(() => undefined);
  return next;
};

/** A picked folder's name as a path segment: `My Model (v2)` → `My-Model-v2`. */
export const folderKey = (name: string) => name.replace(/[^\w.-]+/g, '-').replace(/-{2,}/g, '-').replace(/^[-.]+|[-.]+$/g, '') || 'folder';

/** The id a loaded model is known by: Hub/embedded id, `local/{folderKey}` or the folder path. */
export const sourceId = (s: LmSource): string => (s.type === 'files' ? `local/${folderKey(s.name)}` : s.type === 'path' ? s.path : s.id);

const CAUSAL_ARCH = /(ForCausalLM|LMHeadModel)$/;
const MASKED_ARCH = /ForMaskedLM$/;

function decideKind(tf: TransformersModule, config: { model_type?: string; architectures?: string[] }, id: string): LmKind {
  const type = config.model_type;
  const arch = config.architectures?.[0] ?? '';
  const causalOk = !!type && tf.AutoModelForCausalLM.supports(type);
  const maskedOk = !!type && tf.AutoModelForMaskedLM.supports(type);
  if (MASKED_ARCH.test(arch) && maskedOk) return 'masked-lm';
  if (CAUSAL_ARCH.test(arch) && causalOk) return 'causal-lm';
  if (causalOk && !maskedOk) return 'causal-lm';
  if (maskedOk && !causalOk) return 'masked-lm';
  if (causalOk) return 'causal-lm';
  throw new UnsupportedModelError(
    `${id}: model_type "${type ?? '(missing)'}"${arch ? ` (${arch})` : ''} is not a causal or masked language model that transformers.js ${tf.env.version} supports. ` +
      'Pick a text-generation or fill-mask repository with ONNX weights.',
  );
}

function chooseDtype(requested: LmDtype | 'auto', available: LmDtype[] | null, webgpu: boolean, fp16: boolean, id: string): LmDtype {
  if (requested !== 'auto') {
    if (available && !available.includes(requested))
      throw new InvalidOptionError(`${id} offers no ${requested} weights (${onnxFileFor(requested)}); available: ${available.join(', ') || 'none'}.`);
    return requested;
  }
  if (!available) return 'fp32';
  const order: LmDtype[] = webgpu && fp16 ? ['fp32', 'fp16', 'q8', 'q4f16', 'q4'] : ['fp32', 'q8', 'q4', 'fp16', 'q4f16'];
  const pick = order.find((d) => available.includes(d));
  if (!pick) throw new UnsupportedModelError(`${id} has no ONNX weights in onnx/ (looked for ${LM_DTYPES.map(onnxFileFor).join(', ')}).`);
  return pick;
}

const short = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 200);

function makeTokenizer(tk: Transformers.PreTrainedTokenizer): LmTokenizer {
  const id = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? v : null);
  const specialIds = new Set<number>(tk.all_special_ids as number[]);
  const specialText = new Map<number, string>((tk.all_special_ids as number[]).map((sid, i) => [sid, (tk.all_special_tokens as string[])[i]!]));
  const libraryDecode = (ids: readonly number[]) => tk.decode([...ids], { skip_special_tokens: true, clean_up_tokenization_spaces: false });
  const inner = tk as unknown as { _tokenizerJSON?: unknown; _tokenizer?: unknown };
  const fast = byteLevelDecoder(inner._tokenizerJSON, inner._tokenizer);
  // An empty run goes to the library, which refuses it.
  const decode = fast ? (ids: readonly number[]) => (ids.length > 0 ? fast(ids) : libraryDecode(ids)) : libraryDecode;
  const eosId = id(tk.eos_token_id);
  return {
    encode: (text, addSpecialTokens) => tk.encode(text, { add_special_tokens: addSpecialTokens }),
    decode,
    tokenText: (t) => specialText.get(t) ?? decode([t]),
    bosId: id(tk.bos_token_id),
    eosId,
    padId: id(tk.pad_token_id) ?? eosId ?? 0,
    maskId: id(tk.mask_token_id),
    specialIds,
    ...(tk.chat_template
      ? {
          chatIds: (message: string) =>
            tk.apply_chat_template([{ role: 'user', content: message }], { add_generation_prompt: true, tokenize: true, return_tensor: false, return_dict: false }) as number[],
        }
      : {}),
  };
}

/** Load a model from `source` with `platform`. Throws the named errors of src/core/errors.ts. */
export function loadLanguageModelWith(platform: LmPlatform, source: LmSource, opts: LoadLmOptions = {}): Promise<LanguageModel> {
  const displayId = sourceId(source);
  const emit = (p: LmLoadProgress) => {
    try {
      opts.onProgress?.(p);
    } catch {
      /* a failing progress listener must not fail the load */
    }
  };
  const abortCheck = () => {
    if (opts.signal?.aborted) throw new CancelledError(`Loading ${displayId} was cancelled.`);
  };
  return withLoadLock(async () => {
    abortCheck();
    const pref = opts.device ?? 'auto';
    const tf = await platform.importTransformers(pref, source);
    const prepared = await platform.prepare(tf, source);
    const { ref, where } = prepared;
    const common = { cache_dir: prepared.cacheDir ?? null, revision: prepared.revision ?? 'main' };
    let currentFile = 'config.json';
    /** Every file transformers.js read, for the identity of what ran. */
    const loadedFiles = new Set<string>();
    const progress_callback = (p: Record<string, unknown>) => {
      const file = typeof p.file === 'string' ? p.file : '';
      const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
      switch (p.status) {
        case 'initiate':
          currentFile = file;
          return emit({ status: 'initiate', name: displayId, file });
        case 'download':
          return emit({ status: 'download', name: displayId, file, total: num(p.total) });
        case 'progress':
          return emit({ status: 'progress', name: displayId, file, loaded: num(p.loaded) ?? 0, total: num(p.total), progress: num(p.progress) });
        case 'done':
          if (file) loadedFiles.add(file);
          return emit({ status: 'done', name: displayId, file });
        default:
          return; // progress_total / ready from transformers.js: we emit our own ready
      }
    };

    // 1. config.json → kind
    let config: Transformers.PretrainedConfig;
    try {
      config = await tf.AutoConfig.from_pretrained(ref, { ...common, progress_callback } as never);
    } catch (e) {
      throw mapLoadError(e, displayId, 'config.json', where);
    }
    const cfg = config as unknown as Record<string, unknown> & { model_type?: string; architectures?: string[] };
    const kind = decideKind(tf, cfg, displayId);
    abortCheck();

    // 2. tokenizer
    let tk: Transformers.PreTrainedTokenizer;
    try {
      tk = await tf.AutoTokenizer.from_pretrained(ref, { ...common, progress_callback } as never);
    } catch (e) {
      const mapped = mapLoadError(e, displayId, /tokenizer/.test(currentFile) ? currentFile : 'tokenizer.json', where);
      throw mapped;
    }
    const tokenizer = makeTokenizer(tk);
    if (kind === 'masked-lm' && tokenizer.maskId === null)
      throw new UnsupportedModelError(`${displayId}: the tokenizer has no mask token, so pseudo-log-likelihood cannot run.`);
    abortCheck();

    // 3. dtype and device
    const devices = await platform.devices(pref);
    const { skipped, fp16OnWebGpu } = devices;
    let { candidates } = devices;
    if (candidates.length === 0) throw new UnsupportedModelError(`No usable device for ${displayId}: ${skipped ?? 'none available'}.`);
    const listed = await prepared.listOnnxFiles();
    // Hub: probe which onnx/model*.onnx exist; unknown (null) lets from_pretrained report a missing file.
    const available: LmDtype[] | null = listed
      ? dtypesFromFiles(listed)
      : await tf.ModelRegistry.get_available_dtypes(ref, { config, ...common } as never).then(
          (found) => LM_DTYPES.filter((d) => found.includes(d)),
          () => null,
        );
    // Sizes known before downloading: 'auto' skips dtypes no device can hold; a chosen one that fits
    // no device is refused with the reason (modelFits.ts).
    const sizes = prepared.fileSizes;
    // An Optimum export writes model.onnx at the top of its folder; transformers.js reads onnx/.
    const topLevelOnnx = available?.length === 0 && sizes ? Object.keys(sizes).filter((f) => /^[^/]+\.onnx$/.test(f)) : [];
    if (topLevelOnnx.length)
      throw new UnsupportedModelError(
        `${displayId}: ${topLevelOnnx.join(', ')} ${topLevelOnnx.length > 1 ? 'are' : 'is'} at the top of the folder, but transformers.js model folders keep their weights in onnx/ (onnx/model.onnx, onnx/model_quantized.onnx …); move ${topLevelOnnx.length > 1 ? 'them' : 'it'}, with any .onnx_data file beside ${topLevelOnnx.length > 1 ? 'them' : 'it'}, into an onnx/ folder.`,
      );
    const fit = (d: LmDtype, backend: LmBackend): FitVerdict => {
      const files = sizes ? weightFilesOf(onnxFileFor(d), sizes) : null;
      return files ? modelFitsDevice(files, backend, { webGpuLimits: devices.webGpuLimits, largestTensorBytes: embeddingBytes(cfg, d) }) : { fits: true };
    };
    const fitting = available?.filter((d) => candidates.some((c) => fit(d, c.backend).fits));
    const offered = (opts.dtype ?? 'auto') === 'auto' && fitting?.length ? fitting : available;
    const dtype = chooseDtype(opts.dtype ?? 'auto', offered, candidates[0]!.backend === 'webgpu', fp16OnWebGpu, displayId);
    const verdicts = candidates.map((c) => ({ c, v: fit(dtype, c.backend) }));
    const tooLarge = verdicts.find((x): x is { c: DeviceCandidate; v: { fits: false; reason: string } } => !x.v.fits);
    let fallbackReason = skipped;
    if (tooLarge) {
      candidates = verdicts.filter((x) => x.v.fits).map((x) => x.c);
      if (candidates.length === 0)
        throw new ModelTooLargeError(`${displayId} (${dtype}) cannot load on ${tooLarge.c.backend === 'webgpu' ? 'WebGPU' : 'WASM'}: ${tooLarge.v.reason}; pick q4 or q4f16 weights or a smaller model.`);
      fallbackReason = `${dtype} weights do not fit ${tooLarge.c.backend}: ${tooLarge.v.reason}`;
    }
    const onnxName = onnxFileFor(dtype).slice('onnx/'.length);
    const dataChunks = externalDataChunks(cfg, onnxName, listed);
    const externalData = externalDataNames(onnxName, dataChunks).map((f) => `onnx/${f}`);
    const known = listed ? listed.map((f) => `onnx/${f}`) : sizes ? Object.keys(sizes) : null;
    // Checked here, not left to transformers.js: a missing data file makes its loader reject inside a
    // promise executor, which never settles the load (and ends a Node process as an unhandled rejection).
    const absentData = known ? externalData.find((f) => !known.includes(f)) : undefined;
    if (absentData) throw missingFileError(displayId, absentData, where, listed ? 'not in the folder' : 'not in the repository');
    // A Git LFS pointer (a repository cloned without git-lfs) is ~130 bytes of text where the weights belong.
    const weightBytes = sizes?.[onnxFileFor(dtype)];
    if (weightBytes !== undefined && weightBytes < LFS_POINTER_MAX_BYTES)
      throw new CorruptModelFileError(
        `${displayId === where ? where : `${displayId} at ${where}`}: ${onnxFileFor(dtype)} is only ${weightBytes} bytes, a Git LFS pointer rather than the weights? Run "git lfs pull" in the folder, or download the file itself.`,
      );

    // 4. session: first candidate that loads and runs
    const ModelClass = kind === 'causal-lm' ? tf.AutoModelForCausalLM : tf.AutoModelForMaskedLM;

    let forwardImpl: ForwardFn | null = null;
    let cachedImpl: CachedForwardFn | undefined;
    let disposeImpl: (() => Promise<void>) | null = null;
    let used: DeviceCandidate | null = null;
    let onePerPass = false;
    for (const [i, cand] of candidates.entries()) {
      abortCheck();
      const last = i === candidates.length - 1;
      if (cand.backend === 'webgpu' && (dtype === 'fp16' || dtype === 'q4f16') && !fp16OnWebGpu) {
        fallbackReason = `the WebGPU adapter lacks shader-f16, needed for ${dtype} weights`;
        if (last) throw new UnsupportedModelError(`${displayId}: ${fallbackReason}; choose fp32 or q8.`);
        continue;
      }
      let dispose: (() => Promise<void>) | null = null;
      onePerPass = false;
      try {
        let fwd: ForwardFn;
        let cached: CachedForwardFn | undefined;
        if (cand.device === 'direct') {
          if (!platform.createDirect) throw new UnsupportedModelError('this platform has no direct ORT session');
          const createDirect = platform.createDirect;
          const makeDirect = () => createDirect(prepared, onnxFileFor(dtype), cfg, cand.backend, externalData, progress_callback);
          const direct = await (cand.backend === 'webgpu' ? oneWebGpuCallAtATime(makeDirect) : makeDirect());
          if (!direct) {
            if (last) throw new UnsupportedModelError(`${displayId}: no device could run the model.`);
            continue;
          }
          dispose = () => direct.dispose();
          fwd = direct.forward;
          cached = direct.cachedForward;
        } else {
          // External data the listing shows but config.json does not declare is passed on explicitly.
          const dataOption = dataChunks ? { use_external_data_format: { [onnxName]: dataChunks } } : {};
          const load = () => ModelClass.from_pretrained(ref, { ...common, config, dtype, progress_callback, device: cand.device, ...dataOption } as never);
          const m = await (cand.backend === 'webgpu' ? oneWebGpuCallAtATime(load) : load());
          dispose = async () => void (await m.dispose());
          fwd = (input, want) => runForward(tf, m, input.ids, input.mask, want);
          // CPU / WASM: run transformers.js's own session directly (less per-call wrapping, and the KV
          // cache). Not on WebGPU, where transformers.js may keep present.* on the GPU.
          const direct = cand.backend !== 'webgpu' ? directOnTransformersSession(tf, m, cfg, onnxFileFor(dtype)) : null;
          if (direct) {
            fwd = direct.forward;
            cached = direct.cachedForward;
          }
        }
        if (cand.backend === 'webgpu') {
          fwd = webGpuExclusive(fwd);
          cached = cached && webGpuExclusive(cached);
          const disposeOnDevice = dispose;
          dispose = () => oneWebGpuCallAtATime(disposeOnDevice);
        }
        // Warm-up: ORT-web reports unsupported WebGPU kernels / GPU OOM only when a session runs.
        const warm = await fwd({ ids: [[tokenizer.padId, tokenizer.padId]], mask: [[1, 1]] }, { logits: true, hidden: false });
        // A graph whose numbers for a row depend on the other rows (dynamic quantisation) runs one
        // sequence per pass, without KV-cache sharing (batchInvariance.ts). A graph without logits
        // (feature extraction) is probed on its hidden states, with config.json's vocabulary size.
        const probeVocab = warm.vocab || Number(cfg.vocab_size ?? 0);
        if (Number.isInteger(probeVocab) && probeVocab > 0 && (await batchDependence(fwd, probeVocab)) > BATCH_INVARIANCE_TOLERANCE) {
          fwd = onePassPerSequence(fwd);
          cached = undefined;
          onePerPass = true;
        }
        forwardImpl = fwd;
        cachedImpl = cached;
        disposeImpl = dispose;
        used = cand;
        break;
      } catch (e) {
        await dispose?.().catch(() => undefined);
        const mapped = mapLoadError(e, displayId, onnxFileFor(dtype), where);
        const isFileProblem = mapped.name === 'ModelNotFoundError' || mapped.name === 'CorruptModelFileError';
        if (cand.backend === 'webgpu' && !last && !isFileProblem) {
          // Any WebGPU failure that is not about the files falls back; the reason names the likely cause.
          const cause = isOutOfMemory(e)
            ? 'ran out of GPU memory'
            : looksLikeWebGpuProblem(e)
              ? 'an operator or data type is not supported on WebGPU'
              : 'failed';
          fallbackReason = `WebGPU ${cause} for ${displayId} (${short(e)}); fell back to WASM`;
          continue;
        }
        // A session of the platform's own that fails, not on the files, leaves the model to the next
        // candidate on the same engine (transformers.js's session), as before it was tried.
        if (cand.device === 'direct' && !last && !isFileProblem && candidates[i + 1]?.backend === cand.backend) continue;
        throw mapped;
      }
    }
    if (!forwardImpl || !disposeImpl || !used) throw new UnsupportedModelError(`${displayId}: no device could run the model.`);

    // 5. identity of what ran: the commit, and the sha256 of every file read (the weights first)
    const onnxFile = onnxFileFor(dtype);
    const dataFiles = new Set([
      ...(sizes ? (weightFilesOf(onnxFile, sizes)?.externalData.map((f) => f.file) ?? []) : []),
      ...[...loadedFiles].filter((f) => f.startsWith(`${onnxFile}_data`)).sort(),
    ]);
    const weightNames = [onnxFile, ...dataFiles];
    // Each digest is a read (a fetch, the cache, a picked file) and a hash, independent of the
    // others, so they run side by side; the map keeps the order above (the weights first).
    const hashedNames = [...new Set([...weightNames, ...[...loadedFiles].sort()])];
    const digests = await Promise.all(hashedNames.map((file) => prepared.sha256(file).catch(() => null)));
    const hashes = new Map<string, string>();
    hashedNames.forEach((file, i) => {
      const h = digests[i];
      if (h) hashes.set(file, h);
    });
    // A weight file that is not the one the Hub lists (a redirect to another host, a changed or
    // damaged copy) is refused, and not kept for the next load.
    const wrong = weightNames.find((f) => prepared.expectedSha256?.[f] && hashes.has(f) && hashes.get(f) !== prepared.expectedSha256[f]);
    if (wrong) {
      await disposeImpl().catch(() => undefined);
      await prepared.forget?.(wrong).catch(() => undefined);
      throw new CorruptModelFileError(
        `${displayId} at ${where}: ${wrong} has sha256 ${hashes.get(wrong)!.slice(0, 12)}…, but the Hub lists ${prepared.expectedSha256![wrong]!.slice(0, 12)}… for it: the file came from somewhere else or was changed on the way. It was not used; retry, and check the host if it happens again.`,
      );
    }
    const vocab = Number(cfg.vocab_size ?? 0) || tk.get_vocab().size || Object.keys(tk.get_vocab()).length;
    const maxLength = [cfg.n_positions, cfg.max_position_embeddings, cfg.n_ctx].find((v): v is number => typeof v === 'number' && v > 0);
    const bosId = tokenizer.bosId ?? tokenizer.eosId;
    const info: LmInfo = {
      id: displayId,
      source: source.type,
      kind,
      modelType: String(cfg.model_type),
      backend: used.backend,
      ...(fallbackReason ? { fallbackReason } : {}),
      dtype,
      availableDtypes: available ?? [dtype],
      sha256: Object.fromEntries(weightNames.filter((f) => hashes.has(f)).map((f) => [f, hashes.get(f)!])),
      fileSha256: Object.fromEntries(hashes),
      ...(prepared.commit ? { revision: prepared.commit } : {}),
      ...(onePerPass ? { passes: 'one-sequence-per-pass' as const } : {}),
      vocabularySize: vocab,
      ...(maxLength ? { maxLength } : {}),
      ...(bosId !== null ? { bosToken: tokenizer.tokenText(bosId) } : {}),
      chatTemplate: tokenizer.chatIds !== undefined,
    };
    emit({ status: 'ready', name: displayId, backend: used.backend, dtype, ...(fallbackReason ? { fallbackReason } : {}) });

    const run = forwardImpl;
    const forward: ForwardFn = async (input, want) => {
      try {
        return await run(input, want);
      } catch (e) {
        throw e instanceof WorkbenchError ? e : mapRunError(e, displayId, info.backend);
      }
    };
    const cachedRun = cachedImpl;
    const cachedForward: CachedForwardFn | undefined = cachedRun
      ? async (input) => {
          try {
            return await cachedRun(input);
          } catch (e) {
            throw e instanceof WorkbenchError ? e : mapRunError(e, displayId, info.backend);
          }
        }
      : undefined;
    return createLanguageModel({ info, tokenizer, forward, ...(cachedForward ? { cachedForward } : {}), dispose: disposeImpl });
  });
}

type AnyTensor = Transformers.Tensor;

// transformers.js chains every session run in the browser (ORT-web's WASM backend runs one at a
// time); runs that bypass its model classes keep that guarantee with their own chain.
let runChain: Promise<unknown> = Promise.resolve();
export const serialRun = <T>(fn: () => Promise<T>): Promise<T> => {
  const next = runChain.then(fn);
  runChain = next.catch(() => undefined);
  return next;
};

/**
 * The direct forward / KV-cache passes (directSession.ts) on transformers.js's own ORT session of a
 * single-graph export (`sessions.model`). Null only when the model is laid out otherwise (several
 * sessions, e.g. merged decoders), where transformers.js's own forward is what runs; a single graph
 * with an input this runtime cannot feed, or a config.json that contradicts it, is an error here
 * (transformers.js would fail on the same input, or feed a wrongly sized cache).
 */
function directOnTransformersSession(tf: TransformersModule, model: Transformers.PreTrainedModel, config: Record<string, unknown>, file: string) {
  type Session = { inputNames: string[]; outputNames: string[]; inputMetadata?: InputMetadata[]; run(f: unknown): Promise<unknown> };
  const sessions = (model as unknown as { sessions?: Record<string, Session> }).sessions;
  const session = sessions?.model;
  if (!session || Object.keys(sessions).length !== 1 || !Array.isArray(session.inputNames) || !Array.isArray(session.outputNames)) return null;
  return directModel(
    (type, data, dims) => {
      const t = (new tf.Tensor(type, data as never, dims) as unknown as { ort_tensor: { cpuData?: unknown } }).ort_tensor;
      // Where the engine has Float16Array, ORT wraps float16 data in one, which onnxruntime-node does
      // not take; transformers.js's own sessionRun turns it back into the half bits the same way.
      const F16 = (globalThis as { Float16Array?: new (...a: never[]) => ArrayBufferView }).Float16Array;
      if (F16 && isNodeRuntime() && t.cpuData instanceof F16) t.cpuData = new Uint16Array(t.cpuData.buffer, t.cpuData.byteOffset, t.cpuData.byteLength / 2);
      return t as never;
    },
    { session, run: (feeds) => serialRun(() => session.run(feeds)) as never },
    config,
    file,
  );
}

async function runForward(
  tf: TransformersModule,
  model: Transformers.PreTrainedModel,
  ids: number[][],
  mask: number[][],
  want: { logits: boolean; hidden: boolean },
) {
  const B = ids.length;
  const S = ids[0]!.length;
  const toTensor = (rows: number[][]) => new tf.Tensor('int64', BigInt64Array.from(rows.flat(), (v) => BigInt(v)), [B, S]);
  const out = (await model.forward({ input_ids: toTensor(ids), attention_mask: toTensor(mask) })) as Record<string, AnyTensor>;
  const asF32 = (t: AnyTensor) => {
    const f = t.type === 'float32' ? t : t.to('float32');
    // Copy: the tensor's memory may belong to ORT and is released by dispose() below.
    return f.data instanceof Float32Array ? f.data.slice() : Float32Array.from(f.data as ArrayLike<number>);
  };
  const logitsT = out.logits;
  const hiddenT = out.last_hidden_state;
  const res = {
    logits: want.logits && logitsT ? asF32(logitsT) : undefined,
    vocab: logitsT ? logitsT.dims[2]! : 0,
    hidden: want.hidden && hiddenT ? asF32(hiddenT) : undefined,
    hiddenSize: hiddenT ? hiddenT.dims[2] : undefined,
  };
  for (const t of Object.values(out)) (t as { dispose?: () => void })?.dispose?.();
  return res;
}
