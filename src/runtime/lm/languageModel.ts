// The LM operations (log-probs, continuation scoring, pseudo-log-likelihood, embeddings, seeded
// generation) written against two small seams — a tokenizer and a batched forward pass — instead of
// transformers.js directly. The loader (load.ts) plugs transformers.js in; unit tests can plug in a
// toy model. Why this shape:
//  - Batching pads on the right with an attention mask. A causal model never attends forward and a
//    masked model ignores masked keys, so every real position sees exactly what it would see alone:
//    batched results equal one-at-a-time results (to float32 rounding of the matmuls).
//  - One promise chain per model serialises operations (ORT web sessions fail on concurrent runs:
//    "Session already started"), and the AbortSignal is checked between batches.
//  - Log-softmax runs in float64 (math.ts), or — for exports with a `logits_logsumexp` output (the
//    embedded tiny GPT-2, scripts/lm/onnx_utils.py) — the graph supplies each position's
//    log-normaliser and a log-prob is one subtraction (RunOptions.graphLogSumExp).
import { CancelledError, InvalidOptionError, UnsupportedModelError } from '../../core/errors';
import { createRng } from '../../core/rng';
import { pastRow, stackPasts } from './kvCache';
import { continuationBoundaries } from './continuationBoundary';
import { coveringRows } from './coveringRows';
import { prefixGroups } from './prefixGroups';
import { argmax, batchesByLength, batchesByPadding, logProbGivenLogSumExp, logSoftmaxAt, logSumExp, meanPool, padBatch, sampleToken } from './math';
import type {
  CausalScoreOptions,
  ContinuationLogProb,
  GenerateOptions,
  GenerateResult,
  LanguageModel,
  LmInfo,
  LmPassProgress,
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
  /**
   * Ids of `message` as one user turn through the tokenizer's chat template, ending with the
   * assistant's generation prompt; absent when the tokenizer has no chat template.
   */
  chatIds?(message: string): number[];
}

interface ForwardInput {
  ids: number[][];
  mask: number[][];
  /**
   * Flat positions (row · seq + column) whose logits are needed, ascending; absent: all. A graph that
   * can compute only those (logitsAtPositions.ts) returns just them, with `logitsRow`.
   */
  logitsAt?: readonly number[];
}
export interface ForwardOutput {
  /** [batch, seq, vocab] row-major; with `logitsRow`, [logitsAt.length, vocab]. */
  logits?: Float32Array;
  /** When only `logitsAt` were computed: the logits row (and logSumExp entry) of each flat position, −1 for the others. */
  logitsRow?: Int32Array;
  vocab: number;
  /** [batch, seq, hidden] when asked for and the export has it. */
  hidden?: Float32Array;
  hiddenSize?: number;
  /** [batch, seq] log Σ exp(logits) per position, when the export has `logits_logsumexp` and logits were asked for. */
  logSumExp?: Float32Array | Float64Array;
}
export type ForwardFn = (input: ForwardInput, want: { logits: boolean; hidden: boolean }) => Promise<ForwardOutput>;

/** Key/value data in the graph's own element type: float32, or float16 as half bits. */
export type KvArray = Float32Array | Uint16Array;

/** Key/value cache of a causal LM: one tensor per past_key_values input, each [batch, heads, length, headDim]. */
export interface PastKv {
  batch: number;
  length: number;
  heads: number;
  headDim: number;
  /** Element type of `tensors` (what the graph takes as past_key_values). */
  type: 'float32' | 'float16';
  tensors: KvArray[];
}
interface CachedForwardInput {
  /** [B][S] current tokens, right-padded; mask 1 for real tokens. */
  ids: number[][];
  mask: number[][];
  /** Keys/values of earlier positions for each row (batch B), or null for none. */
  past: PastKv | null;
  /** [B][past.length]: 1 where the past position is real (rows may have shorter pasts, right-padded). */
  pastMask: number[][] | null;
  /** As ForwardInput.logitsAt, over the current positions. */
  logitsAt?: readonly number[];
}
interface CachedForwardOutput {
  /** [B, S, vocab] logits of the current positions; with `logitsRow`, [logitsAt.length, vocab]. */
  logits: Float32Array;
  /** As ForwardOutput.logitsRow. */
  logitsRow?: Int32Array;
  vocab: number;
  /** Keys/values of past + current positions ([B, heads, past.length + S, headDim]). */
  present: PastKv;
  /** [B, S] log Σ exp(logits) per position, when the export has `logits_logsumexp`. */
  logSumExp?: Float32Array | Float64Array;
}
/** A forward pass that takes and returns the KV cache (causal exports with past_key_values). */
export type CachedForwardFn = (input: CachedForwardInput) => Promise<CachedForwardOutput>;

interface LanguageModelParts {
  info: LmInfo;
  tokenizer: LmTokenizer;
  forward: ForwardFn;
  /**
   * Optional KV-cache pass. When given, causal scoring runs each shared prefix once and only the
   * differing suffixes per sequence, and generate() feeds one new token per step.
   */
  cachedForward?: CachedForwardFn;
  dispose?: () => Promise<void>;
}

/**
 * A forward pass's fixed cost, in token positions: the padding-cost batching and whether a prefix
 * pass pays. Measured with the bench's one-sentence vs batch-8 rows on the embedded GPT: a pass costs
 * ≈17 positions' worth on onnxruntime-node (1.8 ms vs 0.10 ms per position) and on ORT-web WASM with
 * 2 threads (4.2 ms vs 0.25 ms).
 */
const PASS_OVERHEAD = 16;
/**
 * Logits one KV-path pass may return (rows × positions × vocabulary), as a cap on its padded
 * positions: 512 on the embedded GPT (8,192 words). Passes of 16 rows of ~105 tokens (1,700
 * positions, 55 MB of logits) cost the decision probe 30% more CPU than passes capped here
 * (CLI user+sys 9.7–10.0 s vs 6.7–7.4 s, alternated in one run), for the same positions computed.
 */
const LOGITS_PER_PASS = 4 * 2 ** 20;
/** Positions of shared prefixes whose keys/values one wave keeps (tiny GPT-2: 6 MB; GPT-2 small: 75 MB). */
const PAST_POSITIONS_PER_WAVE = 1024;

const throwIfAborted = (signal?: AbortSignal) => {
  if (signal?.aborted) throw new CancelledError('The model run was cancelled.');
};

export function createLanguageModel(parts: LanguageModelParts): LanguageModel {
  const { info, tokenizer: tok, forward, cachedForward } = parts;
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
  const report = (o: RunOptions | undefined, p: LmPassProgress) => o?.onProgress?.(p);

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
   * out[i][k] = log p(seqs[i][from[i] + k] | seqs[i][< from[i] + k]) for every k up to the end of the
   * sequence (from[i] ≥ 1). The model reads rows, not requests (coveringRows.ts): one row serves
   * every sequence whose input (all but its last token) it begins with, so identical sequences and
   * a prompt's answers are run once. Without a KV cache: rows are batched by length and
   * right-padded. With one (cachedForward): rows sharing a prefix run that prefix once, then only
   * their own suffixes, with the prefix's keys/values stacked over the batch. Log-softmax is
   * evaluated only at positions whose next token is scored, once per row position.
   */
  const scoreRanges = async (seqs: readonly number[][], from: readonly number[], o: RunOptions | undefined): Promise<number[][]> => {
    const out: number[][] = seqs.map((s, i) => new Array<number>(Math.max(0, s.length - from[i]!)));
    const scored = seqs.map((_, i) => i).filter((i) => seqs[i]!.length > from[i]!);
    // A batch-dependent graph (info.passes) runs every distinct sequence whole, as it would alone.
    const whole = info.passes === 'one-sequence-per-pass';
    const cover = coveringRows(
      scored.map((i) => (whole ? seqs[i]! : seqs[i]!.slice(0, -1))),
      !whole,
    );
    const rows = cover.rows;
    const members = cover.members.map((m) => m.map((k) => scored[k]!));
    const batchSize = o?.batchSize ?? 8;
    const total = seqs.length;
    let done = total - scored.length;
    report(o, { stage: 'score', done, total });
    const useGraphLse = o?.graphLogSumExp !== false;
    /** One pass's rows: row r's positions [lo, hi) sit at flat positions base … base + hi − lo − 1 of the pass. */
    type PassRow = { r: number; base: number; lo: number; hi: number };
    /** Row positions p in [lo, hi) that predict a scored target of sequence i: [first, end). */
    const predicting = (i: number, lo: number, hi: number): [number, number] => [Math.max(lo, from[i]! - 1), Math.min(hi, seqs[i]!.length - 1)];
    /** The flat positions of a pass whose logits its rows' scored targets need, ascending. */
    const scoredPositions = (passRows: readonly PassRow[]): number[] => {
      const at = new Set<number>();
      for (const { r, base, lo, hi } of passRows)
        for (const i of members[r]!) {
          const [first, end] = predicting(i, lo, hi);
          for (let p = first; p < end; p++) at.add(base + p - lo);
        }
      return [...at].sort((a, b) => a - b);
    };
    /**
     * Score the targets of row r whose predicting position p lies in [lo, hi), from a pass whose flat
     * position (row · seqLength + column) of row position p is `base + p − lo`; its logits are in
     * row `logitsRow[flat]` when the pass computed only the positions asked for.
     */
    const scoreRow = ({ r, base, lo, hi }: PassRow, pass: { logits: Float32Array; vocab: number; logSumExp?: Float32Array | Float64Array; logitsRow?: Int32Array }) => {
      const { logits, vocab, logSumExp: lse, logitsRow } = pass;
      const logZ = new Float64Array(hi - lo).fill(Number.NaN);
      for (const i of members[r]!) {
        const seq = seqs[i]!;
        const [first, end] = predicting(i, lo, hi);
        for (let p = first; p < end; p++) {
          const flat = base + p - lo;
          const at = logitsRow ? logitsRow[flat]! : flat;
          let z = logZ[p - lo]!;
          if (Number.isNaN(z)) z = logZ[p - lo] = lse && useGraphLse ? lse[at]! : logSumExp(logits, at * vocab, vocab);
          out[i]![p + 1 - from[i]!] = logProbGivenLogSumExp(logits, at * vocab, vocab, seq[p + 1]!, z);
        }
      }
    };
    const progress = (rs: readonly number[]) => {
      done += rs.reduce((s, r) => s + members[r]!.length, 0);
      report(o, { stage: 'score', done: Math.min(done, total), total });
    };

    if (!cachedForward || o?.kvCache === false) {
      for (const batch of batchesByLength(
        rows.map((r) => r.length),
        batchSize,
      )) {
        throwIfAborted(o?.signal);
        const { ids, mask, length } = padBatch(
          batch.map((r) => rows[r]!),
          tok.padId,
        );
        const passRows = batch.map((r, b) => ({ r, base: b * length, lo: 0, hi: rows[r]!.length }));
        const pass = await forward({ ids, mask, logitsAt: scoredPositions(passRows) }, { logits: true, hidden: false });
        const logits = pass.logits;
        if (!logits) throw new UnsupportedModelError(`${info.id} returned no logits.`);
        const scored = { ...pass, logits };
        passRows.forEach((row) => scoreRow(row, scored));
        progress(batch);
      }
    } else {
      const maxPositions = info.vocabularySize > 0 ? Math.max(1, Math.floor(LOGITS_PER_PASS / info.vocabularySize)) : Infinity;
      // 1. Groups: the partition of the rows into prefix-sharing runs that computes the fewest
      //    positions (prefixGroups.ts); none at all when the sharing would not pay for the extra prefix pass.
      type Group = { members: number[]; length: number };
      const found = prefixGroups(rows);
      let shared: Group[] = found.groups;
      const solo: number[] = found.solo;
      if (shared.reduce((s, g) => s + (g.members.length - 1) * g.length, 0) < PASS_OVERHEAD) {
        solo.push(...shared.flatMap((g) => g.members));
        shared = [];
      }
      // Waves: the kept keys/values of a wave's prefixes are bounded (PAST_POSITIONS_PER_WAVE), so a
      // call of many long shared prompts on a large model does not hold them all at once.
      const waves: Group[][] = [[]];
      let kept = 0;
      for (const g of shared) {
        if (kept + g.length > PAST_POSITIONS_PER_WAVE && waves.at(-1)!.length) {
          waves.push([]);
          kept = 0;
        }
        waves.at(-1)!.push(g);
        kept += g.length;
      }
      for (const [w, wave] of waves.entries()) {
        const alone = w === waves.length - 1 ? solo : [];
        // 2. Shared prefixes: one run each (batched), keep their keys/values, score the positions inside.
        const pastOf = new Map<number, PastKv>();
        for (const batch of batchesByPadding(
          wave.map((g) => g.length),
          batchSize,
          PASS_OVERHEAD,
          maxPositions,
        )) {
          throwIfAborted(o?.signal);
          const gs = batch.map((j) => wave[j]!);
          const { ids, mask, length } = padBatch(
            gs.map((g) => rows[g.members[0]!]!.slice(0, g.length)),
            tok.padId,
          );
          const passRows = gs.flatMap((g, b) => g.members.map((r) => ({ r, base: b * length, lo: 0, hi: g.length })));
          const pass = await cachedForward({ ids, mask, past: null, pastMask: null, logitsAt: scoredPositions(passRows) });
          passRows.forEach((row) => scoreRow(row, pass));
          gs.forEach((g, b) => {
            const past = pastRow(pass.present, b, g.length);
            for (const r of g.members) pastOf.set(r, past);
          });
        }
        // 3. Suffixes: every row's own tokens after its shared prefix (all of it when solo).
        const jobs = [...wave.flatMap((g) => g.members.map((r) => ({ r, L: g.length }))), ...alone.map((r) => ({ r, L: 0 }))];
        for (const batch of batchesByPadding(
          jobs.map((j) => rows[j.r]!.length - j.L),
          batchSize,
          PASS_OVERHEAD,
          maxPositions,
        )) {
          throwIfAborted(o?.signal);
          const js = batch.map((j) => jobs[j]!);
          const { ids, mask, length } = padBatch(
            js.map((j) => rows[j.r]!.slice(j.L)),
            tok.padId,
          );
          const anyPast = js.some((j) => j.L > 0);
          const empty = (): PastKv => ({ batch: 1, length: 0, heads: 0, headDim: 0, type: 'float32', tensors: [] });
          const stacked = anyPast ? stackPasts(js.map((j) => (j.L > 0 ? pastOf.get(j.r)! : empty()))) : null;
          const passRows = js.map(({ r, L }, b) => ({ r, base: b * length, lo: L, hi: rows[r]!.length }));
          const pass = await cachedForward({
            ids,
            mask,
            past: stacked?.past ?? null,
            pastMask: stacked?.mask ?? null,
            logitsAt: scoredPositions(passRows),
          });
          passRows.forEach((row) => scoreRow(row, pass));
          progress(js.map((j) => j.r));
        }
      }
    }
    if (done < total) report(o, { stage: 'score', done: total, total });
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
      const lps = await scoreRanges(
        enc.map((e) => e.ids),
        enc.map(() => 1),
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
      const boundary = continuationBoundaries((ids) => tok.decode(ids));
      const plans = pairs.map(({ prefix, continuation }, i) => {
        if (continuation.length === 0) throw new InvalidOptionError(`pair ${i + 1}: the continuation is empty.`);
        const { ids, bos } = causalIds(prefix + continuation, o?.prependBos);
        checkLength(ids.length, `pair ${i + 1}`);
        const start = bos ? 1 : 0;
        const { k, aligned } = boundary(prefix, ids, start);
        const contextLength = start + k;
        if (contextLength === 0)
          throw new InvalidOptionError(
            `pair ${i + 1}: nothing to condition on (empty prefix and no BOS token); use prependBos or a non-empty prefix.`,
          );
        return { ids, contextLength, aligned };
      });
      const lps = await scoreRanges(
        plans.map((p) => p.ids),
        plans.map((p) => p.contextLength),
        o,
      );
      return plans.map((p, i) => {
        const scoredIds = p.ids.slice(p.contextLength);
        const scored = lps[i]!;
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

  const hiddenStates = (texts: readonly string[], o?: RunOptions) =>
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
            `${info.id}'s ONNX export outputs no hidden states (no "last_hidden_state"; ${info.kind === 'causal-lm' ? 'a text-generation export gives only logits and keys/values' : 'a fill-mask export gives only logits'}), ` +
              'so a representation of its texts cannot be read. Pick a feature-extraction export of the model (its onnx/model.onnx outputs last_hidden_state, e.g. Xenova/all-MiniLM-L6-v2).',
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
      const chatTemplate = o.chat === true && tok.chatIds !== undefined;
      let ids: number[];
      try {
        ids = chatTemplate ? tok.chatIds!(prompt) : tok.encode(prompt, true);
      } catch (e) {
        throw new UnsupportedModelError(`${info.id}'s chat template could not be applied (${e instanceof Error ? e.message : String(e)}); send prompts as raw text instead.`);
      }
      if (ids.length === 0) {
        const bos = tok.bosId ?? tok.eosId;
        if (bos === null) throw new InvalidOptionError('empty prompt and no BOS token to start from.');
        ids = [bos];
      }
      // At most what fits in the model's context after the prompt (which a chat template lengthens).
      const room = info.maxLength === undefined ? Infinity : info.maxLength - ids.length;
      if (o.maxNewTokens > 0 && room < 1)
        throw new InvalidOptionError(`the prompt is ${ids.length} tokens long${chatTemplate ? ' in the chat template' : ''}; ${info.id} accepts at most ${info.maxLength}, which leaves no room for an answer.`);
      const steps = Math.min(o.maxNewTokens, room);
      const rng = o.greedy ? null : createRng(o.seed);
      const newIds: number[] = [];
      const logProbs: number[] = [];
      let finishReason: GenerateResult['finishReason'] = 'length';
      report(o, { stage: 'generate', done: 0, total: o.maxNewTokens });
      // With a KV cache: the prompt once, then one token per step on top of the cached keys/values.
      // Without (or kvCache: false): full recompute of the whole sequence each step.
      const useCache = cachedForward !== undefined && o.kvCache !== false;
      let past: PastKv | null = null;
      let feed = ids;
      for (let step = 0; step < steps; step++) {
        throwIfAborted(o.signal);
        let logits: Float32Array | undefined;
        let vocab: number;
        if (useCache) {
          const r: CachedForwardOutput = await cachedForward({ ids: [feed], mask: [feed.map(() => 1)], past, pastMask: past ? [new Array<number>(past.length).fill(1)] : null });
          ({ logits, vocab } = r);
          past = r.present;
        } else ({ logits, vocab } = await forward({ ids: [ids], mask: [ids.map(() => 1)] }, { logits: true, hidden: false }));
        if (!logits) throw new UnsupportedModelError(`${info.id} returned no logits.`);
        const off = ((useCache ? feed.length : ids.length) - 1) * vocab;
        const next = o.greedy || !rng ? argmax(logits, off, vocab) : sampleToken(logits, off, vocab, o.temperature, rng, o.topK);
        logProbs.push(logSoftmaxAt(logits, off, vocab, next));
        newIds.push(next);
        ids = [...ids, next];
        feed = [next];
        report(o, { stage: 'generate', done: step + 1, total: o.maxNewTokens });
        if ((o.stopAtEos ?? true) && next === tok.eosId) {
          finishReason = 'eos';
          break;
        }
      }
      return { text: tok.decode(newIds), tokens: pieces(newIds), ids: newIds, logProbs, finishReason, chatTemplate };
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
    hiddenStates,
    generate,
    dispose: () =>
      serial(async () => {
        disposed = true;
        await parts.dispose?.();
      }).catch(() => undefined),
  };
}
