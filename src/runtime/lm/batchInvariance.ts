// Whether a graph's numbers for one sequence depend on what else is in its pass, and the forward
// pass to use when they do. Batching and the KV cache's prefix sharing (languageModel.ts) rest on
// "a row's logits are the same alone or batched". Dynamically quantised exports break that: q8
// files (ONNX Runtime's IntegerOps quantiser, what transformers.js ships as model_quantized.onnx)
// quantise each MatMul's activations with one scale and zero point for the whole input tensor
// (DynamicQuantizeLinear), so the other rows, padding, and how a sequence is split between passes
// move a sentence's log-probs — by 0.2–0.3 nats on the fixture rows. Scores are measurements, so the
// loader asks the graph (one probe at load: a row alone, then the same row beside others) and, when
// the row's logits move, runs every sequence alone, unpadded and whole (no KV-cache sharing). That
// follows the graph's behaviour, not a file name: a statically quantised q8 keeps its batches. A
// feature-extraction graph has no logits; its `last_hidden_state` is compared instead (its q8 moves
// a pooled vector by ~0.02 on the fixture), so hidden states are measured alone too.
import type { ForwardFn } from './languageModel';

/** Largest |Δ logit| between a row alone and batched that still counts as the same numbers (float rounding of other matmul blockings is ~1e-6; fp16 ~1e-4). */
export const BATCH_INVARIANCE_TOLERANCE = 1e-3;

const PROBE_LENGTH = 8;

/** Probe rows: deterministic token ids spread over the vocabulary, one row repeating a single token. */
function probeRows(vocab: number): number[][] {
  const row = (k: number) => Array.from({ length: PROBE_LENGTH }, (_, j) => (k * 7919 + j * 104729 + 13) % vocab);
  return [row(1), Array.from({ length: PROBE_LENGTH }, () => (vocab * 3 + 1) % vocab), row(2)];
}

/** Largest |a[i] − b[i]| over the first n entries. */
const maxAbsDiff = (a: Float32Array, b: Float32Array, n: number): number => {
  let worst = 0;
  for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
};

/**
 * max |Δ logit| of probe row 0 run alone vs beside the other probe rows; for a graph without logits,
 * max |Δ| of its last hidden state (0 when the export returns neither). `vocab` sizes the probe's
 * token ids (the tokenizer's or config.json's for a graph without logits).
 */
export async function batchDependence(forward: ForwardFn, vocab: number): Promise<number> {
  const rows = probeRows(vocab);
  const ones = (n: number) => Array.from({ length: n }, () => 1);
  const want = { logits: true, hidden: true };
  const single = await forward({ ids: [rows[0]!], mask: [ones(PROBE_LENGTH)] }, want);
  const batched = await forward({ ids: rows, mask: rows.map((r) => ones(r.length)) }, want);
  if (single.logits && batched.logits) return maxAbsDiff(single.logits, batched.logits, PROBE_LENGTH * single.vocab);
  if (single.hidden && batched.hidden && single.hiddenSize) return maxAbsDiff(single.hidden, batched.hidden, PROBE_LENGTH * single.hiddenSize);
  return 0;
}

/**
 * A forward pass that runs each row of a batch alone, cut to its real length (right padding: the
 * mask's leading 1s), and assembles the batch's outputs; padded positions hold zeros, which no
 * operation reads (scoring reads real positions, pooling follows the mask).
 */
export function onePassPerSequence(forward: ForwardFn): ForwardFn {
  return async ({ ids, mask }, want) => {
    const B = ids.length;
    const S = ids[0]!.length;
    let out: { logits?: Float32Array; hidden?: Float32Array; logSumExp?: Float32Array | Float64Array; vocab: number; hiddenSize?: number } = { vocab: 0 };
    for (let b = 0; b < B; b++) {
      const n = Math.max(1, mask[b]!.reduce((a, v) => a + (v ? 1 : 0), 0));
      const r = await forward({ ids: [ids[b]!.slice(0, n)], mask: [mask[b]!.slice(0, n)] }, want);
      if (b === 0)
        out = {
          vocab: r.vocab,
          ...(r.hiddenSize !== undefined ? { hiddenSize: r.hiddenSize } : {}),
          ...(r.logits ? { logits: new Float32Array(B * S * r.vocab) } : {}),
          ...(r.hidden && r.hiddenSize ? { hidden: new Float32Array(B * S * r.hiddenSize) } : {}),
          ...(r.logSumExp ? { logSumExp: new Float64Array(B * S) } : {}),
        };
      if (r.logits) out.logits?.set(r.logits.subarray(0, n * r.vocab), b * S * r.vocab);
      if (r.hidden && r.hiddenSize) out.hidden?.set(r.hidden.subarray(0, n * r.hiddenSize), b * S * r.hiddenSize);
      if (r.logSumExp) out.logSumExp?.set(r.logSumExp.subarray(0, n), b * S);
    }
    return out;
  };
}
