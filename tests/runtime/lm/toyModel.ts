// A toy tokenizer and toy forward passes for testing the LM operations without ONNX Runtime.
// Tokenizer: greedy longest match over a tiny vocabulary that includes merged pieces ("ab", " a"),
// so BPE-style merges across a prefix/continuation boundary can be exercised. Forward passes are
// deterministic functions of the visible tokens: the causal one of ids[0..s] (never of later
// positions or padding), the masked one of all non-padding tokens — so padding must not matter.
import type { CachedForwardFn, ForwardFn, LmTokenizer } from '../../../src/runtime/lm/languageModel';
import type { LmInfo } from '../../../src/runtime/lm/types';

export const VOCAB = ['<eos>', '[CLS]', '[SEP]', '[MASK]', '<pad>', 'a', 'b', 'c', 'x', ' ', 'ab', ' a', ' b', 'ca', '.'] as const;
export const V = VOCAB.length;

/** LmInfo of a toy model of `kind`, for createLanguageModel in tests. */
export const toyLmInfo = (kind: LmInfo['kind'], extra: Partial<LmInfo> = {}): LmInfo => ({
  id: `toy-${kind}`,
  source: 'embedded',
  kind,
  modelType: 'toy',
  backend: 'node',
  dtype: 'fp32',
  availableDtypes: ['fp32'],
  sha256: {},
  vocabularySize: V,
  chatTemplate: false,
  ...extra,
});
export const TOY_CAUSAL_INFO = toyLmInfo('causal-lm', { maxLength: 60 });
const SPECIAL = new Set([0, 1, 2, 3, 4]);

export function toyTokenizer(opts: { masked?: boolean; bos?: boolean } = {}): LmTokenizer {
  const pieces = VOCAB.map((p, id) => ({ p, id })).filter(({ id }) => !SPECIAL.has(id)).sort((a, b) => b.p.length - a.p.length);
  const decode = (ids: readonly number[]) => ids.filter((id) => !SPECIAL.has(id)).map((id) => VOCAB[id]).join('');
  return {
    encode(text, special) {
      const ids: number[] = [];
      for (let i = 0; i < text.length; ) {
        const m = pieces.find(({ p }) => text.startsWith(p, i));
        if (!m) throw new Error(`toy tokenizer cannot encode ${JSON.stringify(text[i])}`);
        ids.push(m.id);
        i += m.p.length;
      }
      return special && opts.masked ? [1, ...ids, 2] : ids;
    },
    decode,
    tokenText: (id) => (SPECIAL.has(id) ? VOCAB[id]! : decode([id])),
    bosId: opts.bos === false ? null : 0,
    eosId: opts.bos === false ? null : 0,
    padId: 4,
    maskId: opts.masked ? 3 : null,
    specialIds: SPECIAL,
  };
}

const row = (h: number, s: number, out: Float32Array, off: number) => {
  for (let v = 0; v < V; v++) out[off + v] = 3 * Math.sin(h * 0.37 + v * 1.3 + s * 0.11) + (v === 0 ? -1 : 0);
};

/** Causal toy: logits at s depend on ids[0..s] only. Counts calls and batch sizes. */
export function toyCausalForward(log: number[] = []): ForwardFn {
  return async ({ ids, mask }) => {
    log.push(ids.length);
    const B = ids.length;
    const S = ids[0]!.length;
    const logits = new Float32Array(B * S * V);
    ids.forEach((seq, b) => {
      let h = 0;
      for (let s = 0; s < S; s++) {
        if (mask[b]![s]) h += (seq[s]! + 1) * (s + 1) * 0.731;
        row(h, s, logits, (b * S + s) * V);
      }
    });
    return { logits, vocab: V };
  };
}

/** Masked toy: logits at s depend on every non-padding token (and s); hidden = simple features. */
export function toyMaskedForward(log: number[] = []): ForwardFn {
  return async ({ ids, mask }, want) => {
    log.push(ids.length);
    const B = ids.length;
    const S = ids[0]!.length;
    const logits = new Float32Array(B * S * V);
    const hidden = new Float32Array(B * S * 2);
    ids.forEach((seq, b) => {
      let h = 0;
      for (let s = 0; s < S; s++) if (mask[b]![s]) h += (seq[s]! + 1) * (s + 1) * 0.731;
      for (let s = 0; s < S; s++) {
        row(h + seq[s]! * 0.5, s, logits, (b * S + s) * V);
        hidden[(b * S + s) * 2] = seq[s]!;
        hidden[(b * S + s) * 2 + 1] = s;
      }
    });
    return { logits: want.logits ? logits : undefined, vocab: V, hidden: want.hidden ? hidden : undefined, hiddenSize: 2 };
  };
}

/** Naive float64 log-softmax for checking. */
export const naiveLogSoftmax = (xs: ArrayLike<number>, target: number) => {
  const arr = Array.from(xs);
  return arr[target]! - Math.log(arr.reduce((s, x) => s + Math.exp(x), 0));
};

/**
 * The causal toy with a KV cache: the "keys/values" are the token ids themselves (one [B, 1, len, 1]
 * tensor, exact in float32), so a row's logits are recomputed from its real past ids + current ids in
 * the same order as toyCausalForward — identical numbers with or without cache. Logs each run.
 */
export function toyCausalCachedForward(log: Array<{ batch: number; past: number; seq: number }> = []): CachedForwardFn {
  return async ({ ids, mask, past, pastMask }) => {
    const B = ids.length;
    const S = ids[0]!.length;
    const P = past?.length ?? 0;
    log.push({ batch: B, past: P, seq: S });
    const logits = new Float32Array(B * S * V);
    const present = new Float32Array(B * (P + S));
    ids.forEach((seq, b) => {
      let h = 0;
      let pos = 0;
      for (let j = 0; j < P; j++) {
        const id = past!.tensors[0]![b * P + j]!;
        present[b * (P + S) + j] = id;
        if (pastMask![b]![j]) h += (id + 1) * (++pos) * 0.731;
      }
      for (let s = 0; s < S; s++) {
        present[b * (P + S) + P + s] = seq[s]!;
        if (mask[b]![s]) h += (seq[s]! + 1) * (pos + s + 1) * 0.731;
        row(h, pos + s, logits, (b * S + s) * V);
      }
    });
    return { logits, vocab: V, present: { batch: B, length: P + S, heads: 1, headDim: 1, type: 'float32', tensors: [present] } };
  };
}
