// A hand-written protobuf encoder for the one small ONNX graph the GloVe asset needs.
//
// Why by hand: the graph is fixed (5 nodes, 2 initializers), and the ONNX wire format for it needs
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

const bytesOf = (a: Int8Array | Float32Array): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/**
 * The dequantising lookup graph:
 *   input_ids int64 [n]
 *   Gather(table int8 [V,D], input_ids, axis 0)  → q int8 [n,D]
 *   Gather(scales f32 [V,1], input_ids, axis 0)  → s f32 [n,1]
 *   Cast(q, to FLOAT)                             → qf f32 [n,D]
 *   Mul(qf, s)  (broadcast over D)                → embeddings f32 [n,D]
 * Scales are stored as [V,1] so the gathered scale broadcasts without an Unsqueeze.
 */
export function buildLookupModel(opts: {
  table: Int8Array;
  scales: Float32Array;
  dims: number;
  producerVersion: string;
  docString?: string;
}): Uint8Array {
  const { table, scales, dims } = opts;
  const rows = scales.length;
  if (table.length !== rows * dims) throw new Error(`table has ${table.length} values, expected ${rows}×${dims}`);
  return encodeModel({
    irVersion: 8,
    opset: 17,
    producerName: 'bias-probe-workbench/build-glove',
    producerVersion: opts.producerVersion,
    docString: opts.docString,
    graph: {
      name: 'int8_embedding_lookup',
      docString: 'Per-row symmetric int8 embedding table: embeddings = float(table[ids]) * scales[ids]',
      nodes: [
        { opType: 'Gather', name: 'gather_rows', inputs: ['table', 'input_ids'], outputs: ['q'], intAttributes: { axis: 0 } },
        { opType: 'Gather', name: 'gather_scales', inputs: ['scales', 'input_ids'], outputs: ['s'], intAttributes: { axis: 0 } },
        { opType: 'Cast', name: 'to_float', inputs: ['q'], outputs: ['qf'], intAttributes: { to: ONNX_DTYPE.FLOAT } },
        { opType: 'Mul', name: 'dequantise', inputs: ['qf', 's'], outputs: ['embeddings'] },
      ],
      initializers: [
        { name: 'table', dtype: ONNX_DTYPE.INT8, dims: [rows, dims], raw: bytesOf(table) },
        { name: 'scales', dtype: ONNX_DTYPE.FLOAT, dims: [rows, 1], raw: bytesOf(scales) },
      ],
      inputs: [{ name: 'input_ids', dtype: ONNX_DTYPE.INT64, shape: ['n'] }],
      outputs: [{ name: 'embeddings', dtype: ONNX_DTYPE.FLOAT, shape: ['n', dims] }],
    },
  });
}
