// The embedded GloVe's lookup graph (scripts/glove/onnxProto.ts buildLookupModel), evaluated in
// plain JavaScript from the same model.onnx. Why: in Node the graph is the whole model, and
// starting ONNX Runtime Web for it (import, wasm compile, session, the first run's lazy wasm
// compilation) cost ~1 s of CPU per CLI start, while decoding a few hundred rows by hand costs
// microseconds. Why it gives the same numbers: the graph is recognised only when every node,
// constant and plane shape is exactly the one the build writes; any other graph is left to ORT.
// Its arithmetic is exact until the last step: q = 32·high + 16·fifth + nibble is a small integer
// (|q| ≤ 4096, exact in float32), and the output is q times the row's float32 scale rounded once
// to float32 — which is what storing the (exact, in float64) product into a Float32Array does.
// tests/runtime/q13LookupTable.test.ts compares every row with ONNX Runtime's output bit for bit.
import { ModelLoadError } from '../core/errors';
import type { OnnxGraph, OnnxInitializer } from './onnxGraphReader';

const FLOAT = 1;
const UINT8 = 2;
const INT8 = 3;
const INT64 = 7;

/** The graph's nodes as the build writes them: op type, inputs, outputs, INT attributes. */
const NODES: readonly [string, string[], string[], Record<string, number>?][] = [
  ['Gather', ['high', 'input_ids'], ['high_q'], { axis: 0 }],
  ['Cast', ['high_q'], ['high_f'], { to: FLOAT }],
  ['Gather', ['nibbles', 'input_ids'], ['nib_q'], { axis: 0 }],
  ['Cast', ['nib_q'], ['nib_f'], { to: FLOAT }],
  ['Div', ['nib_f', 'sixteen'], ['nib_div']],
  ['Floor', ['nib_div'], ['nib_upper']],
  ['Mul', ['nib_upper', 'sixteen'], ['nib_upper16']],
  ['Sub', ['nib_f', 'nib_upper16'], ['nib_lower']],
  ['Concat', ['nib_upper', 'nib_lower'], ['nib_cols'], { axis: 1 }],
  ['Slice', ['nib_cols', 'zero', 'dims', 'axis1'], ['nibbles_d']],
  ['Gather', ['fifth', 'input_ids'], ['fifth_q'], { axis: 0 }],
  ['Cast', ['fifth_q'], ['fifth_f'], { to: FLOAT }],
  ['Unsqueeze', ['fifth_f', 'axis2'], ['fifth_b']],
  ['Div', ['fifth_b', 'bit_weights'], ['fifth_div']],
  ['Floor', ['fifth_div'], ['fifth_t']],
  ['Div', ['fifth_t', 'two'], ['fifth_half_t']],
  ['Floor', ['fifth_half_t'], ['fifth_half_f']],
  ['Mul', ['fifth_half_f', 'two'], ['fifth_even_t']],
  ['Sub', ['fifth_t', 'fifth_even_t'], ['fifth_bits3']],
  ['Reshape', ['fifth_bits3', 'rows_by_bits'], ['fifth_cols']],
  ['Slice', ['fifth_cols', 'zero', 'dims', 'axis1'], ['fifth_d']],
  ['Mul', ['high_f', 'thirty_two'], ['high_w']],
  ['Mul', ['fifth_d', 'sixteen'], ['fifth_w']],
  ['Add', ['fifth_w', 'nibbles_d'], ['low_q']],
  ['Add', ['high_w', 'low_q'], ['q']],
  ['Gather', ['scales', 'input_ids'], ['s'], { axis: 0 }],
  ['Mul', ['q', 's'], ['embeddings']],
];

/** The graph's constants (`dims` is checked against the planes instead). */
const CONSTANTS: Readonly<Record<string, { dtype: number; dims: number[]; values: number[] }>> = {
  two: { dtype: FLOAT, dims: [], values: [2] },
  sixteen: { dtype: FLOAT, dims: [], values: [16] },
  thirty_two: { dtype: FLOAT, dims: [], values: [32] },
  bit_weights: { dtype: FLOAT, dims: [8], values: [128, 64, 32, 16, 8, 4, 2, 1] },
  zero: { dtype: INT64, dims: [1], values: [0] },
  axis1: { dtype: INT64, dims: [1], values: [1] },
  axis2: { dtype: INT64, dims: [1], values: [2] },
  rows_by_bits: { dtype: INT64, dims: [2], values: [0, -1] },
};
const PLANES = ['high', 'nibbles', 'fifth', 'scales'] as const;

/** The table: the three byte planes of the 13-bit integers and one float32 scale per row. */
export interface Q13Table {
  rows: number;
  dims: number;
  high: Int8Array;
  nibbles: Uint8Array;
  fifth: Uint8Array;
  scales: Float32Array;
}

const sameList = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);

const valuesOf = (t: OnnxInitializer): number[] | null => {
  if (!t.raw) return null;
  const bytes = t.raw.slice();
  if (t.dtype === FLOAT && bytes.length % 4 === 0) return [...new Float32Array(bytes.buffer)];
  if (t.dtype === INT64 && bytes.length % 8 === 0) return Array.from(new BigInt64Array(bytes.buffer), Number);
  return null;
};

/**
 * The table of a graph that is exactly the build's q13 lookup graph, or null for any other graph
 * (different nodes, constants, element types or plane shapes; values outside raw_data).
 */
export function readQ13Table(graph: OnnxGraph): Q13Table | null {
  if (!sameList(graph.inputs, ['input_ids']) || !sameList(graph.outputs, ['embeddings'])) return null;
  if (graph.nodes.length !== NODES.length) return null;
  const nodesMatch = NODES.every(([opType, inputs, outputs, ints = {}], i) => {
    const n = graph.nodes[i]!;
    const names = Object.keys(n.ints);
    return n.opType === opType && sameList(n.inputs, inputs) && sameList(n.outputs, outputs) && names.length === Object.keys(ints).length && names.every((k) => n.ints[k] === ints[k]);
  });
  if (!nodesMatch) return null;
  const expectedNames = [...Object.keys(CONSTANTS), 'dims', ...PLANES];
  if (graph.initializers.size !== expectedNames.length || !expectedNames.every((n) => graph.initializers.has(n))) return null;
  for (const [name, want] of Object.entries(CONSTANTS)) {
    const t = graph.initializers.get(name)!;
    const values = valuesOf(t);
    if (t.dtype !== want.dtype || !sameList(t.dims, want.dims) || !values || !sameList(values, want.values)) return null;
  }
  const dimsInit = graph.initializers.get('dims')!;
  const dimsValues = valuesOf(dimsInit);
  if (dimsInit.dtype !== INT64 || !sameList(dimsInit.dims, [1]) || !dimsValues) return null;
  const dims = dimsValues[0]!;
  const [high, nibbles, fifth, scales] = PLANES.map((n) => graph.initializers.get(n)!);
  const rows = high!.dims[0]!;
  const shaped = (t: OnnxInitializer, dtype: number, width: number, bytesPerValue: number) =>
    t.dtype === dtype && sameList(t.dims, [rows, width]) && t.raw !== null && t.raw.length === rows * width * bytesPerValue;
  if (!(Number.isInteger(dims) && dims >= 1 && Number.isInteger(rows) && rows >= 1)) return null;
  if (!shaped(high!, INT8, dims, 1) || !shaped(nibbles!, UINT8, Math.ceil(dims / 2), 1) || !shaped(fifth!, UINT8, Math.ceil(dims / 8), 1) || !shaped(scales!, FLOAT, 1, 4)) return null;
  return {
    rows,
    dims,
    high: new Int8Array(high!.raw!.buffer, high!.raw!.byteOffset, high!.raw!.length),
    nibbles: nibbles!.raw!,
    fifth: fifth!.raw!,
    // A copy: the raw bytes need not be 4-byte aligned inside the file.
    scales: new Float32Array(scales!.raw!.slice().buffer),
  };
}

/**
 * Rows of the table as the graph outputs them for input_ids = rows: rows.length × dims float32,
 * row-major. @throws ModelLoadError for a row outside the table (ORT's Gather refuses it too)
 */
export function decodeQ13Rows(table: Q13Table, rows: readonly number[]): Float32Array {
  const { dims, high, nibbles, fifth, scales } = table;
  const nibbleWidth = Math.ceil(dims / 2);
  const fifthWidth = Math.ceil(dims / 8);
  const out = new Float32Array(rows.length * dims);
  rows.forEach((r, i) => {
    if (!(Number.isInteger(r) && r >= 0 && r < table.rows)) throw new ModelLoadError(`row ${r} is outside the table of ${table.rows} rows`);
    const scale = scales[r]!;
    for (let c = 0; c < dims; c++) {
      const nibble = c < nibbleWidth ? nibbles[r * nibbleWidth + c]! >> 4 : nibbles[r * nibbleWidth + c - nibbleWidth]! & 15;
      const bit = (fifth[r * fifthWidth + (c >> 3)]! >> (7 - (c & 7))) & 1;
      out[i * dims + c] = (32 * high[r * dims + c]! + 16 * bit + nibble) * scale;
    }
  });
  return out;
}
