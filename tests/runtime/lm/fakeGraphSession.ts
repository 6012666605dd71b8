// A fake ONNX Runtime session of an exported causal LM graph, for testing how directSession.ts sizes
// and types its feeds without a real model. Like ORT, it refuses feeds whose names, element types or
// static dims differ from its input metadata, and it checks every tensor's data length against its
// dims. Its "network" is the toy causal model of toyModel.ts made to go through a KV cache:
// present.*.key holds each position's token id and present.*.value its position id, so logits at a
// position are a function of the attended (token, position) pairs — the cached pass gives exactly
// the full pass's numbers when the runtime feeds keys/values, masks and position ids correctly.
// Float16 graphs return logits and present.* as half bits (Uint16Array), as ORT does in Node.
import type { InputMetadata } from '../../../src/runtime/lm/graphInputs';
import { halfBitsToFloat32 } from '../../../src/runtime/lm/float16';
import { float32ToHalfBits } from './halfBits';
import { V } from './toyModel';

export interface FakeTensor {
  type: string;
  data: ArrayLike<number | bigint> & { length: number };
  dims: readonly number[];
}

export interface FakeGraph {
  layers: number;
  /** Key/value heads and head size as the graph computes them. */
  kvHeads: number;
  headDim: number;
  /** What the metadata shows for those two dims: the number, or a symbolic name. */
  staticKvDims: boolean;
  kvType: 'float32' | 'float16';
  logitsType: 'float32' | 'float16';
  idType?: 'int64' | 'int32';
  /** Extra inputs the graph declares (names). */
  extraInputs?: string[];
  withPositionIds?: boolean;
  withMetadata?: boolean;
}

export const fakeTensor = (type: string, data: FakeTensor['data'], dims: number[]): FakeTensor => ({ type, data, dims });

const logitRow = (h: number, out: Float32Array, off: number) => {
  for (let v = 0; v < V; v++) out[off + v] = 3 * Math.sin(h * 0.37 + v * 1.3) + (v === 0 ? -1 : 0);
};

export function fakeGraphSession(g: FakeGraph) {
  const idType = g.idType ?? 'int64';
  const pastNames = Array.from({ length: g.layers }, (_, i) => [`past_key_values.${i}.key`, `past_key_values.${i}.value`]).flat();
  const inputNames = ['input_ids', 'attention_mask', ...(g.withPositionIds === false ? [] : ['position_ids']), ...pastNames, ...(g.extraInputs ?? [])];
  const outputNames = ['logits', ...pastNames.map((n) => n.replace('past_key_values.', 'present.'))];
  const kvShape = (): Array<number | string> =>
    g.staticKvDims ? ['batch_size', g.kvHeads, 'past_sequence_length', g.headDim] : ['batch_size', 'num_key_value_heads', 'past_sequence_length', 'head_dim'];
  const inputMetadata: InputMetadata[] = inputNames.map((name) =>
    name.startsWith('past_key_values.')
      ? { name, isTensor: true, type: g.kvType, shape: kvShape() }
      : g.extraInputs?.includes(name)
        ? { name, isTensor: true, type: 'int64', shape: [1] }
        : { name, isTensor: true, type: idType, shape: ['batch_size', name === 'attention_mask' ? 'total_sequence_length' : 'sequence_length'] },
  );
  const runs: Array<{ batch: number; past: number; seq: number }> = [];
  const num = (x: number | bigint) => Number(x);
  const kvRead = (t: FakeTensor) => (g.kvType === 'float16' ? halfBitsToFloat32(t.data as Uint16Array) : (t.data as Float32Array));
  const kvWrite = (values: Float32Array) => (g.kvType === 'float16' ? float32ToHalfBits(values) : values);

  const run = async (feeds: Record<string, FakeTensor>) => {
    for (const name of inputNames) if (!feeds[name]) throw new Error(`Missing input: ${name}`);
    for (const name of Object.keys(feeds)) if (!inputNames.includes(name)) throw new Error(`Invalid input name: ${name}`);
    for (const m of inputMetadata) {
      const t = feeds[m.name]!;
      if (t.type !== m.type) throw new Error(`Unexpected input data type. Actual: (${t.type}) , expected: (${m.type}) for ${m.name}`);
      m.shape!.forEach((d, i) => {
        if (typeof d === 'number' && t.dims[i] !== d) throw new Error(`Got invalid dimensions for input: ${m.name} for the following indices index: ${i} Got: ${t.dims[i]} Expected: ${d}`);
      });
      if (t.dims.length !== m.shape!.length) throw new Error(`${m.name}: rank ${t.dims.length}, expected ${m.shape!.length}`);
      if (t.data.length !== t.dims.reduce((a, b) => a * b, 1)) throw new Error(`${m.name}: data length ${t.data.length} does not match dims ${t.dims.join('×')}`);
      if (m.type === 'float16' && !(t.data instanceof Uint16Array)) throw new Error(`${m.name}: float16 data must be half bits`);
      if (m.type === 'int64' && !(t.data instanceof BigInt64Array)) throw new Error(`${m.name}: int64 data must be a BigInt64Array`);
      if (m.type === 'int32' && !(t.data instanceof Int32Array)) throw new Error(`${m.name}: int32 data must be an Int32Array`);
    }
    const ids = feeds.input_ids!;
    const [B, S] = ids.dims as [number, number];
    const key0 = feeds['past_key_values.0.key']!;
    // The real graphs' kernels need these dims: a wrongly sized empty cache fails here, as in ORT.
    for (const n of pastNames) {
      const d = feeds[n]!.dims;
      if (d[0] !== B || d[1] !== g.kvHeads || d[3] !== g.headDim || d[2] !== key0.dims[2])
        throw new Error(`Got invalid dimensions for input: ${n} [${d.join(',')}], the graph computes [${B},${g.kvHeads},P,${g.headDim}]`);
    }
    const P = key0.dims[2]!;
    const T = P + S;
    const mask = feeds.attention_mask!;
    if (mask.dims[1] !== T) throw new Error(`attention_mask width ${mask.dims[1]} ≠ past ${P} + sequence ${S}`);
    runs.push({ batch: B, past: P, seq: S });
    const pastTok = kvRead(key0);
    const pastPos = kvRead(feeds['past_key_values.0.value']!);
    const at = (t: Float32Array, b: number, j: number) => t[((b * g.kvHeads + 0) * P + j) * g.headDim]!;
    const tok = new Float32Array(B * T);
    const pos = new Float32Array(B * T);
    for (let b = 0; b < B; b++)
      for (let j = 0; j < T; j++) {
        tok[b * T + j] = j < P ? at(pastTok, b, j) : num(ids.data[b * S + j - P]!);
        // Without a position_ids input, a position is the count of attended tokens before it.
        pos[b * T + j] =
          j < P ? at(pastPos, b, j) : feeds.position_ids ? num(feeds.position_ids.data[b * S + j - P]!) : Array.from({ length: j }, (_, k) => num(mask.data[b * T + k]!)).reduce((a, c) => a + c, 0);
      }
    const logits = new Float32Array(B * S * V);
    for (let b = 0; b < B; b++)
      for (let s = 0; s < S; s++) {
        let h = 0;
        for (let j = 0; j <= P + s; j++) if (num(mask.data[b * T + j]!)) h += (tok[b * T + j]! + 1) * (pos[b * T + j]! + 1) * 0.731;
        logitRow(h, logits, (b * S + s) * V);
      }
    const present = (values: Float32Array) => {
      const out = new Float32Array(B * g.kvHeads * T * g.headDim);
      for (let b = 0; b < B; b++) for (let hh = 0; hh < g.kvHeads; hh++) for (let j = 0; j < T; j++) out.fill(values[b * T + j]!, ((b * g.kvHeads + hh) * T + j) * g.headDim, ((b * g.kvHeads + hh) * T + j + 1) * g.headDim);
      return fakeTensor(g.kvType, kvWrite(out), [B, g.kvHeads, T, g.headDim]);
    };
    const out: Record<string, FakeTensor> = {
      logits: fakeTensor(g.logitsType, g.logitsType === 'float16' ? float32ToHalfBits(logits) : logits, [B, S, V]),
    };
    for (let i = 0; i < g.layers; i++) {
      out[`present.${i}.key`] = present(tok);
      out[`present.${i}.value`] = present(pos);
    }
    return out;
  };
  return {
    runs,
    session: { inputNames, outputNames, ...(g.withMetadata === false ? {} : { inputMetadata }) },
    run: run as never,
  };
}
