// A forward pass that runs an exported LM graph directly on an ONNX Runtime session, without
// transformers.js's model classes. Used in Node for `device: 'wasm'`: transformers.js's Node build
// only runs on onnxruntime-node (its device table has no 'wasm' there), but the bench and the
// parity tests want the browser's engine, onnxruntime-web WASM (the runtime engineer's getOrt()).
// The tokenizer still comes from transformers.js, so only the session differs.
//
// Feeds follow the transformers.js/Optimum export conventions: input_ids, attention_mask,
// position_ids (cumulative sum of the mask − 1, as transformers.js computes them),
// token_type_ids (zeros), past_key_values.{i}.key/value (empty: past length 0), use_cache_branch.
import type * as OrtNs from 'onnxruntime-web';
import { UnsupportedModelError } from '../../core/errors';
import type { ForwardFn } from './languageModel';

interface RunnableSession {
  readonly session: OrtNs.InferenceSession;
  run(feeds: OrtNs.InferenceSession.FeedsType): Promise<OrtNs.InferenceSession.ReturnType>;
}

export function directForward(ort: typeof OrtNs, s: RunnableSession, config: Record<string, unknown>): ForwardFn {
  const inputNames = s.session.inputNames;
  const num = (...keys: string[]) => keys.map((k) => config[k]).find((v): v is number => typeof v === 'number' && v > 0);
  const heads = num('num_key_value_heads', 'n_head', 'num_attention_heads');
  const hidden = num('n_embd', 'hidden_size', 'd_model');
  const headDim = num('head_dim') ?? (heads && hidden ? hidden / heads : undefined);
  const pastNames = inputNames.filter((n) => n.startsWith('past_key_values.'));
  if (pastNames.length && !(heads && headDim))
    throw new UnsupportedModelError('cannot size the empty past_key_values: config has no head count / hidden size');

  return async ({ ids, mask }, want) => {
    const B = ids.length;
    const S = ids[0]!.length;
    const i64 = (rows: number[][]) => new ort.Tensor('int64', BigInt64Array.from(rows.flat(), (v) => BigInt(v)), [B, S]);
    const feeds: Record<string, OrtNs.Tensor> = {};
    for (const name of inputNames) {
      if (name === 'input_ids') feeds[name] = i64(ids);
      else if (name === 'attention_mask') feeds[name] = i64(mask);
      else if (name === 'position_ids')
        feeds[name] = i64(
          mask.map((m) => {
            let c = -1;
            return m.map((v) => (v ? ++c : Math.max(c, 0)));
          }),
        );
      else if (name === 'token_type_ids') feeds[name] = i64(ids.map((r) => r.map(() => 0)));
      else if (name.startsWith('past_key_values.')) feeds[name] = new ort.Tensor('float32', new Float32Array(0), [B, heads!, 0, headDim!]);
      else if (name === 'use_cache_branch') feeds[name] = new ort.Tensor('bool', new Uint8Array([0]), [1]);
      else throw new UnsupportedModelError(`the ONNX graph needs an input "${name}" this runtime does not know how to feed`);
    }
    const out = await s.run(feeds);
    const logits = out.logits;
    const last = out.last_hidden_state;
    const f32 = (t: OrtNs.Tensor) => {
      if (t.type !== 'float32') throw new UnsupportedModelError(`output is ${t.type}; the direct WASM path supports float32 outputs (fp32 / q8 weights)`);
      return (t.data as Float32Array).slice();
    };
    const res = {
      logits: want.logits && logits ? f32(logits) : undefined,
      vocab: logits ? Number(logits.dims[2]) : 0,
      hidden: want.hidden && last ? f32(last) : undefined,
      hiddenSize: last ? Number(last.dims[2]) : undefined,
    };
    for (const t of Object.values(out)) t.dispose?.();
    return res;
  };
}
