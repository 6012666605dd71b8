// The one description of what a language model does for a probe run, and the batching layer in
// front of it. Everything else that describes a model's operations derives from the types here: the
// runtime's LanguageModel (src/runtime/lm/types.ts) implements the interface structurally and takes
// the same generation settings and progress; the model worker's LM service and the endpoint the
// scoring worker reaches it through (src/runtime/lm/service.ts, LmScorerEndpoint) are this
// interface with the options that cannot be posted taken out. The core never imports the runtime, and tests implement it with
// a few lines of arithmetic (tests/core/lmRun/fakeScorer.ts).
//
// Why a batching layer here: every family needs many short scorings (a probe of 48 template pairs is
// 96 continuations; 40 MCQs in 4 orders with 4 labels are 640). ScoreBatcher
//   - de-duplicates identical requests (the same sentence in two pairs, the same prompt + label),
//   - orders requests so that texts sharing a prefix are adjacent (the runtime pads by length, and a
//     future prefix cache can reuse the shared part),
//   - sends up to `batchSize` × REQUEST_BATCHES_PER_CALL requests per scorer call (batchSize = 1:
//     one request per call, the naive one-by-one baseline), with batchSize passed on as the
//     sequences per forward pass. Larger calls than one pass let the runtime see more of the probe
//     at once: it groups shared prefixes across all of a call's requests and fills its passes by
//     length (lm-counterfactual-occupations: ≈30% less model time on ORT-web WASM and on
//     onnxruntime-node than with calls of one batch; -basic: within this machine's noise). Progress
//     still moves per forward pass (the scorer reports inside a call), and the AbortSignal is checked
//     between calls and handed to the scorer.
// The numbers do not depend on the batching: each request's score is looked up by its key, and the
// runtime's batched forward pass equals one-at-a-time (runtime tests) — so batch size is not part of
// the run record's reproducibility contract beyond float32 rounding of the matmuls.
import { CancelledError, UnsupportedModelError } from '../errors';

/**
 * Progress inside one call, reported by the model after each forward pass; `done / total` is the
 * share of the call's work done (units are the model's: sequences, masked positions, new tokens).
 */
export interface CallProgress {
  done: number;
  total: number;
}

export interface ScorerCallOptions {
  signal?: AbortSignal;
  /** Sequences per forward pass inside the model (the runtime's RunOptions.batchSize). */
  batchSize?: number;
  onProgress?: (p: CallProgress) => void;
}

/** Forward passes' worth of requests per scorer call (see the header). */
export const REQUEST_BATCHES_PER_CALL = 8;

/** log p of a whole text: one entry per scored token (the first token is conditioned on BOS). */
export interface ScoredTokens {
  logProbs: readonly number[];
  total: number;
}

/** log p(continuation | prefix): summed and per token (tokens straddling the boundary are scored). */
export interface ScoredContinuation {
  total: number;
  perToken: readonly { logProb: number }[];
}

/** Masked-LM pseudo-log-likelihood: per non-special token, log p(token | rest with it masked). */
export interface ScoredPll {
  ids: readonly number[];
  logProbs: readonly number[];
  total: number;
}

/** What to generate: plain data, so the same settings cross threads unchanged. */
export type GenerationSettings = {
  /** New tokens at most; fewer when the model's context ends first. */
  maxNewTokens: number;
  /** Stop when the model emits EOS (default true). */
  stopAtEos?: boolean;
  /** Send the prompt as one user message through the model's chat template, if it has one. */
  chat?: boolean;
} & ({ greedy: true } | { greedy?: false; temperature: number; topK?: number; seed: number });

export type ScorerGenerateOptions = ScorerCallOptions & GenerationSettings;

/**
 * What the orchestration needs from a language model. All operations are optional so a masked LM
 * (pseudoLogLikelihood only), a causal LM and a fake scorer all fit; a family that needs a missing
 * operation fails with UnsupportedModelError naming it.
 */
export interface LanguageModelScorer {
  /** `maxLength`: longest sequence the model accepts (prompt + generated tokens), when known. */
  readonly info?: { id?: string; kind?: string; maxLength?: number };
  /** Token ids of a text (used to fit generation into maxLength). */
  tokenize?(text: string): { ids: readonly number[] };
  /** Causal LM: log-probs of every token of each text. */
  tokenLogProbs?(texts: readonly string[], opts?: ScorerCallOptions): Promise<readonly ScoredTokens[]>;
  /** Causal LM: log p(continuation | prefix) for each pair. */
  continuationLogProbs?(pairs: ReadonlyArray<{ prefix: string; continuation: string }>, opts?: ScorerCallOptions): Promise<readonly ScoredContinuation[]>;
  /** Masked LM. */
  pseudoLogLikelihood?(texts: readonly string[], opts?: ScorerCallOptions): Promise<readonly ScoredPll[]>;
  /**
   * One representation vector per text: the model's last hidden layer averaged over the text's
   * tokens (attention-masked). Only exports that output hidden states offer it.
   */
  hiddenStates?(texts: readonly string[], opts?: ScorerCallOptions): Promise<readonly Float32Array[]>;
  /** Causal LM: generated continuation of a prompt (greedy or seeded sampling). */
  generate?(prompt: string, opts: ScorerGenerateOptions): Promise<{ text: string; chatTemplate?: boolean }>;
}

/** Progress of an LM probe run: scoring/generation calls, then the statistics. */
export interface LmRunProgress {
  stage: 'score' | 'generate' | 'analyze';
  done: number;
  total: number;
}

export interface BatcherOptions {
  /** Requests per scorer call (≥ 1; 1 = one-by-one). */
  batchSize: number;
  signal?: AbortSignal;
  onProgress?: (p: LmRunProgress) => void;
}

const throwIfAborted = (signal?: AbortSignal): void => {
  if (signal?.aborted) throw new CancelledError('The probe run was cancelled.');
};

const requireOp = <K extends keyof LanguageModelScorer>(scorer: LanguageModelScorer, op: K, what: string): NonNullable<LanguageModelScorer[K]> => {
  const fn = scorer[op];
  if (typeof fn !== 'function') {
    const model = scorer.info?.id ? `model "${scorer.info.id}"${scorer.info.kind ? ` (${scorer.info.kind})` : ''}` : 'this model';
    throw new UnsupportedModelError(`${what} needs ${String(op)}, which ${model} does not offer.`);
  }
  return (fn as (...a: unknown[]) => unknown).bind(scorer) as NonNullable<LanguageModelScorer[K]>;
};

/** Check that a scorer can run a family before any work is done (clear error up front). */
export function checkScorerKind(scorer: LanguageModelScorer, needs: 'causal' | 'masked' | 'generate', what: string): void {
  const kind = scorer.info?.kind;
  if (needs === 'masked') {
    if (kind === 'causal-lm') throw new UnsupportedModelError(`${what} scores masked-LM pseudo-log-likelihoods; "${scorer.info?.id ?? 'this model'}" is a causal LM. Use a masked LM (e.g. workbench/tiny-bert) or scoring "causal-full".`);
    requireOp(scorer, 'pseudoLogLikelihood', what);
    return;
  }
  if (kind === 'masked-lm') throw new UnsupportedModelError(`${what} needs a causal LM; "${scorer.info?.id ?? 'this model'}" is a masked LM.`);
  if (needs === 'generate') requireOp(scorer, 'generate', what);
  else {
    requireOp(scorer, 'tokenLogProbs', what);
    requireOp(scorer, 'continuationLogProbs', what);
  }
}

const SEP = '\u0000';

/**
 * Collects scoring requests, then runs them in de-duplicated, prefix-grouped batches. Usage:
 *   const b = new ScoreBatcher(scorer, opts); const h = b.continuation(p, c); await b.flush(); b.value(h)
 */
export class ScoreBatcher {
  private readonly texts = new Map<string, ScoredTokens | null>();
  private readonly continuations = new Map<string, { prefix: string; continuation: string; result: ScoredContinuation | null }>();
  private readonly plls = new Map<string, ScoredPll | null>();
  private done = 0;

  constructor(
    private readonly scorer: LanguageModelScorer,
    private readonly options: BatcherOptions,
  ) {}

  /** Request log-probs of a whole text (causal). Returns the key to read the result with. */
  text(text: string): string {
    if (!this.texts.has(text)) this.texts.set(text, null);
    return text;
  }

  /** Request log p(continuation | prefix) (causal), with its per-token scores. */
  continuation(prefix: string, continuation: string): string {
    const key = prefix + SEP + continuation;
    if (!this.continuations.has(key)) this.continuations.set(key, { prefix, continuation, result: null });
    return key;
  }

  /**
   * Request log p(candidate | prompt) for an answer label or word: the same number as
   * continuation(), under a key of its own, so a probe's answer candidates keep their place in the
   * request order (and so in the forward passes) whatever continuations it also asks for.
   */
  candidate(prompt: string, candidate: string): string {
    const key = 'c' + SEP + prompt + SEP + candidate;
    if (!this.continuations.has(key)) this.continuations.set(key, { prefix: prompt, continuation: candidate, result: null });
    return key;
  }

  /** Request a pseudo-log-likelihood (masked). */
  pll(text: string): string {
    if (!this.plls.has(text)) this.plls.set(text, null);
    return text;
  }

  /** Number of distinct requests not yet scored. */
  get pending(): number {
    let n = 0;
    for (const v of this.texts.values()) if (!v) n++;
    for (const v of this.continuations.values()) if (!v.result) n++;
    for (const v of this.plls.values()) if (!v) n++;
    return n;
  }

  /** Score everything requested so far. */
  async flush(what = 'this probe'): Promise<void> {
    const total = this.done + this.pending;
    const { batchSize, signal } = this.options;
    let reported = -1;
    const report = (done = this.done) => {
      if (done <= reported) return;
      reported = done;
      this.options.onProgress?.({ stage: 'score', done, total });
    };
    const callOpts: ScorerCallOptions = { batchSize, ...(signal ? { signal } : {}) };
    /** Share of a call's work done, from the scorer's in-call progress. */
    const share = (p: CallProgress) => Math.min(1, Math.max(0, p.total > 0 ? p.done / p.total : 0));
    const perCall = batchSize === 1 ? 1 : batchSize * REQUEST_BATCHES_PER_CALL;
    /** Calls of up to `perCall` items, in order; `store` keeps each call's results. */
    const inCalls = async <T, R>(items: readonly T[], name: string, call: (chunk: T[], o: ScorerCallOptions) => Promise<readonly R[]>, store: (item: T, r: R) => void) => {
      for (let i = 0; i < items.length; i += perCall) {
        throwIfAborted(signal);
        const chunk = items.slice(i, i + perCall);
        const base = this.done;
        const out = await call(chunk, { ...callOpts, onProgress: (p) => report(base + Math.floor(chunk.length * share(p))) });
        checkLength(out, chunk.length, name);
        chunk.forEach((item, j) => store(item, out[j]!));
        this.done += chunk.length;
        report();
      }
    };

    const textKeys = [...this.texts].filter(([, v]) => !v).map(([k]) => k);
    if (textKeys.length) {
      const op = requireOp(this.scorer, 'tokenLogProbs', what);
      await inCalls(textKeys, 'tokenLogProbs', op, (k, r) => this.texts.set(k, r));
    }

    const contKeys = [...this.continuations].filter(([, v]) => !v.result).map(([k]) => k);
    if (contKeys.length) {
      // Group by prefix (stable, in first-request order of each prefix) so shared prefixes are adjacent.
      const byPrefix = new Map<string, string[]>();
      for (const k of contKeys) {
        const p = this.continuations.get(k)!.prefix;
        const list = byPrefix.get(p);
        if (list) list.push(k);
        else byPrefix.set(p, [k]);
      }
      const ordered = [...byPrefix.values()].flat();
      const op = requireOp(this.scorer, 'continuationLogProbs', what);
      await inCalls(
        ordered,
        'continuationLogProbs',
        (chunk, o) =>
          op(
            chunk.map((k) => {
              const c = this.continuations.get(k)!;
              return { prefix: c.prefix, continuation: c.continuation };
            }),
            o,
          ),
        (k, r) => (this.continuations.get(k)!.result = r),
      );
    }

    const pllKeys = [...this.plls].filter(([, v]) => !v).map(([k]) => k);
    if (pllKeys.length) {
      const op = requireOp(this.scorer, 'pseudoLogLikelihood', what);
      await inCalls(pllKeys, 'pseudoLogLikelihood', op, (k, r) => this.plls.set(k, r));
    }
  }

  textScore(key: string): ScoredTokens {
    const v = this.texts.get(key);
    if (!v) throw new Error(`internal: text "${key}" was not scored (flush first)`);
    return v;
  }

  continuationScore(key: string): ScoredContinuation {
    const v = this.continuations.get(key)?.result;
    if (!v) throw new Error(`internal: continuation ${JSON.stringify(key)} was not scored (flush first)`);
    return v;
  }

  pllScore(key: string): ScoredPll {
    const v = this.plls.get(key);
    if (!v) throw new Error(`internal: PLL of "${key}" was not scored (flush first)`);
    return v;
  }
}

function checkLength(out: { length: number }, expected: number, op: string): void {
  if (out.length !== expected) throw new UnsupportedModelError(`the model's ${op} returned ${out.length} results for ${expected} inputs`);
}

/** The continuation after a prompt for a label: a space is added unless the prompt ends in white space. */
export const labelContinuation = (prompt: string, label: string): string => (/\s$/.test(prompt) ? label : ` ${label}`);
