// A forward pass that runs an exported LM graph directly on an ONNX Runtime session, without
// transformers.js's model classes. Used in Node for `device: 'wasm'`: transformers.js's Node build
// only runs on onnxruntime-node (its device table has no 'wasm' there), but the bench and the
// parity tests want the browser's engine, onnxruntime-web WASM (the runtime engineer's getOrt()).
// The tokenizer still comes from transformers.js, so only the session differs. load.ts also runs
// transformers.js's own CPU/WASM session of a model through here (`sessions.model`), which skips
// its per-call wrapping and gives the KV-cache path below.
//
// Feeds follow the transformers.js/Optimum export conventions: input_ids, attention_mask,
// position_ids (cumulative sum of the mask − 1, as transformers.js computes them),
// token_type_ids (zeros), past_key_values.{i}.key/value (empty: past length 0), use_cache_branch.
//
// KV cache (`cachedForward`): past_key_values.* are fed from an earlier run's present.* outputs,
// the attention mask is [past mask | current mask] and position_ids continue from each row's real
// past length. Rows may have different past lengths: the past is right-padded and its padding
// masked out (masked keys get the float32 minimum before softmax in these exports, so they carry
// exactly zero weight), which is what lets one batch mix prompts of different lengths.
//
// An export with a `logits_logsumexp` output (float32 [batch, seq], scripts/lm/onnx_utils.py; float64 accepted) hands
// it back as `logSumExp`, so scoring needs no reduction over the vocabulary in JavaScript.
import type * as OrtNs from 'onnxruntime-web';
import { UnsupportedModelError } from '../../core/errors';
import type { CachedForwardFn, ForwardFn, PastKv } from './languageModel';

interface RunnableSession {
  readonly session: { readonly inputNames: readonly string[]; readonly outputNames: readonly string[] };
  run(feeds: OrtNs.InferenceSession.FeedsType): Promise<OrtNs.InferenceSession.ReturnType>;
}

/** Builds an ORT tensor of the ORT build the session belongs to. */
export type TensorFactory = (type: 'int64' | 'float32' | 'bool', data: BigInt64Array | Float32Array | Uint8Array, dims: number[]) => OrtNs.Tensor;

/** Optional output of an export: log Σ exp(logits) per position (see the header). */
export const LOGSUMEXP = 'logits_logsumexp';

export const ortTensorFactory =
  (ort: typeof OrtNs): TensorFactory =>
  (type, data, dims) =>
    new ort.Tensor(type, data as never, dims);

export interface DirectModel {
  forward: ForwardFn;
  /** Present when the graph takes past_key_values and returns present.* for each of them. */
  cachedForward?: CachedForwardFn;
}

/** The direct forward pass (and KV-cache pass when the export has one) of a session. */
export function directModel(tensor: TensorFactory, s: RunnableSession, config: Record<string, unknown>): DirectModel {
  const inputNames = s.session.inputNames;
  const outputNames = s.session.outputNames;
  const num = (...keys: string[]) => keys.map((k) => config[k]).find((v): v is number => typeof v === 'number' && v > 0);
  const heads = num('num_key_value_heads', 'n_head', 'num_attention_heads');
  const hidden = num('n_embd', 'hidden_size', 'd_model');
  const headDim = num('head_dim') ?? (heads && hidden ? hidden / heads : undefined);
  const pastNames = inputNames.filter((n) => n.startsWith('past_key_values.'));
  if (pastNames.length && !(heads && headDim))
    throw new UnsupportedModelError('cannot size the empty past_key_values: config has no head count / hidden size');
  for (const name of inputNames)
    if (!['input_ids', 'attention_mask', 'position_ids', 'token_type_ids', 'use_cache_branch'].includes(name) && !name.startsWith('past_key_values.'))
      throw new UnsupportedModelError(`the ONNX graph needs an input "${name}" this runtime does not know how to feed`);
  const presentNames = pastNames.map((n) => n.replace(/^past_key_values\./, 'present.'));
  const hasCache = pastNames.length > 0 && presentNames.every((n) => outputNames.includes(n)) && inputNames.includes('attention_mask');

  const i64 = (rows: readonly (readonly number[])[], width: number) => {
    const data = new BigInt64Array(rows.length * width);
    rows.forEach((r, b) => {
      for (let j = 0; j < width; j++) data[b * width + j] = BigInt(r[j] ?? 0);
    });
    return tensor('int64', data, [rows.length, width]);
  };
  const f32 = (t: OrtNs.Tensor | undefined, what: string): Float32Array => {
    if (!t) throw new UnsupportedModelError(`the model returned no ${what}`);
    if (t.type !== 'float32') throw new UnsupportedModelError(`output is ${t.type}; the direct path supports float32 outputs (fp32 / q8 weights)`);
    // No copy: CPU-located output data is a JS typed array that dispose() below does not free.
    return t.data as Float32Array;
  };
  /** The graph's per-position log-normaliser, when the export has one ([batch, seq], float32 or float64). */
  const lse = (out: OrtNs.InferenceSession.ReturnType, B: number, S: number): Float32Array | Float64Array | undefined => {
    const t = out[LOGSUMEXP];
    if (!t || (t.type !== 'float32' && t.type !== 'float64') || t.dims.length !== 2 || Number(t.dims[0]) !== B || Number(t.dims[1]) !== S) return undefined;
    return t.data as Float32Array | Float64Array;
  };

  /** One run. past: [B, H, P, D] per past input (null: P = 0); pastMask [B][P]. */
  const run = async (ids: readonly (readonly number[])[], mask: readonly (readonly number[])[], past: PastKv | null, pastMask: readonly (readonly number[])[] | null) => {
    const B = ids.length;
    const S = ids[0]!.length;
    const P = past?.length ?? 0;
    const feeds: Record<string, OrtNs.Tensor> = {};
    for (const name of inputNames) {
      if (name === 'input_ids') feeds[name] = i64(ids, S);
      else if (name === 'attention_mask') feeds[name] = i64(P ? mask.map((m, b) => [...pastMask![b]!, ...m]) : mask, P + S);
      else if (name === 'position_ids')
        feeds[name] = i64(
          mask.map((m, b) => {
            let c = (P ? pastMask![b]!.reduce((a, v) => a + (v ? 1 : 0), 0) : 0) - 1;
            return m.map((v) => (v ? ++c : Math.max(c, 0)));
          }),
          S,
        );
      else if (name === 'token_type_ids') feeds[name] = i64(ids.map(() => []), S);
      else if (name.startsWith('past_key_values.')) {
        const k = pastNames.indexOf(name);
        feeds[name] = tensor('float32', past ? past.tensors[k]! : new Float32Array(0), [B, heads!, P, headDim!]);
      } else if (name === 'use_cache_branch') feeds[name] = tensor('bool', new Uint8Array([P ? 1 : 0]), [1]);
    }
    const out = await s.run(feeds);
    return { out, P, B, S };
  };

  const forward: ForwardFn = async ({ ids, mask }, want) => {
    const { out, B, S } = await run(ids, mask, null, null);
    const logits = out.logits;
    const last = out.last_hidden_state;
    const logSumExp = want.logits && logits ? lse(out, B, S) : undefined;
    const res = {
      logits: want.logits && logits ? f32(logits, 'logits') : undefined,
      vocab: logits ? Number(logits.dims[2]) : 0,
      hidden: want.hidden && last ? f32(last, 'last_hidden_state') : undefined,
      hiddenSize: last ? Number(last.dims[2]) : undefined,
      ...(logSumExp ? { logSumExp } : {}),
    };
    for (const t of Object.values(out)) t.dispose?.();
    return res;
  };

  const cachedForward: CachedForwardFn = async ({ ids, mask, past, pastMask }) => {
    const { out, B, S, P } = await run(ids, mask, past, pastMask);
    const logits = f32(out.logits, 'logits');
    const present: PastKv = {
      batch: B,
      length: P + S,
      heads: heads!,
      headDim: headDim!,
      tensors: presentNames.map((n) => f32(out[n], n)),
    };
    const vocab = Number(out.logits!.dims[2]);
    const logSumExp = lse(out, B, S);
    for (const t of Object.values(out)) t.dispose?.();
    return { logits, vocab, present, ...(logSumExp ? { logSumExp } : {}) };
  };

  return hasCache ? { forward, cachedForward } : { forward };
}

/** The plain forward pass on an onnxruntime-web session (kept for existing callers). */
export function directForward(ort: typeof OrtNs, s: RunnableSession, config: Record<string, unknown>): ForwardFn {
  return directModel(ortTensorFactory(ort), s, config).forward;
}
