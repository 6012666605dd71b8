// Reading float16 tensors of ONNX Runtime. fp16 and q4f16 exports take past_key_values and return
// logits / present.* in float16. ORT JS holds float16 data as a Uint16Array of IEEE half bits, or as a
// Float16Array where the JavaScript engine has one (ORT checks globalThis.Float16Array once; Node 20
// has none, recent browsers do). Both are normalised here to the half bits (a view, no copy), which
// every ORT build accepts back as float16 input, so keys/values stay in their native type between
// passes; scores need numbers, so logits are widened to float32 (exact: every half is a float32).
import { UnsupportedModelError } from '../../core/errors';

/** float32 value of each of the 65,536 half bit patterns (built on first use: 256 KB). */
let table: Float32Array | null = null;

function halfTable(): Float32Array {
  if (table) return table;
  table = new Float32Array(65536);
  for (let bits = 0; bits < 65536; bits++) {
    const sign = bits & 0x8000 ? -1 : 1;
    const exponent = (bits >> 10) & 0x1f;
    const fraction = bits & 0x3ff;
    table[bits] =
      exponent === 0
        ? sign * fraction * 2 ** -24 // subnormal (and ±0)
        : exponent === 31
          ? fraction
            ? NaN
            : sign * Infinity
          : sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
  }
  return table;
}

/** float32 values of half bit patterns. */
export function halfBitsToFloat32(bits: Uint16Array): Float32Array {
  const t = halfTable();
  const out = new Float32Array(bits.length);
  for (let i = 0; i < bits.length; i++) out[i] = t[bits[i]!]!;
  return out;
}

interface TensorLike {
  readonly type: string;
  readonly data: unknown;
}

/** The half bits of a float16 tensor's data (Uint16Array as is; a Float16Array viewed as bits). */
export function halfBitsOf(t: TensorLike, what: string): Uint16Array {
  const d = t.data as ArrayBufferView & { length: number };
  if (t.type !== 'float16' || !ArrayBuffer.isView(d)) throw new UnsupportedModelError(`${what} is ${t.type}, not float16 data this runtime can read.`);
  return d instanceof Uint16Array ? d : new Uint16Array(d.buffer, d.byteOffset, d.length);
}

/**
 * A float tensor's values as float32: float32 data as is (no copy), float16 widened, float64 narrowed.
 * @throws UnsupportedModelError for any other element type, naming `what` (e.g. 'output "logits" of onnx/model.onnx')
 */
export function floatValues(t: TensorLike, what: string): Float32Array {
  if (t.type === 'float32') return t.data as Float32Array;
  if (t.type === 'float16') return halfBitsToFloat32(halfBitsOf(t, what));
  if (t.type === 'float64') return Float32Array.from(t.data as Float64Array);
  throw new UnsupportedModelError(`${what} is ${t.type}; this runtime reads float32, float16 and float64 outputs.`);
}
