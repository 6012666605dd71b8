// Bench section for issue 4 (called by scripts/bench.ts): tokens/s of log-prob scoring for the
// embedded GPT (workbench/tiny-gpt2), one sentence per forward pass vs batched with padding, on
// onnxruntime-web WASM (the browser's engine, run in Node through the direct session path) and on
// onnxruntime-node (what the CLI uses). Also the load time and PLL throughput of the embedded
// masked LM. Figures, not pass/fail tests.
//
// `benchLanguageModel()` prints the section and returns the numbers; run alone with
// `npx tsx scripts/bench-lm.ts`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadLanguageModel, DEFAULT_MODELS_DIR } from '../src/runtime/lm/node';
import type { LmDevicePreference } from '../src/runtime/lm/types';
import { fmtMs, medianMs, printSection, type Figure } from './bench/report';

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

export interface LmBenchRow {
  model: string;
  backend: string;
  loadMs: number;
  /** Scored tokens per second, one sequence per forward pass. */
  singleTokensPerSecond: number;
  /** Scored tokens per second at each batch size. */
  batched: Record<number, number>;
}

export interface LmBenchOptions {
  modelsDir?: string;
  /** Sentences scored per measurement (cycled from a fixed corpus). Default 64. */
  sentences?: number;
  batchSizes?: number[];
  devices?: LmDevicePreference[];
  print?: boolean;
}

export async function benchLanguageModel(opts: LmBenchOptions = {}): Promise<LmBenchRow[]> {
  const modelsDir = opts.modelsDir ?? DEFAULT_MODELS_DIR;
  const n = opts.sentences ?? 64;
  const texts = Array.from({ length: n }, (_, i) => CORPUS[i % CORPUS.length]!);
  const batchSizes = opts.batchSizes ?? [8, 32];
  const rows: LmBenchRow[] = [];
  const figures: Figure[] = [];

  for (const device of opts.devices ?? (['wasm', 'cpu'] as const)) {
    const t0 = performance.now();
    const lm = await loadLanguageModel('workbench/tiny-gpt2', { modelsDir, device });
    const loadMs = performance.now() - t0;
    try {
      const scored = (await lm.tokenLogProbs(texts)).reduce((s, r) => s + r.ids.length, 0);
      const single = await medianMs(3, () => lm.tokenLogProbs(texts, { batchSize: 1 }));
      const row: LmBenchRow = { model: lm.info.id, backend: lm.info.backend, loadMs, singleTokensPerSecond: scored / (single.median / 1000), batched: {} };
      const label = lm.info.backend === 'wasm' ? 'onnxruntime-web WASM' : 'onnxruntime-node CPU';
      figures.push({ name: `tiny-gpt2 on ${label}: load`, value: fmtMs(loadMs) });
      figures.push({ name: `  log-prob scoring, batch 1 (${n} sentences, ${scored} tokens)`, value: `${row.singleTokensPerSecond.toFixed(0)} tok/s` });
      for (const b of batchSizes) {
        const t = await medianMs(3, () => lm.tokenLogProbs(texts, { batchSize: b }));
        row.batched[b] = scored / (t.median / 1000);
        figures.push({ name: `  log-prob scoring, batch ${b}`, value: `${row.batched[b]!.toFixed(0)} tok/s` });
      }
      rows.push(row);
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
    const t = await medianMs(3, () => bert.pseudoLogLikelihood(few, { batchSize: 32 }));
    figures.push({ name: 'tiny-bert on onnxruntime-web WASM: load', value: fmtMs(bertLoad) });
    figures.push({ name: `  pseudo-log-likelihood, batch 32 (${tokens} masked tokens)`, value: `${(tokens / (t.median / 1000)).toFixed(0)} tok/s` });
  } finally {
    await bert.dispose();
  }

  if (opts.print ?? true) printSection('Language models: log-prob scoring throughput (Node, single process; median of 3)', figures);
  return rows;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await benchLanguageModel({ modelsDir: process.env.LM_TEST_MODELS_DIR });
}
