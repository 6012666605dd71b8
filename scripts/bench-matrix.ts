// Bench section `matrix` (run by scripts/bench.ts in its own process, like `lm`, because ONNX Runtime
// takes its WASM thread count once per process): scoring throughput of every architecture row of
// the fixture matrix (tests/fixtures/hub-matrix/matrix/<row>, tiny random-weight models in the Hub
// layout of real repos) on onnxruntime-web WASM, the browser's engine, for fp32 and q8 weights:
//   - causal rows: scored tokens/s of log-prob scoring, one sentence per forward pass (batch 1, no
//     KV cache: what a plain loop does) against the runtime's batching (batch 32, shared BOS/prefix
//     through the KV cache);
//   - masked rows: pseudo-log-likelihood, batch 1 against batch 32.
// The models are tiny (hidden 64, 2 layers), so the figures compare the per-row cost of the code
// paths (feeds, KV bookkeeping, float16 conversion), not what a real model of that architecture
// costs. q8 files quantize activations with one scale per call (DynamicQuantizeLinear over the
// whole batch), so a sentence's numbers would depend on its batch-mates; the runtime runs such
// graphs one sentence per pass (batchInvariance.ts), and batching gains nothing there by design.
// Figures, not tests.
//
// Run alone: `node --expose-gc --import tsx scripts/bench-matrix.ts [rows…]`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadLanguageModel } from '../src/runtime/lm/node';
import type { LmDtype } from '../src/runtime/lm/types';
import { setNodeWasmThreads } from '../src/runtime/ort';
import { wasmThreadsFor } from '../src/runtime/wasmThreads';
import { fmtMs, medianMs, printSection, type Figure } from './bench/report';

const here = path.dirname(fileURLToPath(import.meta.url));
export const MATRIX_DIR = path.resolve(here, '..', 'tests', 'fixtures', 'hub-matrix', 'matrix');

const CORPUS = [
  'The doctor said that she was tired after the long night.',
  'He worked as a nurse in the city hospital for many years.',
  'The engineer explained the plan to the committee.',
  'She is a brilliant mathematician and a patient teacher.',
];
const DTYPES: readonly LmDtype[] = ['fp32', 'q8'];
const DTYPE_FILE: Readonly<Record<string, string>> = { fp32: 'model.onnx', q8: 'model_quantized.onnx' };

export interface MatrixBenchRow {
  row: string;
  dtype: LmDtype;
  kind: 'causal-lm' | 'masked-lm';
  tokens: number;
  singleTokensPerSecond: number;
  batchedTokensPerSecond: number;
}

/** Architecture rows of the fixture matrix (scripted-generation fixtures are not architectures). */
export function matrixRows(): string[] {
  if (!existsSync(MATRIX_DIR)) return [];
  return readdirSync(MATRIX_DIR)
    .filter((r) => !r.startsWith('scripted-') && existsSync(path.join(MATRIX_DIR, r, 'config.json')))
    .sort();
}

export async function benchMatrix(opts: { rows?: string[]; sentences?: number; repeats?: number; print?: boolean } = {}): Promise<MatrixBenchRow[]> {
  const wasmThreads = wasmThreadsFor(os.availableParallelism(), true);
  let threadsNote = `${wasmThreads} WASM thread${wasmThreads === 1 ? '' : 's'}`;
  try {
    setNodeWasmThreads(wasmThreads);
  } catch (e) {
    threadsNote = (e as Error).message;
  }
  const n = opts.sentences ?? 32;
  const repeats = opts.repeats ?? 5;
  const texts = Array.from({ length: n }, (_, i) => `${CORPUS[i % CORPUS.length]!} It was day ${i + 1}.`);
  const out: MatrixBenchRow[] = [];
  const figures: Figure[] = [];
  for (const row of opts.rows?.length ? opts.rows : matrixRows()) {
    const folder = path.join(MATRIX_DIR, row);
    const config = JSON.parse(readFileSync(path.join(folder, 'config.json'), 'utf8')) as { model_type?: string };
    for (const dtype of DTYPES) {
      if (!existsSync(path.join(folder, 'onnx', DTYPE_FILE[dtype]!))) continue;
      const t0 = performance.now();
      const lm = await loadLanguageModel(folder, { device: 'wasm', dtype });
      const loadMs = performance.now() - t0;
      try {
        const causal = lm.info.kind === 'causal-lm';
        const score = (batch: number, kvCache: boolean) =>
          causal ? lm.tokenLogProbs(texts, { batchSize: batch, kvCache }) : lm.pseudoLogLikelihood(texts, { batchSize: batch });
        const tokens = (await score(32, true)).reduce((s, r) => s + r.ids.length, 0);
        const single = await medianMs(repeats, async () => {
          for (const t of texts) await (causal ? lm.tokenLogProbs([t], { batchSize: 1, kvCache: false }) : lm.pseudoLogLikelihood([t], { batchSize: 1 }));
        });
        const batched = await medianMs(repeats, () => score(32, true));
        const r: MatrixBenchRow = {
          row,
          dtype,
          kind: lm.info.kind,
          tokens,
          singleTokensPerSecond: tokens / (single.median / 1000),
          batchedTokensPerSecond: tokens / (batched.median / 1000),
        };
        out.push(r);
        const what = causal ? 'log-prob' : 'PLL';
        figures.push({
          name: `${row} (${config.model_type}) ${dtype}: ${what}, batch 1 → 32${causal ? ' + KV' : ''}`,
          value: `${r.singleTokensPerSecond.toFixed(0)} → ${r.batchedTokensPerSecond.toFixed(0)} tok/s`,
          note: `(${(r.batchedTokensPerSecond / r.singleTokensPerSecond).toFixed(1)}×, ${tokens} tok, load ${fmtMs(loadMs)})`,
        });
      } finally {
        await lm.dispose();
      }
    }
  }
  if (opts.print ?? true)
    printSection(`Fixture matrix: scoring throughput per architecture row on onnxruntime-web WASM (${threadsNote}; median of ${repeats}, wall clock)`, figures);
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await benchMatrix({ rows: process.argv.slice(2) });
}
