// A hand-written protobuf encoder for the one small ONNX graph the GloVe asset needs.
//
// Why by hand: the graph is fixed (27 nodes, 13 initializers), and the ONNX wire format for it needs
// only varints, length-delimited fields and raw bytes. A 150-line encoder avoids a protobufjs
// schema/codegen dependency in the build. Field numbers follow onnx/onnx.proto (IR version 8):
//   ModelProto     ir_version=1 producer_name=2 producer_version=3 doc_string=6 graph=7 opset_import=8
//   OperatorSetId  domain=1 version=2
//   GraphProto     node=1 name=2 initializer=5 doc_string=10 input=11 output=12
//   NodeProto      input=1 output=2 name=3 op_type=4 attribute=5 domain=7
//   AttributeProto name=1 i=3 type=20 (INT=2)
//   TensorProto    dims=1 data_type=2 name=8 raw_data=9 (raw data is little-endian)
//   ValueInfo      name=1 type=2;  TypeProto tensor_type=1;  Tensor elem_type=1 shape=2
//   TensorShape    dim=1;  Dimension dim_value=1 dim_param=2
// The output is validated by onnx.checker (tests/scripts, when python3-onnx is present) and by
// running it in onnxruntime-web.

export const ONNX_DTYPE = { FLOAT: 1, UINT8: 2, INT8: 3, INT32: 6, INT64: 7 } as const;
export type OnnxDtype = (typeof ONNX_DTYPE)[keyof typeof ONNX_DTYPE];

/** Growable byte buffer with the protobuf primitives. */
class Writer {
  private buf = new Uint8Array(1024);
  private len = 0;

  private ensure(extra: number): void {
    if (this.len + extra <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.len + extra) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  varint(value: number | bigint): this {
    let v = BigInt.asUintN(64, BigInt(value));
    this.ensure(10);
    do {
      let byte = Number(v & 0x7fn);
      v >>= 7n;
      if (v !== 0n) byte |= 0x80;
      this.buf[this.len++] = byte;
    } while (v !== 0n);
    return this;
  }

  private tag(field: number, wireType: 0 | 2): this {
    return this.varint((field << 3) | wireType);
  }

  int(field: number, value: number | bigint): this {
    return this.tag(field, 0).varint(value);
  }

  bytes(field: number, data: Uint8Array): this {
    this.tag(field, 2).varint(data.length);
    this.ensure(data.length);
    this.buf.set(data, this.len);
    this.len += data.length;
    return this;
  }

  string(field: number, s: string): this {
    return this.bytes(field, new TextEncoder().encode(s));
  }

  message(field: number, build: (w: Writer) => void): this {
    const inner = new Writer();
    build(inner);
    return this.bytes(field, inner.finish());
  }

  finish(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

export interface TensorInit {
  name: string;
  dtype: OnnxDtype;
  dims: number[];
  /** Little-endian element bytes (a typed array's bytes on every platform JS runs on). */
  raw: Uint8Array;
}

export interface NodeDef {
  opType: string;
  name: string;
  inputs: string[];
  outputs: string[];
  intAttributes?: Record<string, number>;
}

export interface ValueInfo {
  name: string;
  dtype: OnnxDtype;
  /** number = fixed size, string = symbolic (dim_param). */
  shape: (number | string)[];
}

export interface GraphDef {
  name: string;
  docString?: string;
  nodes: NodeDef[];
  initializers: TensorInit[];
  inputs: ValueInfo[];
  outputs: ValueInfo[];
}

export interface ModelDef {
  irVersion: number;
  opset: number;
  producerName: string;
  producerVersion: string;
  docString?: string;
  graph: GraphDef;
}

const writeValueInfo = (w: Writer, v: ValueInfo): void => {
  w.string(1, v.name);
  w.message(2, (type) =>
    type.message(1, (tensor) => {
      tensor.int(1, v.dtype);
      tensor.message(2, (shape) => {
        for (const d of v.shape) {
          shape.message(1, (dim) => (typeof d === 'number' ? dim.int(1, d) : dim.string(2, d)));
        }
      });
    }),
  );
};

const writeTensor = (w: Writer, t: TensorInit): void => {
  for (const d of t.dims) w.int(1, d);
  w.int(2, t.dtype);
  w.string(8, t.name);
  w.bytes(9, t.raw);
};

const writeNode = (w: Writer, n: NodeDef): void => {
  for (const i of n.inputs) w.string(1, i);
  for (const o of n.outputs) w.string(2, o);
  w.string(3, n.name);
  w.string(4, n.opType);
  for (const [name, value] of Object.entries(n.intAttributes ?? {})) {
    w.message(5, (a) => {
      a.string(1, name);
      a.int(3, value);
      a.int(20, 2); // AttributeType.INT
    });
  }
};

/** Serialise a ModelProto. */
export function encodeModel(model: ModelDef): Uint8Array {
  const w = new Writer();
  w.int(1, model.irVersion);
  w.string(2, model.producerName);
  w.string(3, model.producerVersion);
  if (model.docString) w.string(6, model.docString);
  w.message(7, (g) => {
    for (const n of model.graph.nodes) g.message(1, (m) => writeNode(m, n));
    g.string(2, model.graph.name);
    for (const t of model.graph.initializers) g.message(5, (m) => writeTensor(m, t));
    if (model.graph.docString) g.string(10, model.graph.docString);
    for (const v of model.graph.inputs) g.message(11, (m) => writeValueInfo(m, v));
    for (const v of model.graph.outputs) g.message(12, (m) => writeValueInfo(m, v));
  });
  w.message(8, (o) => {
    o.string(1, '');
    o.int(2, model.opset);
  });
  return w.finish();
}

const bytesOf = (a: Int8Array | Uint8Array | Float32Array | BigInt64Array): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/**
 * The decoding lookup graph over the planes of bitPlanes.ts (D = dims, H = ceil(D/2), W = ceil(D/8)):
 *   input_ids int64 [n]
 *   high    = Cast(Gather(high int8 [V,D], ids))                       f32 [n,D]
 *   nib     = Cast(Gather(nibbles uint8 [V,H], ids))                   f32 [n,H]
 *   nibbles = Slice(Concat(floor(nib/16), nib − 16·floor(nib/16)), D)  f32 [n,D]
 *   byte    = Unsqueeze(Cast(Gather(fifth uint8 [V,W], ids)), 2)       f32 [n,W,1]
 *   t       = floor(byte / [128, 64, …, 1])                            f32 [n,W,8]
 *   fifth   = Slice(Reshape(t − 2·floor(t/2), [n, 8W]), D)             f32 [n,D]
 *   q       = 32·high + 16·fifth + nibbles                             f32 [n,D]
 *   embeddings = q · Gather(scales f32 [V,1], ids)                    f32 [n,D]
 * Every intermediate is a small integer, so float32 holds it exactly; only the last Mul rounds.
 * Operators: Gather, Cast, Div, Floor, Mul, Sub, Add, Concat, Slice, Unsqueeze, Reshape (opset 17,
 * all in ONNX Runtime's CPU/WASM kernels).
 */
export function buildLookupModel(opts: {
  high: Int8Array;
  nibbles: Uint8Array;
  fifth: Uint8Array;
  scales: Float32Array;
  dims: number;
  producerVersion: string;
  docString?: string;
}): Uint8Array {
  const { high, nibbles, fifth, scales, dims } = opts;
  const rows = scales.length;
  const nw = Math.ceil(dims / 2);
  const fw = Math.ceil(dims / 8);
  if (high.length !== rows * dims) throw new Error(`high plane has ${high.length} values, expected ${rows}×${dims}`);
  if (nibbles.length !== rows * nw) throw new Error(`nibble plane has ${nibbles.length} values, expected ${rows}×${nw}`);
  if (fifth.length !== rows * fw) throw new Error(`fifth-bit plane has ${fifth.length} values, expected ${rows}×${fw}`);
  const f32 = (name: string, values: number[], dims: number[] = []): TensorInit => ({ name, dtype: ONNX_DTYPE.FLOAT, dims, raw: bytesOf(Float32Array.from(values)) });
  const i64 = (name: string, values: number[]): TensorInit => ({ name, dtype: ONNX_DTYPE.INT64, dims: [values.length], raw: bytesOf(BigInt64Array.from(values, BigInt)) });
  const node = (opType: string, name: string, inputs: string[], outputs: string[], intAttributes?: Record<string, number>): NodeDef => ({
    opType,
    name,
    inputs,
    outputs,
    ...(intAttributes ? { intAttributes } : {}),
  });
  const F = ONNX_DTYPE.FLOAT;
  return encodeModel({
    irVersion: 8,
    opset: 17,
    producerName: 'bias-probe-workbench/build-glove',
    producerVersion: opts.producerVersion,
    docString: opts.docString,
    graph: {
      name: 'q13_embedding_lookup',
      docString: 'Unit rows as 13-bit integers in three byte planes (high int8, low nibbles, fifth bits) times one float32 scale per row',
      nodes: [
        node('Gather', 'gather_high', ['high', 'input_ids'], ['high_q'], { axis: 0 }),
        node('Cast', 'high_float', ['high_q'], ['high_f'], { to: F }),
        node('Gather', 'gather_nibbles', ['nibbles', 'input_ids'], ['nib_q'], { axis: 0 }),
        node('Cast', 'nibbles_float', ['nib_q'], ['nib_f'], { to: F }),
        node('Div', 'nibbles_shift', ['nib_f', 'sixteen'], ['nib_div']),
        node('Floor', 'nibbles_upper', ['nib_div'], ['nib_upper']),
        node('Mul', 'nibbles_upper_back', ['nib_upper', 'sixteen'], ['nib_upper16']),
        node('Sub', 'nibbles_lower', ['nib_f', 'nib_upper16'], ['nib_lower']),
        node('Concat', 'nibbles_columns', ['nib_upper', 'nib_lower'], ['nib_cols'], { axis: 1 }),
        node('Slice', 'nibbles_trim', ['nib_cols', 'zero', 'dims', 'axis1'], ['nibbles_d']),
        node('Gather', 'gather_fifth', ['fifth', 'input_ids'], ['fifth_q'], { axis: 0 }),
        node('Cast', 'fifth_float', ['fifth_q'], ['fifth_f'], { to: F }),
        node('Unsqueeze', 'fifth_bytes', ['fifth_f', 'axis2'], ['fifth_b']),
        node('Div', 'fifth_shift', ['fifth_b', 'bit_weights'], ['fifth_div']),
        node('Floor', 'fifth_prefix', ['fifth_div'], ['fifth_t']),
        node('Div', 'fifth_half', ['fifth_t', 'two'], ['fifth_half_t']),
        node('Floor', 'fifth_half_floor', ['fifth_half_t'], ['fifth_half_f']),
        node('Mul', 'fifth_even', ['fifth_half_f', 'two'], ['fifth_even_t']),
        node('Sub', 'fifth_bit', ['fifth_t', 'fifth_even_t'], ['fifth_bits3']),
        node('Reshape', 'fifth_columns', ['fifth_bits3', 'rows_by_bits'], ['fifth_cols']),
        node('Slice', 'fifth_trim', ['fifth_cols', 'zero', 'dims', 'axis1'], ['fifth_d']),
        node('Mul', 'high_weight', ['high_f', 'thirty_two'], ['high_w']),
        node('Mul', 'fifth_weight', ['fifth_d', 'sixteen'], ['fifth_w']),
        node('Add', 'low_bits', ['fifth_w', 'nibbles_d'], ['low_q']),
        node('Add', 'integers', ['high_w', 'low_q'], ['q']),
        node('Gather', 'gather_scales', ['scales', 'input_ids'], ['s'], { axis: 0 }),
        node('Mul', 'dequantise', ['q', 's'], ['embeddings']),
      ],
      initializers: [
        { name: 'high', dtype: ONNX_DTYPE.INT8, dims: [rows, dims], raw: bytesOf(high) },
        { name: 'nibbles', dtype: ONNX_DTYPE.UINT8, dims: [rows, nw], raw: bytesOf(nibbles) },
        { name: 'fifth', dtype: ONNX_DTYPE.UINT8, dims: [rows, fw], raw: bytesOf(fifth) },
        { name: 'scales', dtype: ONNX_DTYPE.FLOAT, dims: [rows, 1], raw: bytesOf(scales) },
        f32('two', [2]),
        f32('sixteen', [16]),
        f32('thirty_two', [32]),
        f32('bit_weights', [128, 64, 32, 16, 8, 4, 2, 1], [8]),
        i64('zero', [0]),
        i64('dims', [dims]),
        i64('axis1', [1]),
        i64('axis2', [2]),
        i64('rows_by_bits', [0, -1]),
      ],
      inputs: [{ name: 'input_ids', dtype: ONNX_DTYPE.INT64, shape: ['n'] }],
      outputs: [{ name: 'embeddings', dtype: ONNX_DTYPE.FLOAT, shape: ['n', dims] }],
    },
  });
}
