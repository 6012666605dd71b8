// A language model's graph rewritten so that its head computes logits only at the positions asked
// for. Why: a decision or continuation probe scores a few positions of each ~100-token prompt, yet
// the head (hidden size × vocabulary, then the log-normaliser over the vocabulary) runs at every
// position and the logits of all of them are copied out. onnxruntime-node skips the nodes of outputs
// that are not fetched, but ORT-web computes every output, so the graph itself has to change.
// Measured on the embedded GPT, one pass of 8 × 105 positions with 24 asked for: onnxruntime-node
// 77 → 35 ms, ORT-web WASM 293 → 155 ms (one thread), with bitwise the same logits and log-normaliser
// at those positions on WASM (the head's MatMul computes each row on its own; a lone row is fed twice,
// directSession.ts). Used on ORT-web WASM only: on onnxruntime-node the export's in-graph
// log-normaliser came out one float32 ulp away from the exported graph's in about 1% of batch shapes
// (12 of 1,500 random ones; WASM 0 of 300), which would move recorded numbers.
//
// The rewrite, on the ModelProto's bytes (field numbers as in ../onnxGraphReader.ts):
//   head input X [batch, seq, hidden] → Flatten(axis 2) → [batch·seq, hidden]
//     → Gather(axis 0, logits_positions [1, P]) → [1, P, hidden] → the head's MatMul as before,
// so `logits` comes out [1, P, vocab] (and an export's `logits_logsumexp`, computed from it, [1, P]).
// The new graph input `logits_positions` holds flat positions (row · seq + column) of the padded batch;
// all of them in order give the full [batch, seq, vocab] logits in the same memory layout.
// Only a head that computes each row alone is rewritten: a MatMul (or MatMulNBits, 4-bit weights)
// whose weight is constant, optionally followed by an Add of a constant bias, producing `logits`.
// A head that quantises its activations with one scale for the whole tensor (DynamicQuantizeLinear,
// ONNX Runtime's q8 exports of some models) would give other numbers on fewer rows: left as it is.
// So is a half-precision head (float16 weights, fp16 and q4f16 exports): rewritten, it moved the Hub
// fixtures' log-probs on WASM by up to 4e-3 against the graph as exported (likely where ONNX Runtime
// casts between float16 and float32 around the head, once the final norm is no longer next to it).
// Weights kept as external data stay where they are: only the graph's nodes and inputs change.
import { fields, readNode, readTensor, valueInfoName, WIRE_LEN, type OnnxNode } from '../onnxGraphReader';

/** The input the rewritten graph takes: int64 [1, P] flat positions whose logits are computed. */
export const LOGITS_POSITIONS = 'logits_positions';
const FLAT = 'logits_positions/flat_hidden';
const ROWS = 'logits_positions/rows';

/** Ops whose output is constant when all their inputs are (a tied head's Transpose of the embedding table, a Cast, a DequantizeLinear). */
const FOLDABLE = new Set(['Transpose', 'Cast', 'Identity', 'Reshape', 'DequantizeLinear', 'Unsqueeze']);
const HEADS = new Set(['MatMul', 'MatMulNBits']);
/** TensorProto data types of half-precision floats (FLOAT16, BFLOAT16). */
const HALF_TYPES = new Set([10, 16]);

const utf8 = new TextEncoder();

function varint(n: number): number[] {
  const out: number[] = [];
  let v = n;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
  return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const lengthDelimited = (field: number, bytes: Uint8Array) => concat([Uint8Array.from([...varint(field * 8 + WIRE_LEN), ...varint(bytes.length)]), bytes]);
const stringField = (field: number, s: string) => lengthDelimited(field, utf8.encode(s));
const varintField = (field: number, n: number) => Uint8Array.from([...varint(field * 8), ...varint(n)]);

/** NodeProto: input=1 output=2 name=3 op_type=4 attribute=5 (AttributeProto name=1 i=3 type=20, INT = 2). */
function nodeBytes(op: string, inputs: string[], output: string, axis: number): Uint8Array {
  const attribute = concat([stringField(1, 'axis'), varintField(3, axis), varintField(20, 2)]);
  return concat([...inputs.map((i) => stringField(1, i)), stringField(2, output), stringField(3, output), stringField(4, op), lengthDelimited(5, attribute)]);
}

/** ValueInfoProto of an int64 [1, P] input: name=1 type=2 (TypeProto tensor_type=1: elem_type=1 INT64 = 7, shape=2: dim=1 (dim_value=1 | dim_param=2)). */
function positionsInput(): Uint8Array {
  const dims = concat([lengthDelimited(1, varintField(1, 1)), lengthDelimited(1, stringField(2, 'positions'))]);
  const tensorType = concat([varintField(1, 7), lengthDelimited(2, dims)]);
  return concat([stringField(1, LOGITS_POSITIONS), lengthDelimited(2, lengthDelimited(1, tensorType))]);
}

/** The node's bytes with its first input renamed (the fields copied as they are otherwise). */
function withFirstInput(node: Uint8Array, name: string): Uint8Array {
  const parts: Uint8Array[] = [];
  let renamed = false;
  for (const [field, , , start, end] of fields(node)) {
    if (field === 1 && !renamed) {
      parts.push(stringField(1, name));
      renamed = true;
    } else parts.push(node.subarray(start, end));
  }
  return concat(parts);
}

/**
 * The model with its head computing logits only at `logits_positions` (see the header), or null
 * when the graph has no `logits` output, its head is not one this rewrite keeps exact, it takes
 * that input already, or the bytes are not a protobuf this can read (ONNX Runtime then says what
 * is wrong with them when it loads them). Never throws.
 */
export function withLogitsAtPositions(model: Uint8Array): Uint8Array | null {
  try {
    return rewrite(model);
  } catch (e) {
    if (e instanceof RangeError) return null;
    throw e;
  }
}

function rewrite(model: Uint8Array): Uint8Array | null {
  let graphField: { bytes: Uint8Array; start: number; end: number } | null = null;
  for (const [field, wire, value, start, end] of fields(model)) if (field === 7 && wire === WIRE_LEN) graphField = { bytes: value as Uint8Array, start, end };
  if (!graphField) return null;
  const graph = graphField.bytes;

  const nodes: { node: OnnxNode; start: number; end: number; bytes: Uint8Array }[] = [];
  const constants = new Set<string>();
  const halfPrecision = new Set<string>();
  const inputs: string[] = [];
  const outputs: string[] = [];
  for (const [field, wire, value, start, end] of fields(graph)) {
    if (wire !== WIRE_LEN) continue;
    const bytes = value as Uint8Array;
    if (field === 1) nodes.push({ node: readNode(bytes), start, end, bytes });
    else if (field === 5) {
      const [name, tensor] = readTensor(bytes);
      constants.add(name);
      if (HALF_TYPES.has(tensor.dtype)) halfPrecision.add(name);
    }
    else if (field === 11) inputs.push(valueInfoName(bytes));
    else if (field === 12) outputs.push(valueInfoName(bytes));
  }
  if (!outputs.includes('logits') || inputs.includes(LOGITS_POSITIONS)) return null;
  // Constant tensors: initializers, Constant nodes, and foldable ops of constants (in graph order).
  for (const { node } of nodes)
    if (node.opType === 'Constant' || (FOLDABLE.has(node.opType) && node.inputs.every((i) => i === '' || constants.has(i)))) {
      node.outputs.forEach((o) => constants.add(o));
      if (node.inputs.some((i) => halfPrecision.has(i))) node.outputs.forEach((o) => halfPrecision.add(o));
    }
  const producer = new Map<string, (typeof nodes)[number]>();
  const readers = new Map<string, number>();
  for (const entry of nodes) {
    entry.node.outputs.forEach((o) => producer.set(o, entry));
    entry.node.inputs.forEach((i) => readers.set(i, (readers.get(i) ?? 0) + 1));
  }

  let head = producer.get('logits');
  if (head?.node.opType === 'Add') {
    const [a = '', b = ''] = head.node.inputs;
    const product = constants.has(b) ? a : constants.has(a) ? b : '';
    head = readers.get(product) === 1 ? producer.get(product) : undefined;
  }
  if (!head || !HEADS.has(head.node.opType)) return null;
  const [hidden = '', ...weights] = head.node.inputs;
  if (!hidden || constants.has(hidden) || !weights.every((w) => w === '' || constants.has(w)) || weights.some((w) => halfPrecision.has(w))) return null;

  const rewritten = concat([
    graph.subarray(0, head.start),
    lengthDelimited(1, nodeBytes('Flatten', [hidden], FLAT, 2)),
    lengthDelimited(1, nodeBytes('Gather', [FLAT, LOGITS_POSITIONS], ROWS, 0)),
    lengthDelimited(1, withFirstInput(head.bytes, ROWS)),
    graph.subarray(head.end),
    lengthDelimited(11, positionsInput()),
  ]);
  return concat([model.subarray(0, graphField.start), lengthDelimited(7, rewritten), model.subarray(graphField.end)]);
}
