// The LM operations (log-probs, continuation scoring, pseudo-log-likelihood, embeddings, seeded
// generation) written against two small seams — a tokenizer and a batched forward pass — instead of
// transformers.js directly. The loader (load.ts) plugs transformers.js in; unit tests can plug in a
// toy model. Why this shape:
//  - Batching pads on the right with an attention mask. A causal model never attends forward and a
//    masked model ignores masked keys, so every real position sees exactly what it would see alone:
//    batched results equal one-at-a-time results (to float32 rounding of the matmuls).
//  - One promise chain per model serialises operations (ORT web sessions fail on concurrent runs:
//    "Session already started"), and the AbortSignal is checked between batches.
//  - Log-softmax runs in float64 (math.ts).
import { CancelledError, InvalidOptionError, UnsupportedModelError } from '../../core/errors';
import { createRng } from '../../core/rng';
import { argmax, batchesByLength, logSoftmaxAt, meanPool, padBatch, sampleToken } from './math';
import type {
  CausalScoreOptions,
  ContinuationLogProb,
  GenerateOptions,
  GenerateResult,
  LanguageModel,
  LmInfo,
  LmRunProgress,
  PseudoLogLikelihood,
  RunOptions,
  TokenLogProbs,
} from './types';

export interface LmTokenizer {
  /** Token ids of `text`, with the tokenizer's special tokens ([CLS]/[SEP], Llama's BOS…) when asked. */
  encode(text: string, addSpecialTokens: boolean): number[];
  /** Text of ids (special tokens skipped, no clean-up of spaces). */
  decode(ids: readonly number[]): string;
  /** Display text of one token: its decoded text, or the special token's own string (e.g. `[CLS]`). */
  tokenText(id: number): string;
  bosId: number | null;
  eosId: number | null;
  padId: number;
  maskId: number | null;
  specialIds: ReadonlySet<number>;
}

export interface ForwardInput {
  ids: number[][];
  mask: number[][];
}
export interface ForwardOutput {
  /** [batch, seq, vocab] row-major. */
  logits?: Float32Array;
  vocab: number;
  /** [batch, seq, hidden] when asked for and the export has it. */
  hidden?: Float32Array;
  hiddenSize?: number;
}
export type ForwardFn = (input: ForwardInput, want: { logits: boolean; hidden: boolean }) => Promise<ForwardOutput>;

export interface LanguageModelParts {
  info: LmInfo;
  tokenizer: LmTokenizer;
  forward: ForwardFn;
  dispose?: () => Promise<void>;
}

const throwIfAborted = (signal?: AbortSignal) => {
  if (signal?.aborted) throw new CancelledError('The model run was cancelled.');
};

export function createLanguageModel(parts: LanguageModelParts): LanguageModel {
  const { info, tokenizer: tok, forward } = parts;
  let queue: Promise<unknown> = Promise.resolve();
  let disposed = false;
  /** Run `fn` after every earlier operation on this model has settled. */
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(() => {
      if (disposed) throw new InvalidOptionError(`model ${info.id} has been disposed`);
      return fn();
    });
    queue = next.catch(() => undefined);
    return next;
  };
  const requireKind = (kind: LmInfo['kind'], op: string) => {
    if (info.kind !== kind)
      throw new UnsupportedModelError(`${op} needs a ${kind === 'causal-lm' ? 'causal' : 'masked'} LM; ${info.id} is a ${info.kind}.`);
  };
  const checkLength = (n: number, what: string) => {
    if (info.maxLength !== undefined && n > info.maxLength)
      throw new InvalidOptionError(`${what} is ${n} tokens long; ${info.id} accepts at most ${info.maxLength}.`);
  };
  const pieces = (ids: readonly number[]) => ids.map((id) => tok.tokenText(id));
  const report = (o: RunOptions | undefined, p: LmRunProgress) => o?.onProgress?.(p);

  /** BOS/context handling shared by the causal operations. */
  const causalIds = (text: string, prependBos: CausalScoreOptions['prependBos']): { ids: number[]; bos: boolean } => {
    const ids = tok.encode(text, true);
    const bosId = tok.bosId ?? tok.eosId;
    const already = ids.length > 0 && tok.bosId !== null && ids[0] === tok.bosId;
    const want = prependBos === undefined || prependBos === 'auto' ? bosId !== null : prependBos;
    if (want && !already) {
      if (bosId === null) throw new InvalidOptionError(`${info.id}'s tokenizer has no BOS/EOS token to prepend.`);
      return { ids: [bosId, ...ids], bos: true };
    }
    return { ids, bos: already };
  };

  /**
   * Log-probs of every position ≥ 1 of each sequence: out[i][t-1] = log p(seq[t] | seq[<t]).
   * Sequences are batched by length and right-padded.
   */
  const scoreSequences = async (seqs: number[][], o: RunOptions | undefined): Promise<number[][]> => {
    const out: number[][] = new Array(seqs.length);
    const batches = batchesByLength(
      seqs.map((s) => s.length),
      o?.batchSize ?? 8,
    );
    let done = 0;
    report(o, { stage: 'score', done, total: seqs.length });
    for (const batch of batches) {
      throwIfAborted(o?.signal);
      const { ids, mask, length } = padBatch(
        batch.map((i) => seqs[i]!),
        tok.padId,
      );
      const { logits, vocab } = await forward({ ids, mask }, { logits: true, hidden: false });
      if (!logits) throw new UnsupportedModelError(`${info.id} returned no logits.`);
      batch.forEach((seqIndex, b) => {
        const seq = seqs[seqIndex]!;
        const lp: number[] = [];
        for (let t = 1; t < seq.length; t++) lp.push(logSoftmaxAt(logits, (b * length + t - 1) * vocab, vocab, seq[t]!));
        out[seqIndex] = lp;
      });
      done += batch.length;
      report(o, { stage: 'score', done, total: seqs.length });
    }
    return out;
  };

  const tokenLogProbs = (texts: readonly string[], o?: CausalScoreOptions) =>
    serial(async (): Promise<TokenLogProbs[]> => {
      requireKind('causal-lm', 'tokenLogProbs');
      const enc = texts.map((t) => causalIds(t, o?.prependBos));
      enc.forEach((e, i) => {
        checkLength(e.ids.length, `text ${i + 1}`);
        if (e.ids.length === 0) throw new InvalidOptionError(`text ${i + 1} is empty.`);
      });
      const lps = await scoreSequences(
        enc.map((e) => e.ids),
        o,
      );
      return enc.map((e, i) => {
        const ids = e.ids.slice(1);
        const logProbs = lps[i]!;
        return {
          tokens: pieces(ids),
          ids,
          logProbs,
          total: logProbs.reduce((s, v) => s + v, 0),
          context: { tokens: pieces([e.ids[0]!]), ids: [e.ids[0]!] },
        };
      });
    });

  const continuationLogProbs = (pairs: ReadonlyArray<{ prefix: string; continuation: string }>, o?: CausalScoreOptions) =>
    serial(async (): Promise<ContinuationLogProb[]> => {
      requireKind('causal-lm', 'continuationLogProb');
      const plans = pairs.map(({ prefix, continuation }, i) => {
        if (continuation.length === 0) throw new InvalidOptionError(`pair ${i + 1}: the continuation is empty.`);
        const { ids, bos } = causalIds(prefix + continuation, o?.prependBos);
        checkLength(ids.length, `pair ${i + 1}`);
        const start = bos ? 1 : 0;
        // Largest k such that the first k text tokens decode to a prefix of `prefix`.
        let k = 0;
        let aligned = prefix.length === 0;
        for (let j = start; j < ids.length; j++) {
          const text = tok.decode(ids.slice(start, j + 1));
          if (!prefix.startsWith(text)) break;
          k = j + 1 - start;
          aligned = text === prefix;
          if (aligned) break;
        }
        const contextLength = start + k;
        if (contextLength === 0)
          throw new InvalidOptionError(
            `pair ${i + 1}: nothing to condition on (empty prefix and no BOS token); use prependBos or a non-empty prefix.`,
          );
        return { ids, contextLength, aligned };
      });
      const lps = await scoreSequences(
        plans.map((p) => p.ids),
        o,
      );
      return plans.map((p, i) => {
        const scoredIds = p.ids.slice(p.contextLength);
        const scored = lps[i]!.slice(p.contextLength - 1);
        const perToken = scoredIds.map((id, j) => ({ token: tok.tokenText(id), id, logProb: scored[j]! }));
        return {
          total: scored.reduce((s, v) => s + v, 0),
          perToken,
          boundaryAligned: p.aligned,
          contextLength: p.contextLength,
        };
      });
    });

  const pseudoLogLikelihood = (texts: readonly string[], o?: RunOptions) =>
    serial(async (): Promise<PseudoLogLikelihood[]> => {
      requireKind('masked-lm', 'pseudoLogLikelihood');
      if (tok.maskId === null) throw new UnsupportedModelError(`${info.id}'s tokenizer has no mask token.`);
      const maskId = tok.maskId;
      const enc = texts.map((t, i) => {
        const ids = tok.encode(t, true);
        checkLength(ids.length, `text ${i + 1}`);
        return ids;
      });
      // One job per (text, maskable position); batched across texts.
      const jobs: Array<{ text: number; pos: number; ids: number[] }> = [];
      enc.forEach((ids, text) =>
        ids.forEach((id, pos) => {
          if (tok.specialIds.has(id)) return;
          const masked = ids.slice();
          masked[pos] = maskId;
          jobs.push({ text, pos, ids: masked });
        }),
      );
      const values = new Map<string, number>();
      const batches = batchesByLength(
        jobs.map((j) => j.ids.length),
        o?.batchSize ?? 16,
      );
      let done = 0;
      report(o, { stage: 'pseudo-log-likelihood', done, total: jobs.length });
      for (const batch of batches) {
        throwIfAborted(o?.signal);
        const { ids, mask, length } = padBatch(
          batch.map((j) => jobs[j]!.ids),
          tok.padId,
        );
        const { logits, vocab } = await forward({ ids, mask }, { logits: true, hidden: false });
        if (!logits) throw new UnsupportedModelError(`${info.id} returned no logits.`);
        batch.forEach((jobIndex, b) => {
          const job = jobs[jobIndex]!;
          const original = enc[job.text]![job.pos]!;
          values.set(`${job.text}:${job.pos}`, logSoftmaxAt(logits, (b * length + job.pos) * vocab, vocab, original));
        });
        done += batch.length;
        report(o, { stage: 'pseudo-log-likelihood', done, total: jobs.length });
      }
      return enc.map((ids, text) => {
        const kept = ids.map((id, pos) => ({ id, pos })).filter(({ id }) => !tok.specialIds.has(id));
        const logProbs = kept.map(({ pos }) => values.get(`${text}:${pos}`)!);
        return {
          tokens: pieces(kept.map((k) => k.id)),
          ids: kept.map((k) => k.id),
          logProbs,
          total: logProbs.reduce((s, v) => s + v, 0),
        };
      });
    });

  const sentenceEmbeddings = (texts: readonly string[], o?: RunOptions) =>
    serial(async (): Promise<Float32Array[]> => {
      const enc = texts.map((t, i) => {
        const ids = tok.encode(t, true);
        checkLength(ids.length, `text ${i + 1}`);
        return ids;
      });
      const out: Float32Array[] = new Array(texts.length);
      const batches = batchesByLength(
        enc.map((e) => e.length),
        o?.batchSize ?? 8,
      );
      let done = 0;
      report(o, { stage: 'embed', done, total: texts.length });
      for (const batch of batches) {
        throwIfAborted(o?.signal);
        const { ids, mask, length } = padBatch(
          batch.map((i) => enc[i]!),
          tok.padId,
        );
        const res = await forward({ ids, mask }, { logits: false, hidden: true });
        if (!res.hidden || !res.hiddenSize)
          throw new UnsupportedModelError(
            `${info.id}'s ONNX export has no last_hidden_state output, so it cannot give sentence embeddings ` +
              '(use a feature-extraction export of the encoder).',
          );
        const pooled = meanPool(res.hidden, mask, length, res.hiddenSize);
        batch.forEach((i, b) => (out[i] = pooled[b]!));
        done += batch.length;
        report(o, { stage: 'embed', done, total: texts.length });
      }
      return out;
    });

  const generate = (prompt: string, o: GenerateOptions) =>
    serial(async (): Promise<GenerateResult> => {
      requireKind('causal-lm', 'generate');
      if (!(Number.isInteger(o.maxNewTokens) && o.maxNewTokens >= 0))
        throw new InvalidOptionError(`maxNewTokens must be a non-negative integer, got ${o.maxNewTokens}`);
      let ids = tok.encode(prompt, true);
      if (ids.length === 0) {
        const bos = tok.bosId ?? tok.eosId;
        if (bos === null) throw new InvalidOptionError('empty prompt and no BOS token to start from.');
        ids = [bos];
      }
      const rng = o.greedy ? null : createRng(o.seed);
      const newIds: number[] = [];
      const logProbs: number[] = [];
      let finishReason: GenerateResult['finishReason'] = 'length';
      report(o, { stage: 'generate', done: 0, total: o.maxNewTokens });
      for (let step = 0; step < o.maxNewTokens; step++) {
        throwIfAborted(o.signal);
        checkLength(ids.length + 1, 'prompt + generated text');
        // Full recompute each step (no KV cache): simple and exact; fine for short probe continuations.
        const { logits, vocab } = await forward({ ids: [ids], mask: [ids.map(() => 1)] }, { logits: true, hidden: false });
        if (!logits) throw new UnsupportedModelError(`${info.id} returned no logits.`);
        const off = (ids.length - 1) * vocab;
        const next = o.greedy || !rng ? argmax(logits, off, vocab) : sampleToken(logits, off, vocab, o.temperature, rng, o.topK);
        logProbs.push(logSoftmaxAt(logits, off, vocab, next));
        newIds.push(next);
        ids = [...ids, next];
        report(o, { stage: 'generate', done: step + 1, total: o.maxNewTokens });
        if ((o.stopAtEos ?? true) && next === tok.eosId) {
          finishReason = 'eos';
          break;
        }
      }
      return { text: tok.decode(newIds), tokens: pieces(newIds), ids: newIds, logProbs, finishReason };
    });

  return {
    info,
    tokenize(text) {
      const ids = tok.encode(text, true);
      return { tokens: pieces(ids), ids };
    },
    tokenLogProbs,
    continuationLogProbs,
    continuationLogProb: (prefix, continuation, o) => continuationLogProbs([{ prefix, continuation }], o).then((r) => r[0]!),
    pseudoLogLikelihood,
    sentenceEmbeddings,
    generate,
    dispose: () =>
      serial(async () => {
        disposed = true;
        await parts.dispose?.();
      }).catch(() => undefined),
  };
}
