// The LM runtime on the Hub-layout fixture rows (tests/fixtures/hub-matrix/matrix/<row>: tiny random
// models with the real repos' files, config fields and graph I/O) against ONNX Runtime run directly
// on the same file (ortReference.ts, written independently of the runtime: a plain session of the
// engine the device uses, one full-sequence pass per sentence, float16 decoded there, log-softmax in
// float64). Token ids come from the runtime's tokenizer (transformers.js, the same for both); only
// the graph runs are compared.
// Rows: llama (GQA, no head_dim field: the reported failure), qwen3 (explicit head_dim ≠ hidden /
// heads), gemma3 (one kv head), mistral (weights in onnx/model.onnx_data), gpt2, phi3 and gpt-neox in
// fp32 and q8, and every dtype of llama and qwen2. Tolerance 1e-4 (fp32, q8, q4) and 2e-3 (fp16,
// q4f16) on every log-prob, on both Node backends (onnxruntime-node 'node' through transformers.js's
// session, onnxruntime-web 'wasm'); the KV-cache path (default) against the no-cache path (kvCache:
// false) of the same model, to 1e-4, or to 2e-3 for float16 graphs: onnxruntime-node's fp16 kernels
// round a logit by one half-ulp differently when a sequence is split into prefix + past (seen on
// llama fp16: 0.0039 in a logit, ~1e-3 in a log-prob, with plain ORT-node sessions and no runtime
// code involved; WASM: exact).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadLanguageModel } from '../../../src/runtime/lm/node';
import { onnxFileFor } from '../../../src/runtime/lm/load';
import type { LmDtype } from '../../../src/runtime/lm/types';
import { maxAbsDiff } from './helpers';
import { openReference } from './ortReference';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const MATRIX = path.join(repo, 'tests', 'fixtures', 'hub-matrix', 'matrix');

// Unrelated sentences, and sentences sharing a long prefix (the KV path runs the prefix once and the
// endings on its stacked keys/values, right-padded to different past lengths).
const SHARED = 'The doctor told the nurse who had worked in the city hospital for many years that';
const TEXTS = [
  'The doctor said that she was tired.',
  'He worked as a nurse in the city.',
  'Call me Ishmael.',
  'a',
  `${SHARED} she was tired.`,
  `${SHARED} he was late again.`,
  `${SHARED} they would stay.`,
  'The doctor told the nurse who had worked there',
];

const CASES: Array<{ row: string; dtype: LmDtype }> = [
  ...(['llama', 'qwen3', 'gemma3', 'mistral', 'gpt2', 'phi3', 'gpt-neox'] as const).map((row) => ({ row, dtype: 'fp32' as LmDtype })),
  ...(['qwen3', 'gemma3', 'mistral', 'gpt2', 'phi3', 'gpt-neox'] as const).map((row) => ({ row, dtype: 'q8' as LmDtype })),
  ...(['llama', 'qwen2'] as const).flatMap((row) => (['fp32', 'fp16', 'q8', 'q4', 'q4f16'] as const).map((dtype) => ({ row, dtype }))).filter((c) => !(c.row === 'llama' && c.dtype === 'fp32')),
];
const tolerance = (dtype: LmDtype) => (dtype === 'fp16' || dtype === 'q4f16' ? 2e-3 : 1e-4);

/** Largest |Δ| per check, printed at the end (the report quotes them). */
const worst: Record<string, number> = {};
const track = (key: string, d: number) => {
  worst[key] = Math.max(worst[key] ?? 0, d);
  return d;
};
afterAll(() => console.log('hub-matrix parity, max |Δ log-prob|:', JSON.stringify(worst, null, 1)));

describe.each(CASES)('hub-matrix $row $dtype', ({ row, dtype }) => {
  const dir = path.join(MATRIX, row);
  const tol = tolerance(dtype);
  for (const device of ['node', 'wasm'] as const) {
    it(`${device}: tokenLogProbs equals ONNX Runtime run directly on ${onnxFileFor(dtype)}, and the KV path equals the no-cache path`, async () => {
      const lm = await loadLanguageModel(dir, { device, dtype });
      const reference = await openReference(dir, onnxFileFor(dtype), device);
      try {
        expect([lm.info.kind, lm.info.dtype, lm.info.backend]).toEqual(['causal-lm', dtype, device]);
        // Dynamically quantised q8 graphs mix a pass's rows in one activation scale: each sequence runs alone, and the record says so.
        expect(lm.info.passes).toBe(dtype === 'q8' ? 'one-sequence-per-pass' : undefined);
        const cached = await lm.tokenLogProbs(TEXTS, { batchSize: 4 });
        const full = await lm.tokenLogProbs(TEXTS, { kvCache: false, batchSize: 4 });
        for (const [i, r] of cached.entries()) {
          const ref = await reference.logProbs([...r.context.ids, ...r.ids]);
          expect(r.logProbs.length).toBeGreaterThan(0);
          expect(track(`${row} ${dtype} ${device} vs ORT`, maxAbsDiff(r.logProbs, ref))).toBeLessThan(tol);
          expect(track(`${row} ${dtype} ${device} KV vs full`, maxAbsDiff(r.logProbs, full[i]!.logProbs))).toBeLessThan(tol);
        }
      } finally {
        await lm.dispose();
        await reference.release();
      }
    });
  }
});

describe('dtype auto', () => {
  it('a folder with only fp16 and q4f16 files loads fp16 on node and wasm (fp32 first, q8, q4 when present)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lm-fp16-only-'));
    try {
      cpSync(path.join(MATRIX, 'llama'), dir, { recursive: true });
      for (const d of ['fp32', 'q8', 'q4'] as const) rmSync(path.join(dir, onnxFileFor(d)));
      for (const device of ['node', 'wasm'] as const) {
        const lm = await loadLanguageModel(dir, { device });
        expect([lm.info.dtype, lm.info.availableDtypes]).toEqual(['fp16', ['fp16', 'q4f16']]);
        await lm.dispose();
      }
      const full = await loadLanguageModel(path.join(MATRIX, 'llama'));
      expect([full.info.dtype, full.info.availableDtypes]).toEqual(['fp32', ['fp32', 'fp16', 'q8', 'q4', 'q4f16']]);
      await full.dispose();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
