// Numerics for LM scoring, kept pure (no ORT) so they are unit-tested directly. Logits arrive as
// float32 rows; every reduction here runs in float64 (JS numbers): log-softmax is computed as
// x[t] − (max + log Σ exp(x − max)), which neither overflows nor loses the small differences
// between near-equal log-probs that bias scores are made of.
import type { Rng } from '../../core/rng';

/** log Σ exp(row) in float64 over row = data[offset .. offset+n). */
export function logSumExp(data: ArrayLike<number>, offset: number, n: number): number {
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = data[offset + i]!;
    if (v > max) max = v;
  }
  if (max === -Infinity) return -Infinity;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.exp(data[offset + i]! - max);
  return max + Math.log(sum);
}

/** log softmax(row)[target], row = data[offset .. offset+n), in float64. */
export function logSoftmaxAt(data: ArrayLike<number>, offset: number, n: number, target: number): number {
  if (!(target >= 0 && target < n)) throw new RangeError(`token id ${target} outside the vocabulary (size ${n})`);
  return data[offset + target]! - logSumExp(data, offset, n);
}

/**
 * log softmax(row)[target] when the log-normaliser logZ = log Σ exp(row) is already known (an export's
 * `logits_logsumexp` output): one subtraction instead of a pass over the vocabulary.
 */
export function logProbGivenLogSumExp(data: ArrayLike<number>, offset: number, n: number, target: number, logZ: number): number {
  if (!(target >= 0 && target < n)) throw new RangeError(`token id ${target} outside the vocabulary (size ${n})`);
  return data[offset + target]! - logZ;
}

/** Index of the largest value (lowest index on ties) in data[offset .. offset+n). */
export function argmax(data: ArrayLike<number>, offset: number, n: number): number {
  let best = 0;
  let bestV = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = data[offset + i]!;
    if (v > bestV) {
      bestV = v;
      best = i;
    }
  }
  return best;
}

/**
 * Draw a token from softmax(row / temperature), restricted to the top-k logits when topK is given
 * (ties at the k-th value broken by lower id, so the candidate set is deterministic). One rng.float()
 * per draw; the cumulative sum walks candidates in descending-logit order.
 */
export function sampleToken(
  data: ArrayLike<number>,
  offset: number,
  n: number,
  temperature: number,
  rng: Rng,
  topK?: number,
): number {
  if (!(temperature > 0) || !Number.isFinite(temperature)) throw new RangeError(`temperature must be > 0, got ${temperature}`);
  const k = topK === undefined ? n : Math.max(1, Math.min(n, Math.floor(topK)));
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => data[offset + b]! - data[offset + a]! || a - b);
  const cand = order.slice(0, k);
  const max = data[offset + cand[0]!]! / temperature;
  const weights = cand.map((i) => Math.exp(data[offset + i]! / temperature - max));
  const total = weights.reduce((s, w) => s + w, 0);
  let u = rng.float() * total;
  for (let j = 0; j < cand.length; j++) {
    u -= weights[j]!;
    if (u < 0) return cand[j]!;
  }
  return cand[cand.length - 1]!;
}

/** Right-pad sequences to one length: ids with `padId`, attention mask 1 for real tokens, 0 for padding. */
export function padBatch(seqs: readonly (readonly number[])[], padId: number): { ids: number[][]; mask: number[][]; length: number } {
  const length = Math.max(1, ...seqs.map((s) => s.length));
  return {
    ids: seqs.map((s) => [...s, ...Array<number>(length - s.length).fill(padId)]),
    mask: seqs.map((s) => [...Array<number>(s.length).fill(1), ...Array<number>(length - s.length).fill(0)]),
    length,
  };
}

/** Mean of hidden[b, s, :] over positions where mask[b][s] = 1 (float64 accumulation). */
export function meanPool(hidden: ArrayLike<number>, mask: readonly (readonly number[])[], seqLen: number, size: number): Float32Array[] {
  return mask.map((m, b) => {
    const acc = new Float64Array(size);
    let count = 0;
    for (let s = 0; s < seqLen; s++) {
      if (!m[s]) continue;
      count++;
      const off = (b * seqLen + s) * size;
      for (let d = 0; d < size; d++) acc[d]! += hidden[off + d]!;
    }
    return Float32Array.from(acc, (v) => (count ? v / count : 0));
  });
}

/** Split indices 0..n-1 into consecutive chunks of at most `size`, ordered by `key` (longest first). */
export function batchesByLength(lengths: readonly number[], size: number): number[][] {
  const order = lengths.map((_, i) => i).sort((a, b) => lengths[b]! - lengths[a]! || a - b);
  const out: number[][] = [];
  for (let i = 0; i < order.length; i += size) out.push(order.slice(i, i + size));
  return out;
}

/**
 * Like batchesByLength (longest first, at most `size` per chunk), but cut where padding would cost
 * more than another forward pass: the chunks minimise Σ (overhead + rows × longest length) over
 * the length-sorted order (exact, by dynamic programming). `overhead` is a pass's fixed cost in
 * token positions; a chunk of several rows spans at most `maxPositions` padded positions.
 */
export function batchesByPadding(lengths: readonly number[], size: number, overhead = 8, maxPositions = Infinity): number[][] {
  const order = lengths.map((_, i) => i).sort((a, b) => lengths[b]! - lengths[a]! || a - b);
  const n = order.length;
  // best[i] = cheapest cost of order[i..n); a chunk order[i..j) costs overhead + (j − i) · len(order[i]).
  const best = new Float64Array(n + 1);
  const cut = new Int32Array(n + 1);
  for (let i = n - 1; i >= 0; i--) {
    best[i] = Infinity;
    const len = lengths[order[i]!]!;
    for (let j = i + 1; j <= Math.min(n, i + size); j++) {
      if (j > i + 1 && (j - i) * len > maxPositions) break;
      const c = overhead + (j - i) * len + best[j]!;
      if (c < best[i]!) {
        best[i] = c;
        cut[i] = j;
      }
    }
  }
  const out: number[][] = [];
  for (let i = 0; i < n; i = cut[i]!) out.push(order.slice(i, cut[i]!));
  return out;
}
