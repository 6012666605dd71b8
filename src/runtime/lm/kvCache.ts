// Host-side KV-cache bookkeeping for the cached forward pass (directSession.ts): cut one row's
// first positions out of a run's present.* tensors, and stack single-row pasts of different lengths
// into one right-padded batch with its past attention mask. Layout of every tensor: [batch, heads,
// length, headDim], row-major, as the Optimum / transformers.js exports use. The data stays in the
// graph's element type (float32, or float16 as half bits), so a cache goes back into the graph as
// it came out; only positions are moved, never values.
import type { KvArray, PastKv } from './languageModel';

/** A zeroed array of the same kind as `like` (Float32Array or Uint16Array half bits). */
const alike = (like: KvArray, n: number): KvArray => (like instanceof Uint16Array ? new Uint16Array(n) : new Float32Array(n));

/** Row `row`, positions [0, length) of `kv`, as a batch-1 past. */
export function pastRow(kv: PastKv, row: number, length: number): PastKv {
  const { heads, headDim } = kv;
  if (length > kv.length) throw new RangeError(`past length ${length} > ${kv.length}`);
  const tensors = kv.tensors.map((t) => {
    const out = alike(t, heads * length * headDim);
    for (let h = 0; h < heads; h++) {
      const src = ((row * heads + h) * kv.length) * headDim;
      out.set(t.subarray(src, src + length * headDim), h * length * headDim);
    }
    return out;
  });
  return { batch: 1, length, heads, headDim, type: kv.type, tensors };
}

/** Stack batch-1 pasts (lengths may differ) into [B, heads, maxLength, headDim], right-padded; mask 1 = real. */
export function stackPasts(rows: readonly PastKv[]): { past: PastKv; mask: number[][] } {
  // Rows of length 0 (no past) may carry no tensors; the shape and type come from a real one.
  const first = rows.find((r) => r.length > 0) ?? rows[0]!;
  const { heads, headDim, type } = first;
  const P = Math.max(...rows.map((r) => r.length));
  const B = rows.length;
  const tensors = first.tensors.map((like, k) => {
    const out = alike(like, B * heads * P * headDim);
    rows.forEach((r, b) => {
      if (r.length === 0) return;
      const t = r.tensors[k]!;
      if (r.length === P) out.set(t, b * heads * P * headDim);
      else
        for (let h = 0; h < heads; h++)
          out.set(t.subarray(h * r.length * headDim, (h + 1) * r.length * headDim), ((b * heads + h) * P) * headDim);
    });
    return out;
  });
  const mask = rows.map((r) => Array.from({ length: P }, (_, j) => (j < r.length ? 1 : 0)));
  return { past: { batch: B, length: P, heads, headDim, type, tensors }, mask };
}
