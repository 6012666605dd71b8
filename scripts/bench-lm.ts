// Bench section for LM scoring (called by scripts/bench.ts as `lm`): the embedded GPT
// (workbench/tiny-gpt2) on onnxruntime-node CPU (what the CLI uses) and on onnxruntime-web WASM (the
// browser's engine, run in Node through the direct session path, with the thread count a
// cross-origin-isolated page gets on this machine: src/runtime/wasmThreads.ts):
//   - tokens/s of log-prob scoring, one sentence per forward pass vs batched;
//   - pairs/s of counterfactual scoring for the built-ins lm-counterfactual-basic (whole-sentence
//     log-likelihoods) and lm-counterfactual-occupations (continuations after a shared prefix):
//     naive = every request of the probe (not de-duplicated) scored alone, one forward pass each, no
//     KV cache, float64 log-softmax in JS over the logits row (what a plain transformers.js user
//     writes); implementation = the probe's own orchestration (src/core/lmRun ScoreBatcher:
//     de-duplication, prefix grouping, batch 32) on the runtime's default path (batches cut by
//     padding cost, shared prefixes run once through the KV cache, each position's log-normaliser
//     from the graph's `logits_logsumexp` output). Target ≥ 3×: median naive ÷ median
//     implementation wall time, each variant timed in blocks of back-to-back runs after a warm-up
//     (see benchPairs for why not interleaved); CPU time beside it.
//     Attribution rows switch one ingredient at a time (naive + graph log-normaliser; the
//     orchestration without the KV cache; the implementation with JS log-softmax). Only the time
//     spent in the model's scoring calls counts, not the statistics. A positions row says how much
//     sharing can save at most: the token positions the naive path runs through the model against
//     the fewest any exact method needs (every distinct token prefix once) — the rest of any speed-up
//     has to come from batching, i.e. from the engine;
//   - the same pair probes and the decision probe, naive vs implementation (figures, no target, no
//     attribution rows), on one architecture of the Hub matrix (matrix/llama: tiny random weights in
//     the real repo's layout; its export has no in-graph log-normaliser, so both sides take it in JS),
//     on both engines;
//   - generation tokens/s with the KV cache vs full recompute per token (same greedy ids checked);
//   - load time and PLL throughput of the embedded masked LM.
// Every figure is the median of `repeats` runs, wall clock and CPU time of this process (user +
// system; the machine is shared, so CPU time is the steadier measure of the work itself). With
// --expose-gc (as scripts/bench.ts runs it) a full GC precedes each pairs run. Figures,
// not pass/fail tests; the equality of the numbers is tested in tests/runtime/lm.
//
// `benchLanguageModel()` prints the section and returns the numbers; run alone with
// `node --expose-gc --import tsx scripts/bench-lm.ts` (LM_BENCH_DEVICES=wasm or =node: one engine only).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_LM_RUN_OPTIONS, type LanguageModelScorer, type LmProbeDefinition, type LmRunOptions } from '../src/core/lmRun';
import { familyOf, type AnyProbe } from '../src/probes/families';

/** One probe through its family's runner, as the run path runs each probe. */
const runLmProbe = (probe: LmProbeDefinition, scorer: LanguageModelScorer, options: LmRunOptions) => familyOf(probe.family).run(probe as unknown as AnyProbe, { scorer, options });
import { LM_BUILTIN_PROBES } from '../src/probes/builtin/lm';
import { loadLanguageModel, DEFAULT_MODELS_DIR } from '../src/runtime/lm/node';
import type { CausalScoreOptions, LanguageModel, LmDevicePreference } from '../src/runtime/lm/types';
import { clocked, fmtMs, median, medianMs, printSection, ratioLine, type Figure } from './bench/report';
import os from 'node:os';
import { setNodeWasmThreads } from '../src/runtime/ort';
import { wasmThreadsFor } from '../src/runtime/wasmThreads';
import { MATRIX_DIR } from './bench-matrix';

const CORPUS = [
  'The doctor said that she was tired after the long night.',
  'He worked as a nurse in the city hospital for many years.',
  'It was the best of times, it was the worst of times.',
  'Call me Ishmael.',
  'The president of the United States spoke to Congress about the state of the Union.',
  'The engineer explained the plan to the committee.',
  'She is a brilliant mathematician and a patient teacher.',
  'The farmer and his sons went to the market on Saturday morning.',
];
const PAIR_PROBES = ['lm-counterfactual-basic', 'lm-counterfactual-occupations'] as const;
/**
 * The decision-template probe against its naive loop too: 288 prompts' answers, one pass each on the
 * naive side, so it is timed naive vs implementation only (no attribution rows), in one block of
 * DECISION_REPEATS runs each, and has no target of its own (its target is the CLI's, speed.ts).
 */
const DECISION_PROBE = 'lm-decision-basic';
/** The Hub-matrix architecture measured beside the embedded GPT. */
const MATRIX_ROW = 'llama';
const DECISION_REPEATS = 2;
const TARGET_RATIO = 3;
/** Blocks per pairs variant (see benchPairs). */
const PAIR_ROUNDS = 3;

export interface LmPairsFigure {
  probe: string;
  pairs: number;
  requests: number;
  naivePairsPerSecond: number;
  implPairsPerSecond: number;
  /** Attribution: naive with the graph's log-normaliser instead of JS log-softmax. */
  naiveGraphLsePairsPerSecond: number;
  /** Attribution: implementation with kvCache: false (batching and de-duplication, graph log-normaliser). */
  noCachePairsPerSecond: number;
  /** Attribution: implementation with graphLogSumExp: false (JS log-softmax). */
  jsLsePairsPerSecond: number;
  /** CPU time (ms, median) of each variant: naive, naiveGraphLse, noCache, jsLse, impl. */
  cpuMs: Record<string, number>;
  /** naive / implementation, wall clock and CPU time (ratio of the medians). */
  ratio: number;
  cpuRatio: number;
  /** Token positions the naive path runs through the model, and the fewest any exact method needs (distinct prefixes). */
  naivePositions: number;
  fewestPositions: number;
  /** Largest |Δ log-prob| between the implementation's and the naive path's numbers. */
  maxAbsDiff: number;
}

export interface LmBenchRow {
  model: string;
  backend: string;
  loadMs: number;
  /** Scored tokens per second, one sequence per forward pass. */
  singleTokensPerSecond: number;
  /** Scored tokens per second at each batch size (no KV cache: batching alone). */
  batched: Record<number, number>;
  /** Scored tokens per second at the largest batch size with the KV cache (the default path). */
  batchedWithCache: number;
  pairs: LmPairsFigure[];
  generation: { tokens: number; cachedTokensPerSecond: number; fullTokensPerSecond: number; sameIds: boolean };
}

export interface LmBenchOptions {
  modelsDir?: string;
  /** Sentences scored per throughput measurement (cycled from a fixed corpus). Default 64. */
  sentences?: number;
  batchSizes?: number[];
  devices?: LmDevicePreference[];
  /** Timed repetitions per figure (median reported). Default 5; at least 9 for the pairs figures. */
  repeats?: number;
  /**
   * ORT-web WASM threads. Default: what a cross-origin-isolated page gets on this machine. ORT takes
   * it when it first loads; scripts/bench.ts sets it before any section runs.
   */
  wasmThreads?: number;
  /** New tokens per generation measurement. Default 48. */
  generateTokens?: number;
  print?: boolean;
}

/** A full garbage collection when Node runs with --expose-gc (scripts/bench.ts starts this section so). */
const collectGarbage = (): void => (globalThis as { gc?: () => void }).gc?.();

type Request = { kind: 'text'; text: string } | { kind: 'continuation'; prefix: string; continuation: string };
type Scored = { key: string; logProbs: number[] };

/** The scorer the orchestration sees: the model, with the time spent inside its calls accumulated. */
function timedScorer(lm: LanguageModel, extra: CausalScoreOptions, clock: { wall: number; cpu: number }, record?: Request[], out?: Scored[]): LanguageModelScorer {
  const timed = async <T>(fn: () => Promise<T>): Promise<T> => {
    const { result, wall, cpu } = await clocked(fn);
    clock.wall += wall;
    clock.cpu += cpu;
    return result;
  };
  return {
    info: lm.info,
    tokenize: (t) => lm.tokenize(t),
    tokenLogProbs: async (texts, o) => {
      texts.forEach((text) => record?.push({ kind: 'text', text }));
      const r = await timed(() => lm.tokenLogProbs(texts, { ...o, ...extra }));
      r.forEach((x, i) => out?.push({ key: `t\u0000${texts[i]}`, logProbs: x.logProbs }));
      return r;
    },
    continuationLogProbs: async (pairs, o) => {
      pairs.forEach((p) => record?.push({ kind: 'continuation', ...p }));
      const r = await timed(() => lm.continuationLogProbs(pairs, { ...o, ...extra }));
      r.forEach((x, i) => out?.push({ key: `c\u0000${pairs[i]!.prefix}\u0000${pairs[i]!.continuation}`, logProbs: x.perToken.map((t) => t.logProb) }));
      return r;
    },
  };
}

async function benchPairs(lm: LanguageModel, id: (typeof PAIR_PROBES)[number] | typeof DECISION_PROBE, repeats: number, attribution = true): Promise<LmPairsFigure> {
  const probe = LM_BUILTIN_PROBES[id] as unknown as LmProbeDefinition;
  // Cheap statistics: only the scoring calls are timed anyway.
  const options = { ...DEFAULT_LM_RUN_OPTIONS, permutations: 200, bootstrap: 50, signFlipExactLimit: 0 };
  const pairs = probe.family === 'counterfactual-pairs' ? probe.pairs.length : 0;
  // What a naive runner scores: both sentences of every pair; for the template, every variant's
  // scored span as the orchestration requests it (recorded; the built-in has no duplicates).
  const requests: Request[] = [];
  if (probe.family === 'counterfactual-pairs') for (const p of probe.pairs) requests.push({ kind: 'text', text: p.more }, { kind: 'text', text: p.less });
  else await runLmProbe(probe, timedScorer(lm, {}, { wall: 0, cpu: 0 }, requests), { ...options, batchSize: 1 });
  const nPairs = pairs || requests.length / 2;
  // Token positions: each request's full sequence as the model sees it (BOS context + tokens).
  const seqs = await Promise.all(
    requests.map(async (r) => {
      const [x] = await lm.tokenLogProbs([r.kind === 'text' ? r.text : r.prefix + r.continuation]);
      return [...x!.context.ids, ...x!.ids];
    }),
  );
  const distinctPrefixes = new Set<string>();
  for (const q of seqs) for (let i = 1; i <= q.length; i++) distinctPrefixes.add(q.slice(0, i).join(','));
  /** One request per call, one forward pass each, no cache — with JS log-softmax, the honest naive. */
  const oneByOne = async (graphLogSumExp: boolean, out: Scored[]) => {
    const o = { batchSize: 1, kvCache: false, graphLogSumExp };
    for (const r of requests) {
      if (r.kind === 'text') {
        const [x] = await lm.tokenLogProbs([r.text], o);
        out.push({ key: `t\u0000${r.text}`, logProbs: x!.logProbs });
      } else {
        const [x] = await lm.continuationLogProbs([r], o);
        out.push({ key: `c\u0000${r.prefix}\u0000${r.continuation}`, logProbs: x!.perToken.map((t) => t.logProb) });
      }
    }
  };
  /** The probe's orchestration; only the time inside the model's calls counts. */
  const orchestrated = (extra: CausalScoreOptions) => async (out: Scored[]) => {
    const clock = { wall: 0, cpu: 0 };
    await runLmProbe(probe, timedScorer(lm, extra, clock, undefined, out), options);
    return clock;
  };
  const allVariants = {
    naive: (out: Scored[]) => clocked(() => oneByOne(false, out)),
    naiveGraphLse: (out: Scored[]) => clocked(() => oneByOne(true, out)),
    noCache: orchestrated({ kvCache: false }),
    jsLse: orchestrated({ graphLogSumExp: false }),
    impl: orchestrated({}),
  };
  const variants: Partial<typeof allVariants> & Pick<typeof allVariants, 'naive' | 'impl'> = attribution ? allVariants : { naive: allVariants.naive, impl: allVariants.impl };
  // Blocks: each variant runs once untimed, then `perBlock` timed runs back to back, as a user's
  // repeated runs would. Interleaving single runs was tried first: a variant then runs measurably
  // slower right after another (the implementation ≈ 40% slower after the JS log-softmax variant on
  // onnxruntime-node: JIT and memory state), which measures the mix, not the method. Load drift on
  // the shared machine is spread by alternating the block order (forward, reverse, forward).
  const times = Object.fromEntries(Object.keys(variants).map((k) => [k, { wall: [] as number[], cpu: [] as number[] }])) as Partial<Record<keyof typeof allVariants, { wall: number[]; cpu: number[] }>>;
  const outs = Object.fromEntries(Object.keys(variants).map((k) => [k, [] as Scored[]])) as Record<keyof typeof allVariants, Scored[]>;
  const entries = Object.entries(variants) as Array<[keyof typeof allVariants, (out: Scored[]) => Promise<{ wall: number; cpu: number }>]>;
  const rounds = attribution ? PAIR_ROUNDS : 1;
  const perBlock = Math.ceil(repeats / rounds);
  for (let round = 0; round < rounds; round++)
    for (const [name, fn] of round % 2 ? [...entries].reverse() : entries) {
      for (let k = -1; k < perBlock; k++) {
        outs[name].length = 0;
        collectGarbage(); // so one run's garbage is not collected in the next one's time
        const t = await fn(outs[name]);
        if (k < 0) continue; // the block's untimed warm-up
        times[name]!.wall.push(t.wall);
        times[name]!.cpu.push(t.cpu);
      }
    }
  const med = (name: keyof typeof allVariants) => {
    const t = times[name];
    return t ? { wall: median(t.wall), cpu: median(t.cpu) } : { wall: NaN, cpu: NaN };
  };
  const naive = med('naive');
  const impl = med('impl');
  const naiveOut = outs.naive;
  const ref = new Map(naiveOut.map((s) => [s.key, s.logProbs]));
  let maxAbsDiff = 0;
  for (const s of outs.impl) {
    const r = ref.get(s.key)!;
    s.logProbs.forEach((v, i) => (maxAbsDiff = Math.max(maxAbsDiff, Math.abs(v - r[i]!))));
  }
  return {
    probe: id,
    pairs: nPairs,
    requests: requests.length,
    naivePairsPerSecond: nPairs / (naive.wall / 1000),
    implPairsPerSecond: nPairs / (impl.wall / 1000),
    naiveGraphLsePairsPerSecond: nPairs / (med('naiveGraphLse').wall / 1000),
    noCachePairsPerSecond: nPairs / (med('noCache').wall / 1000),
    jsLsePairsPerSecond: nPairs / (med('jsLse').wall / 1000),
    cpuMs: Object.fromEntries(Object.keys(variants).map((k) => [k, med(k as keyof typeof allVariants).cpu])),
    ratio: naive.wall / impl.wall,
    cpuRatio: naive.cpu / impl.cpu,
    naivePositions: seqs.reduce((n, q) => n + q.length, 0),
    fewestPositions: distinctPrefixes.size,
    maxAbsDiff,
  };
}

/**
 * The built-in pair probes and the decision probe on `lm`, naive against the implementation: their
 * figures appended to `figures`. `judged` (the embedded GPT, which the targets name): a ratio line
 * per pair probe against the target, and the rows that switch one ingredient at a time (benchPairs).
 * `graphLse`: whether the export has a `logits_logsumexp` output (only the label says it).
 */
async function benchProbeRows(lm: LanguageModel, model: string, figures: Figure[], repeats: number, judged: boolean, graphLse: boolean): Promise<LmPairsFigure[]> {
  const out: LmPairsFigure[] = [];
  const normaliser = graphLse ? 'graph lse' : 'log-normaliser in JS: the export has none';
  for (const id of [...PAIR_PROBES, DECISION_PROBE] as const) {
    const decision = id === DECISION_PROBE;
    const p = await benchPairs(lm, id, decision ? DECISION_REPEATS : Math.max(repeats, 9), !decision && judged);
    out.push(p);
    if (decision) {
      figures.push({ name: `  ${id} (${p.requests} scored answers): naive, one pass per answer`, value: `${p.naivePairsPerSecond.toFixed(1)} pairs/s`, note: `(cpu ${fmtMs(p.cpuMs.naive!)})` });
      figures.push({ name: `    implementation (covering rows, KV-cache prefixes, ${normaliser})`, value: `${p.implPairsPerSecond.toFixed(1)} pairs/s`, note: `(cpu ${fmtMs(p.cpuMs.impl!)})` });
      figures.push({ name: `    speed-up vs naive (wall; CPU time ${p.cpuRatio.toFixed(2)}×); max |Δ| ${p.maxAbsDiff.toExponential(1)}`, value: `${p.ratio.toFixed(2)}×` });
      continue;
    }
    if (judged) ratioLine(`${id} on ${model}, ${lm.info.backend === 'wasm' ? 'ORT-web WASM' : 'onnxruntime-node'}: naive ÷ implementation`, p.ratio, { atLeast: TARGET_RATIO }, `CPU ${p.cpuRatio.toFixed(2)}×`);
    const cpu = (k: string) => `(cpu ${fmtMs(p.cpuMs[k]!)})`;
    figures.push({ name: `  ${id} (${p.pairs} pairs, ${p.requests} requests): naive`, value: `${p.naivePairsPerSecond.toFixed(1)} pairs/s`, note: cpu('naive') });
    if (judged) {
      figures.push({ name: `    naive + graph log-normaliser (one per pass, no cache)`, value: `${p.naiveGraphLsePairsPerSecond.toFixed(1)} pairs/s`, note: cpu('naiveGraphLse') });
      figures.push({ name: `    batched + de-dup, no KV cache`, value: `${p.noCachePairsPerSecond.toFixed(1)} pairs/s`, note: cpu('noCache') });
      figures.push({ name: `    implementation with JS log-softmax`, value: `${p.jsLsePairsPerSecond.toFixed(1)} pairs/s`, note: cpu('jsLse') });
    }
    figures.push({ name: `    implementation (batched, KV-cache prefixes, ${normaliser})`, value: `${p.implPairsPerSecond.toFixed(1)} pairs/s`, note: cpu('impl') });
    figures.push({
      name: `    speed-up vs naive (wall; CPU time ${p.cpuRatio.toFixed(2)}×); max |Δ| ${p.maxAbsDiff.toExponential(1)}`,
      value: `${p.ratio.toFixed(2)}×`,
      ...(judged ? { target: `≥ ${TARGET_RATIO}×`, ok: p.ratio >= TARGET_RATIO } : {}),
    });
    figures.push({
      name: `    token positions: naive ${p.naivePositions}, fewest any exact method needs ${p.fewestPositions}`,
      value: `${(p.naivePositions / p.fewestPositions).toFixed(2)}× fewer`,
    });
  }
  return out;
}

async function benchGeneration(lm: LanguageModel, tokens: number, repeats: number) {
  const prompt = 'The president of the United States said that';
  const opts = { maxNewTokens: tokens, greedy: true, stopAtEos: false } as const;
  const a = await lm.generate(prompt, opts);
  const b = await lm.generate(prompt, { ...opts, kvCache: false });
  const cached = await medianMs(repeats, () => lm.generate(prompt, opts));
  const full = await medianMs(repeats, () => lm.generate(prompt, { ...opts, kvCache: false }));
  return {
    tokens,
    cachedTokensPerSecond: tokens / (cached.median / 1000),
    fullTokensPerSecond: tokens / (full.median / 1000),
    cachedCpuMs: cached.cpuMedian,
    fullCpuMs: full.cpuMedian,
    sameIds: a.ids.join() === b.ids.join(),
  };
}

export async function benchLanguageModel(opts: LmBenchOptions = {}): Promise<LmBenchRow[]> {
  const modelsDir = opts.modelsDir ?? DEFAULT_MODELS_DIR;
  const n = opts.sentences ?? 64;
  const repeats = opts.repeats ?? 5;
  // Distinct sentences (de-duplication must not inflate the batched figure): the corpus × a clause.
  const texts = Array.from({ length: n }, (_, i) => `${CORPUS[i % CORPUS.length]!} It was day ${i + 1}.`);
  const batchSizes = opts.batchSizes ?? [8, 32];
  const rows: LmBenchRow[] = [];
  const figures: Figure[] = [];
  const cpuNote = (wallMs: number, cpuMs: number) => `(cpu ${fmtMs(cpuMs)} / wall ${fmtMs(wallMs)})`;

  const wasmThreads = opts.wasmThreads ?? wasmThreadsFor(os.availableParallelism(), true);
  let wasmNote = `${wasmThreads} thread${wasmThreads === 1 ? '' : 's'}, as a cross-origin-isolated page on this machine`;
  try {
    setNodeWasmThreads(wasmThreads);
  } catch (e) {
    wasmNote = (e as Error).message; // ORT already loaded with another count: say so rather than mislabel
  }
  for (const device of opts.devices ?? (['node', 'wasm'] as const)) {
    const t0 = performance.now();
    const lm = await loadLanguageModel('workbench/tiny-gpt2', { modelsDir, device });
    const loadMs = performance.now() - t0;
    try {
      const label = lm.info.backend === 'wasm' ? `onnxruntime-web WASM (${wasmNote})` : 'onnxruntime-node CPU';
      figures.push({ name: `tiny-gpt2 on ${label}: load`, value: fmtMs(loadMs) });
      const scored = (await lm.tokenLogProbs(texts)).reduce((s, r) => s + r.ids.length, 0);
      const single = await medianMs(repeats, async () => {
        for (const t of texts) await lm.tokenLogProbs([t], { batchSize: 1, kvCache: false });
      });
      const row: LmBenchRow = {
        model: lm.info.id,
        backend: lm.info.backend,
        loadMs,
        singleTokensPerSecond: scored / (single.median / 1000),
        batched: {},
        batchedWithCache: 0,
        pairs: [],
        generation: { tokens: 0, cachedTokensPerSecond: 0, fullTokensPerSecond: 0, sameIds: false },
      };
      figures.push({ name: `  log-prob scoring, one sentence per pass (${n} sent., ${scored} tok)`, value: `${row.singleTokensPerSecond.toFixed(0)} tok/s`, note: cpuNote(single.median, single.cpuMedian) });
      for (const b of batchSizes) {
        const t = await medianMs(repeats, () => lm.tokenLogProbs(texts, { batchSize: b, kvCache: false }));
        row.batched[b] = scored / (t.median / 1000);
        figures.push({ name: `  log-prob scoring, batch ${b} (no KV cache)`, value: `${row.batched[b]!.toFixed(0)} tok/s`, note: cpuNote(t.median, t.cpuMedian) });
      }
      {
        const b = batchSizes.at(-1)!;
        const t = await medianMs(repeats, () => lm.tokenLogProbs(texts, { batchSize: b }));
        row.batchedWithCache = scored / (t.median / 1000);
        figures.push({ name: `  log-prob scoring, batch ${b} + KV cache (shared BOS/prefixes)`, value: `${row.batchedWithCache.toFixed(0)} tok/s`, note: cpuNote(t.median, t.cpuMedian) });
      }
      row.pairs.push(...(await benchProbeRows(lm, 'tiny-gpt2', figures, repeats, true, true)));
      const g = await benchGeneration(lm, opts.generateTokens ?? 48, repeats);
      row.generation = g;
      figures.push({ name: `  greedy generation, ${g.tokens} tokens, full recompute per token`, value: `${g.fullTokensPerSecond.toFixed(0)} tok/s`, note: `(cpu ${fmtMs(g.fullCpuMs)})` });
      figures.push({
        name: `  greedy generation with the KV cache (${g.sameIds ? 'same ids' : 'IDS DIFFER'}; ${(g.cachedTokensPerSecond / g.fullTokensPerSecond).toFixed(1)}×)`,
        value: `${g.cachedTokensPerSecond.toFixed(0)} tok/s`,
        note: `(cpu ${fmtMs(g.cachedCpuMs)})`,
      });
      rows.push(row);
    } finally {
      await lm.dispose();
    }
  }

  // One architecture of the Hub matrix (tests/fixtures/hub-matrix: a tiny random-weight Llama in the
  // real repo's layout and I/O names): the same probes, naive against the implementation, on each engine.
  for (const device of opts.devices ?? (['node', 'wasm'] as const)) {
    const lm = await loadLanguageModel(path.join(MATRIX_DIR, MATRIX_ROW), { device });
    try {
      figures.push({ name: `matrix/${MATRIX_ROW} (fp32) on ${lm.info.backend === 'wasm' ? 'onnxruntime-web WASM' : 'onnxruntime-node CPU'}`, value: '' });
      await benchProbeRows(lm, `matrix/${MATRIX_ROW}`, figures, repeats, false, false);
    } finally {
      await lm.dispose();
    }
  }

  const t0 = performance.now();
  const bert = await loadLanguageModel('workbench/tiny-bert', { modelsDir, device: 'wasm' });
  const bertLoad = performance.now() - t0;
  try {
    const few = texts.slice(0, 16);
    const tokens = (await bert.pseudoLogLikelihood(few)).reduce((s, r) => s + r.ids.length, 0);
    const t = await medianMs(repeats, () => bert.pseudoLogLikelihood(few, { batchSize: 32 }));
    figures.push({ name: 'tiny-bert on onnxruntime-web WASM: load', value: fmtMs(bertLoad) });
    figures.push({ name: `  pseudo-log-likelihood, batch 32 (${tokens} masked tokens)`, value: `${(tokens / (t.median / 1000)).toFixed(0)} tok/s` });
  } finally {
    await bert.dispose();
  }

  if (opts.print ?? true) printSection(`Language models: scoring and generation throughput (Node, single process; median of ${repeats}, pairs ${Math.max(repeats, 9)}; wall clock)`, figures);
  return rows;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await benchLanguageModel({ modelsDir: process.env.LM_TEST_MODELS_DIR, ...(process.env.LM_BENCH_DEVICES ? { devices: process.env.LM_BENCH_DEVICES.split(",") as LmDevicePreference[] } : {}) });
}
