// How the 13-bit integers q of the GloVe table are laid out in bytes: three planes, each a
// [rows, width] tensor the lookup graph can Gather by row.
//
//   high    int8  [rows, D]          floor(q / 32), in [−128, 127]
//   nibbles uint8 [rows, ceil(D/2)]  bits 0–3 of q − 32·high: column j in the high nibble, column
//                                    j + ceil(D/2) in the low nibble
//   fifth   uint8 [rows, ceil(D/8)]  bit 4 of q − 32·high: column c in byte c>>3, bit 7 − (c & 7)
//
// Why split this way: the high part of q is concentrated near 0 and gzip's Huffman stage codes it
// in ≈ 7 bits; the five low bits are noise. Packed densely they cost exactly 5 bits under gzip;
// stored one per byte, gzip's string matcher finds spurious short matches in them and they cost
// 5.3 (measured). The graph (onnxProto.ts) decodes nibbles and bits with Div/Floor arithmetic, which
// is exact in float32 for these small integers.

export interface BitPlanes {
  rows: number;
  dims: number;
  high: Int8Array;
  nibbles: Uint8Array;
  fifth: Uint8Array;
}

export const nibbleWidth = (dims: number): number => Math.ceil(dims / 2);
export const fifthBitWidth = (dims: number): number => Math.ceil(dims / 8);

export function splitPlanes(values: Int16Array, dims: number): BitPlanes {
  if (dims <= 0 || values.length % dims !== 0) throw new Error(`values length ${values.length} is not a multiple of ${dims}`);
  const rows = values.length / dims;
  const nw = nibbleWidth(dims);
  const fw = fifthBitWidth(dims);
  const high = new Int8Array(rows * dims);
  const nibbles = new Uint8Array(rows * nw);
  const fifth = new Uint8Array(rows * fw);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < dims; c++) {
      const q = values[r * dims + c]!;
      const h = Math.floor(q / 32);
      if (h < -128 || h > 127) throw new Error(`value ${q} (row ${r}) does not fit in 13 bits`);
      high[r * dims + c] = h;
      const low = q - 32 * h;
      const nib = low & 15;
      if (c < nw) nibbles[r * nw + c]! |= nib << 4;
      else nibbles[r * nw + c - nw]! |= nib;
      if (low & 16) fifth[r * fw + (c >> 3)]! |= 1 << (7 - (c & 7));
    }
  }
  return { rows, dims, high, nibbles, fifth };
}

/** The inverse, in plain JS (tests and build-time fidelity checks; the app decodes in the ONNX graph). */
export function joinPlanes(p: BitPlanes): Int16Array {
  const { rows, dims } = p;
  const nw = nibbleWidth(dims);
  const fw = fifthBitWidth(dims);
  const out = new Int16Array(rows * dims);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < dims; c++) {
      const nib = c < nw ? p.nibbles[r * nw + c]! >> 4 : p.nibbles[r * nw + c - nw]! & 15;
      const bit = (p.fifth[r * fw + (c >> 3)]! >> (7 - (c & 7))) & 1;
      out[r * dims + c] = 32 * p.high[r * dims + c]! + 16 * bit + nib;
    }
  }
  return out;
}
