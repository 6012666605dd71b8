// Reads the parts of an ONNX ModelProto that a graph evaluator needs: the graph's nodes (op type,
// inputs, outputs, integer attributes), its initializers (name, element type, dims, raw little-
// endian bytes, as views into the file) and the names of its inputs and outputs. Why by hand: the
// protobuf wire format needs only varints and length-delimited fields, and a schema library would
// be a dependency for one small reader. Field numbers follow onnx/onnx.proto (IR version 8), as in
// scripts/glove/onnxProto.ts, which writes the embedded GloVe's graph:
//   ModelProto  graph=7;  GraphProto node=1 initializer=5 input=11 output=12
//   NodeProto   input=1 output=2 op_type=4 attribute=5;  AttributeProto name=1 i=3
//   TensorProto dims=1 data_type=2 name=8 raw_data=9;  ValueInfoProto name=1
// A tensor stored in typed fields (float_data, int64_data …) instead of raw_data has `raw` null:
// an evaluator that needs its values does not recognise the graph. Malformed bytes throw RangeError.

export interface OnnxNode {
  opType: string;
  inputs: string[];
  outputs: string[];
  /** INT attributes by name (axis, to …). */
  ints: Record<string, number>;
}

export interface OnnxInitializer {
  dtype: number;
  dims: number[];
  /** raw_data, a view into the model's bytes; null when the values are in typed fields. */
  raw: Uint8Array | null;
}

export interface OnnxGraph {
  nodes: OnnxNode[];
  initializers: Map<string, OnnxInitializer>;
  inputs: string[];
  outputs: string[];
}

export const WIRE_VARINT = 0;
const WIRE_I64 = 1;
export const WIRE_LEN = 2;
const WIRE_I32 = 5;

/** The varint at `pos` and the position after it. */
function varintAt(buf: Uint8Array, pos: number): [bigint, number] {
  let result = 0n;
  for (let shift = 0n; ; shift += 7n) {
    if (pos >= buf.length || shift > 63n) throw new RangeError('ONNX: truncated or overlong varint');
    const byte = buf[pos++]!;
    result |= BigInt(byte & 0x7f) << shift;
    if (byte < 0x80) return [result, pos];
  }
}

/**
 * One protobuf message's fields, in order: [field number, wire type, varint value or bytes, offset
 * of the field's key, offset after the field] (the offsets let a writer copy fields it keeps).
 */
export function* fields(buf: Uint8Array): Generator<[number, number, bigint | Uint8Array, number, number]> {
  let pos = 0;
  while (pos < buf.length) {
    const start = pos;
    const [key, afterKey] = varintAt(buf, pos);
    pos = afterKey;
    const field = Number(key >> 3n);
    const wire = Number(key & 7n);
    if (wire === WIRE_VARINT) {
      const [value, next] = varintAt(buf, pos);
      pos = next;
      yield [field, wire, value, start, pos];
      continue;
    }
    let len: number;
    if (wire === WIRE_LEN) {
      const [n, next] = varintAt(buf, pos);
      pos = next;
      len = Number(n);
    } else if (wire === WIRE_I64 || wire === WIRE_I32) len = wire === WIRE_I64 ? 8 : 4;
    else throw new RangeError(`ONNX: unsupported wire type ${wire}`);
    if (pos + len > buf.length) throw new RangeError('ONNX: field runs past the end of its message');
    yield [field, wire, buf.subarray(pos, pos + len), start, pos + len];
    pos += len;
  }
}

const text = (v: bigint | Uint8Array): string => new TextDecoder().decode(v as Uint8Array);
/** A signed int64 varint as a number. */
const int64 = (v: bigint): number => Number(BigInt.asIntN(64, v));

/** Repeated int64 values, one per field (proto2) or packed into one field (proto3). */
function pushInt64s(out: number[], wire: number, v: bigint | Uint8Array): void {
  if (wire === WIRE_VARINT) {
    out.push(int64(v as bigint));
    return;
  }
  const packed = v as Uint8Array;
  for (let pos = 0; pos < packed.length; ) {
    const [x, next] = varintAt(packed, pos);
    out.push(int64(x));
    pos = next;
  }
}

export function readNode(buf: Uint8Array): OnnxNode {
  const node: OnnxNode = { opType: '', inputs: [], outputs: [], ints: {} };
  for (const [field, , v] of fields(buf)) {
    if (field === 1) node.inputs.push(text(v));
    else if (field === 2) node.outputs.push(text(v));
    else if (field === 4) node.opType = text(v);
    else if (field === 5) {
      let name = '';
      let i: number | undefined;
      for (const [f, , a] of fields(v as Uint8Array)) {
        if (f === 1) name = text(a);
        else if (f === 3) i = int64(a as bigint);
      }
      if (i !== undefined) node.ints[name] = i;
    }
  }
  return node;
}

export function readTensor(buf: Uint8Array): [string, OnnxInitializer] {
  let name = '';
  const tensor: OnnxInitializer = { dtype: 0, dims: [], raw: null };
  for (const [field, wire, v] of fields(buf)) {
    if (field === 1) pushInt64s(tensor.dims, wire, v);
    else if (field === 2) tensor.dtype = Number(v);
    else if (field === 8) name = text(v);
    else if (field === 9) tensor.raw = v as Uint8Array;
  }
  return [name, tensor];
}

export const valueInfoName = (buf: Uint8Array): string => {
  for (const [field, , v] of fields(buf)) if (field === 1) return text(v);
  return '';
};

/** The graph of an ONNX model file. @throws RangeError when the bytes are not a well-formed protobuf */
export function readOnnxGraph(model: Uint8Array): OnnxGraph {
  const graph: OnnxGraph = { nodes: [], initializers: new Map(), inputs: [], outputs: [] };
  for (const [field, wire, v] of fields(model)) {
    if (field !== 7 || wire !== WIRE_LEN) continue;
    for (const [f, w, g] of fields(v as Uint8Array)) {
      if (w !== WIRE_LEN) continue;
      const bytes = g as Uint8Array;
      if (f === 1) graph.nodes.push(readNode(bytes));
      else if (f === 5) {
        const [name, tensor] = readTensor(bytes);
        graph.initializers.set(name, tensor);
      } else if (f === 11) graph.inputs.push(valueInfoName(bytes));
      else if (f === 12) graph.outputs.push(valueInfoName(bytes));
    }
  }
  return graph;
}
