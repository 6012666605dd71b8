// The independent reference for the LM runtime's numbers: the model's ONNX file run directly on a
// plain ONNX Runtime session — onnxruntime-node ('node') or onnxruntime-web's WASM build ('wasm'; the
// two engines' quantized and float16 kernels differ by up to a few 1e-3, so each device is held to
// its own engine) — one sequence per pass, no batching, no KV cache, float64 log-softmax over the
// whole logits row. It shares no code with src/runtime: feeds are built here from the session's own
// input metadata (static dims) and the config's rules for symbolic ones, external data is handed over
// as the file beside the graph, and float16 is decoded here, so a sizing or typing bug in the runtime
// cannot hide in the reference.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as ortNode from 'onnxruntime-node';
import type * as OrtWeb from 'onnxruntime-web';
import { halfBitsToNumber } from './halfBits';

type Config = Record<string, unknown>;

const num = (c: Config, ...keys: string[]) => keys.map((k) => c[k]).find((v): v is number => typeof v === 'number' && v > 0);

/** [heads, headDim] of the empty past, from the graph where static, else from config.json. */
function pastDims(meta: OrtWeb.InferenceSession.ValueMetadata | undefined, config: Config): [number, number] {
  const shape = meta && meta.isTensor ? meta.shape : [];
  const heads = typeof shape[1] === 'number' ? shape[1] : num(config, 'num_key_value_heads', 'num_attention_heads', 'n_head');
  const attnHeads = num(config, 'num_attention_heads', 'n_head');
  const hidden = num(config, 'hidden_size', 'n_embd');
  const headDim = typeof shape[3] === 'number' ? shape[3] : (num(config, 'head_dim') ?? (hidden && attnHeads ? hidden / attnHeads : undefined));
  if (!heads || !headDim) throw new Error('reference: cannot size the empty past');
  return [heads, headDim];
}

export interface ReferenceModel {
  /** log p(ids[i] | ids[<i]) for i ≥ 1 (float64 log-softmax of the previous position's logits). */
  logProbs(ids: readonly number[]): Promise<number[]>;
  /** Raw logits of the last position, as numbers. */
  lastLogits(ids: readonly number[]): Promise<number[]>;
  /**
   * Masked LM: log p(ids[i] | ids with position i masked) for every position that is not a special
   * token of tokenizer.json, in order (the mask token from tokenizer_config.json).
   */
  pseudoLogLikelihood(ids: readonly number[]): Promise<number[]>;
  release(): Promise<void>;
}

type Engine = typeof ortNode | typeof OrtWeb;
type Session = ortNode.InferenceSession | OrtWeb.InferenceSession;

async function createSession(device: 'node' | 'wasm', file: string): Promise<{ ort: Engine; session: Session }> {
  if (device === 'node') return { ort: ortNode, session: await ortNode.InferenceSession.create(file) };
  const ort = (await import('onnxruntime-web')) as typeof OrtWeb;
  const data = `${file}_data`;
  const session = await ort.InferenceSession.create(new Uint8Array(readFileSync(file)), {
    executionProviders: ['wasm'],
    ...(existsSync(data) ? { externalData: [{ path: path.basename(data), data: new Uint8Array(readFileSync(data)) }] } : {}),
  });
  return { ort, session };
}

/** Open `onnxFile` of the model folder `folder` (config.json read from the folder) on `device`'s engine. */
export async function openReference(folder: string, onnxFile = 'onnx/model.onnx', device: 'node' | 'wasm' = 'node'): Promise<ReferenceModel> {
  const config = JSON.parse(readFileSync(path.join(folder, 'config.json'), 'utf8')) as Config;
  const { ort, session } = await createSession(device, path.join(folder, onnxFile));
  const tokenizer = JSON.parse(readFileSync(path.join(folder, 'tokenizer.json'), 'utf8')) as { added_tokens?: { id: number; content: string; special: boolean }[] };
  const tokenizerConfig = JSON.parse(readFileSync(path.join(folder, 'tokenizer_config.json'), 'utf8')) as { mask_token?: string | { content: string } };
  const specialIds = new Set((tokenizer.added_tokens ?? []).filter((t) => t.special).map((t) => t.id));
  const maskText = typeof tokenizerConfig.mask_token === 'string' ? tokenizerConfig.mask_token : tokenizerConfig.mask_token?.content;
  const maskId = (tokenizer.added_tokens ?? []).find((t) => t.content === maskText)?.id;
  const metaOf = (name: string) => session.inputMetadata.find((m) => m.name === name);

  const run = async (ids: readonly number[]) => {
    const S = ids.length;
    const i64 = (xs: number[]) => new ort.Tensor('int64', BigInt64Array.from(xs.map(BigInt)), [1, S]) as OrtWeb.Tensor;
    const feeds: Record<string, OrtWeb.Tensor> = {};
    for (const name of session.inputNames) {
      if (name === 'input_ids') feeds[name] = i64([...ids]);
      else if (name === 'attention_mask') feeds[name] = i64(ids.map(() => 1));
      else if (name === 'position_ids') feeds[name] = i64(ids.map((_, i) => i));
      else if (name === 'token_type_ids') feeds[name] = i64(ids.map(() => 0));
      else if (name === 'use_cache_branch') feeds[name] = new ort.Tensor('bool', new Uint8Array([0]), [1]) as OrtWeb.Tensor;
      else if (name.startsWith('past_key_values.')) {
        const meta = metaOf(name);
        const [heads, headDim] = pastDims(meta, config);
        const half = meta?.isTensor && meta.type === 'float16';
        feeds[name] = (half ? new ort.Tensor('float16', new Uint16Array(0), [1, heads, 0, headDim]) : new ort.Tensor('float32', new Float32Array(0), [1, heads, 0, headDim])) as OrtWeb.Tensor;
      } else throw new Error(`reference: unknown input ${name}`);
    }
    const out = await (session as OrtWeb.InferenceSession).run(feeds, ['logits']);
    const t = out.logits!;
    const V = Number(t.dims[2]);
    const data = t.type === 'float16' ? Array.from(t.data as Uint16Array, halfBitsToNumber) : Array.from(t.data as Float32Array);
    return { data, V, S };
  };

  const logSoftmaxAt = (row: number[], id: number) => {
    const max = Math.max(...row);
    return row[id]! - (max + Math.log(row.reduce((s, x) => s + Math.exp(x - max), 0)));
  };

  return {
    async logProbs(ids) {
      const { data, V } = await run(ids);
      const out: number[] = [];
      for (let i = 1; i < ids.length; i++) out.push(logSoftmaxAt(data.slice((i - 1) * V, i * V), ids[i]!));
      return out;
    },
    async pseudoLogLikelihood(ids) {
      if (maskId === undefined) throw new Error('reference: tokenizer_config.json names no mask token found in tokenizer.json');
      const out: number[] = [];
      for (let i = 0; i < ids.length; i++) {
        if (specialIds.has(ids[i]!)) continue;
        const masked = ids.map((t, j) => (j === i ? maskId : t));
        const { data, V } = await run(masked);
        out.push(logSoftmaxAt(data.slice(i * V, (i + 1) * V), ids[i]!));
      }
      return out;
    },
    async lastLogits(ids) {
      const { data, V, S } = await run(ids);
      return data.slice((S - 1) * V, S * V);
    },
    release: () => session.release(),
  };
}
