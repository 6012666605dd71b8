// A forward pass that runs an exported LM graph directly on an ONNX Runtime session, without
// transformers.js's model classes. Used in Node for `device: 'wasm'`: transformers.js's Node build
// only runs on onnxruntime-node (its device table has no 'wasm' there), but the bench and the
// parity tests want the browser's engine, onnxruntime-web WASM (the runtime engineer's getOrt()).
// The tokenizer still comes from transformers.js, so only the session differs. load.ts also runs
// transformers.js's own CPU/WASM session of a model through here (`sessions.model`), which skips
// its per-call wrapping and gives the KV-cache path below.
//
// Feeds follow the graph (graphInputs.ts: the session's input metadata, then config.json's rules):
// input_ids, attention_mask, position_ids (cumulative sum of the mask − 1, as transformers.js
// computes them), token_type_ids (zeros) in the graph's integer type; past_key_values.{i}.key/value
// [batch, kv heads, past, head size] in the graph's float type (float16 in fp16 / q4f16 exports);
// use_cache_branch. Outputs are read in whatever float type the graph returns: logits and
// last_hidden_state widened to float32 for scoring (float16.ts), present.* kept in their own type.
//
// KV cache (`cachedForward`): past_key_values.* are fed from an earlier run's present.* outputs,
// the attention mask is [past mask | current mask] and position_ids continue from each row's real
// past length. Rows may have different past lengths: the past is right-padded and its padding
// masked out (masked keys get the float minimum before softmax in these exports, so they carry
// exactly zero weight), which is what lets one batch mix prompts of different lengths.
//
// An export with a `logits_logsumexp` output (float32 [batch, seq], scripts/lm/onnx_utils.py; float64 accepted) hands
// it back as `logSumExp`, so scoring needs no reduction over the vocabulary in JavaScript.
//
// A graph rewritten to take `logits_positions` (logitsAtPositions.ts) is fed the positions a call asks
// for (`logitsAt`), or every position when it asks for none, and its logits come back one row per
// position asked for, with `logitsRow` saying which row holds which position.
import type * as OrtNs from 'onnxruntime-web';
import { UnsupportedModelError } from '../../core/errors';
import { floatValues, halfBitsOf } from './float16';
import { planGraphInputs, type InputMetadata } from './graphInputs';
import { LOGITS_POSITIONS } from './logitsAtPositions';
import type { CachedForwardFn, ForwardFn, KvArray, PastKv } from './languageModel';

interface RunnableSession {
  readonly session: {
    readonly inputNames: readonly string[];
    readonly outputNames: readonly string[];
    /** ORT ≥ 1.22 (node and web); absent: sizes come from config.json alone. */
    readonly inputMetadata?: readonly InputMetadata[];
  };
  run(feeds: OrtNs.InferenceSession.FeedsType): Promise<OrtNs.InferenceSession.ReturnType>;
}

type TensorData = BigInt64Array | Int32Array | Float32Array | Uint16Array | Uint8Array;
/** Builds an ORT tensor of the ORT build the session belongs to (float16 data: half bits in a Uint16Array). */
type TensorFactory = (type: 'int64' | 'int32' | 'float32' | 'float16' | 'bool', data: TensorData, dims: number[]) => OrtNs.Tensor;

/** Optional output of an export: log Σ exp(logits) per position (see the header). */
const LOGSUMEXP = 'logits_logsumexp';

export const ortTensorFactory =
  (ort: typeof OrtNs): TensorFactory =>
  (type, data, dims) =>
    new ort.Tensor(type, data as never, dims);

export interface DirectPasses {
  forward: ForwardFn;
  /** Present when the graph takes past_key_values and returns present.* for each of them. */
  cachedForward?: CachedForwardFn;
}

/**
 * The direct forward pass (and KV-cache pass when the export has one) of a session. `file` names the
 * graph in errors (e.g. 'onnx/model_fp16.onnx').
 * @throws UnsupportedModelError / ModelConfigMismatchError from graphInputs.ts when the graph cannot be fed
 */
export function directModel(tensor: TensorFactory, s: RunnableSession, config: Record<string, unknown>, file = 'onnx/model.onnx'): DirectPasses {
  const { inputNames, outputNames } = s.session;
  const plan = planGraphInputs(inputNames, s.session.inputMetadata, config, file);
  const { pastNames, kvHeads, headDim, kvType } = plan;
  const presentNames = pastNames.map((n) => n.replace(/^past_key_values\./, 'present.'));
  const hasCache = pastNames.length > 0 && presentNames.every((n) => outputNames.includes(n)) && inputNames.includes('attention_mask');
  const gathers = inputNames.includes(LOGITS_POSITIONS);

  const ints = (name: string, rows: readonly (readonly number[])[], width: number) => {
    if (plan.idTypes.get(name) === 'int32') {
      const data = new Int32Array(rows.length * width);
      rows.forEach((r, b) => {
        for (let j = 0; j < width; j++) data[b * width + j] = r[j] ?? 0;
      });
      return tensor('int32', data, [rows.length, width]);
    }
    const data = new BigInt64Array(rows.length * width);
    rows.forEach((r, b) => {
      for (let j = 0; j < width; j++) data[b * width + j] = BigInt(r[j] ?? 0);
    });
    return tensor('int64', data, [rows.length, width]);
  };
  const emptyKv = (): KvArray => (kvType === 'float16' ? new Uint16Array(0) : new Float32Array(0));
  /** A float output as float32 (no copy when it is float32: CPU-located output data is a JS typed array that dispose() below does not free). */
  const floats = (t: OrtNs.Tensor | undefined, name: string): Float32Array => {
    if (!t) throw new UnsupportedModelError(`${file} returned no "${name}" output.`);
    return floatValues(t, `output "${name}" of ${file}`);
  };
  /** A present.* output in its own element type (float16 as half bits). */
  const kvValues = (t: OrtNs.Tensor | undefined, name: string): KvArray => {
    if (!t) throw new UnsupportedModelError(`${file} returned no "${name}" output.`);
    if (t.type !== kvType)
      throw new UnsupportedModelError(`${file} returns "${name}" as ${t.type} but takes its past keys/values as ${kvType}; this runtime feeds present.* back unchanged.`);
    return kvType === 'float16' ? halfBitsOf(t, `output "${name}" of ${file}`) : (t.data as Float32Array);
  };
  /** The graph's per-position log-normaliser, when the export has one (one entry per logits row, float32 or float64). */
  const lse = (out: OrtNs.InferenceSession.ReturnType, rows: number): Float32Array | Float64Array | undefined => {
    const t = out[LOGSUMEXP];
    if (!t || (t.type !== 'float32' && t.type !== 'float64') || t.dims.length !== 2 || Number(t.dims[0]) * Number(t.dims[1]) !== rows) return undefined;
    return t.data as Float32Array | Float64Array;
  };
  /**
   * The positions fed to a rewritten graph: those asked for, or every one when none are named. A
   * single position is fed twice (when the batch has more than one): engines multiply a lone row by
   * a vector kernel of its own, whose sums round differently from the matrix kernel the exported
   * graph runs on every position (the embedded GPT's q8 head, on WASM).
   */
  const fedPositions = (logitsAt: readonly number[] | undefined, B: number, S: number): readonly number[] => {
    if (!logitsAt) return Array.from({ length: B * S }, (_, k) => k);
    // None asked for: one row still runs (an empty gather is not worth an engine's corner case).
    if (logitsAt.length === 0) return [0];
    return logitsAt.length === 1 && B * S > 1 ? [logitsAt[0]!, logitsAt[0]!] : logitsAt;
  };
  /** Which logits row holds each flat position, when only `logitsAt` were computed. */
  const rowsOf = (logitsAt: readonly number[], B: number, S: number): Int32Array => {
    const row = new Int32Array(B * S).fill(-1);
    logitsAt.forEach((p, k) => (row[p] = k));
    return row;
  };

  /** One run. past: [B, H, P, D] per past input (null: P = 0); pastMask [B][P]; logitsAt: see the header. */
  const run = async (
    ids: readonly (readonly number[])[],
    mask: readonly (readonly number[])[],
    past: PastKv | null,
    pastMask: readonly (readonly number[])[] | null,
    logitsAt: readonly number[] | undefined,
  ) => {
    const B = ids.length;
    const S = ids[0]!.length;
    const P = past?.length ?? 0;
    const fed = gathers ? fedPositions(logitsAt, B, S) : null;
    const feeds: Record<string, OrtNs.Tensor> = {};
    for (const name of inputNames) {
      if (name === LOGITS_POSITIONS) feeds[name] = tensor('int64', BigInt64Array.from(fed!, (k) => BigInt(k)), [1, fed!.length]);
      else if (name === 'input_ids') feeds[name] = ints(name, ids, S);
      else if (name === 'attention_mask') feeds[name] = ints(name, P ? mask.map((m, b) => [...pastMask![b]!, ...m]) : mask, P + S);
      else if (name === 'position_ids')
        feeds[name] = ints(
          name,
          mask.map((m, b) => {
            let c = (P ? pastMask![b]!.reduce((a, v) => a + (v ? 1 : 0), 0) : 0) - 1;
            return m.map((v) => (v ? ++c : Math.max(c, 0)));
          }),
          S,
        );
      else if (name === 'token_type_ids') feeds[name] = ints(name, ids.map(() => []), S);
      else if (name === 'use_cache_branch') feeds[name] = tensor('bool', new Uint8Array([P ? 1 : 0]), [1]);
      else {
        if (past && past.type !== kvType) throw new UnsupportedModelError(`${file} takes keys/values as ${kvType}, but a ${past.type} cache was given.`);
        feeds[name] = tensor(kvType, past ? past.tensors[pastNames.indexOf(name)]! : emptyKv(), [B, kvHeads, P, headDim]);
      }
    }
    const out = await s.run(feeds);
    // Rows of the logits (and log-normaliser), and where each position's row is when not all were computed.
    return { out, P, B, S, rows: fed ? fed.length : B * S, logitsRow: fed && logitsAt ? rowsOf(logitsAt, B, S) : undefined };
  };

  const forward: ForwardFn = async ({ ids, mask, logitsAt }, want) => {
    const { out, rows, logitsRow } = await run(ids, mask, null, null, logitsAt);
    const logits = out.logits;
    const last = out.last_hidden_state;
    const logSumExp = want.logits && logits ? lse(out, rows) : undefined;
    const res = {
      logits: want.logits && logits ? floats(logits, 'logits') : undefined,
      ...(want.logits && logitsRow ? { logitsRow } : {}),
      vocab: logits ? Number(logits.dims[2]) : 0,
      hidden: want.hidden && last ? floats(last, 'last_hidden_state') : undefined,
      hiddenSize: last ? Number(last.dims[2]) : undefined,
      ...(logSumExp ? { logSumExp } : {}),
    };
    for (const t of Object.values(out)) t.dispose?.();
    return res;
  };

  const cachedForward: CachedForwardFn = async ({ ids, mask, past, pastMask, logitsAt }) => {
    const { out, B, S, P, rows, logitsRow } = await run(ids, mask, past, pastMask, logitsAt);
    const logits = floats(out.logits, 'logits');
    const present: PastKv = {
      batch: B,
      length: P + S,
      heads: kvHeads,
      headDim,
      type: kvType,
      tensors: presentNames.map((n) => kvValues(out[n], n)),
    };
    const vocab = Number(out.logits!.dims[2]);
    const logSumExp = lse(out, rows);
    for (const t of Object.values(out)) t.dispose?.();
    return { logits, vocab, present, ...(logitsRow ? { logitsRow } : {}), ...(logSumExp ? { logSumExp } : {}) };
  };

  return hasCache ? { forward, cachedForward } : { forward };
}
