// The LM runtime on the Hub-layout fixture rows (tests/fixtures/hub-matrix/matrix/<row>: tiny random
// models with the real repos' files, config fields and graph I/O) against ONNX Runtime run directly
// on the same file. The reference below is written independently of the runtime: a plain ORT
// session of the engine the device uses (onnxruntime-node for 'cpu', onnxruntime-web for 'wasm': the
// two differ by up to ~4e-3 on q4f16, kernels not bookkeeping), one full-sequence pass per sentence
// (no batching, no padding, no KV cache), past_key_values sized from the graph's own static dims,
// external data passed as the file beside the graph, float16 outputs decoded here, and log-softmax
// in float64. Token ids come from the runtime's tokenizer (transformers.js, the same
// for both); only the graph runs are compared.
// Rows: llama (GQA, no head_dim field: the reported failure), qwen3 (explicit head_dim ≠ hidden /
// heads), gemma3 (one kv head), mistral (weights in onnx/model.onnx_data), gpt2, phi3 and gpt-neox in
// fp32 and q8, and every dtype of llama and qwen2. Tolerance 1e-4 (fp32, q8, q4) and 2e-3 (fp16, q4f16) on every log-prob, on both Node
// backends (onnxruntime-node 'cpu' through transformers.js's session, onnxruntime-web 'wasm'); the
// KV-cache path (default) against the no-cache path (kvCache: false) of the same model, to 1e-4, or
// to 2e-3 for float16 graphs: onnxruntime-node's fp16 kernels round a logit by one half-ulp
// differently when a sequence is split into prefix + past (seen on llama fp16: 0.0039 in a logit,
// ~1e-3 in a log-prob, with plain ORT-node sessions and no runtime code involved; WASM: exact).
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ortNode from 'onnxruntime-node';
import type * as OrtWeb from 'onnxruntime-web';
import { afterAll, describe, expect, it } from 'vitest';
import { loadLanguageModel } from '../../../src/runtime/lm/node';
import { onnxFileFor } from '../../../src/runtime/lm/load';
import type { LmDtype } from '../../../src/runtime/lm/types';
import { maxAbsDiff } from './helpers';

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

/** IEEE half → number, written out for the reference (sign · 2^(e−15) · (1 + f/1024); subnormals 2^−14 · f/1024). */
const half = (bits: number) => {
  const sign = bits >> 15 ? -1 : 1;
  const e = (bits >> 10) & 31;
  const f = bits & 1023;
  if (e === 31) return f ? NaN : sign * Infinity;
  return e === 0 ? sign * Math.pow(2, -14) * (f / 1024) : sign * Math.pow(2, e - 15) * (1 + f / 1024);
};

type Ort = typeof ortNode | typeof OrtWeb;
const engines: Record<'cpu' | 'wasm', () => Promise<Ort>> = {
  cpu: async () => ortNode,
  wasm: async () => (await import('onnxruntime-web')) as typeof OrtWeb,
};

/** log p(ids[t] | ids[<t]) for t ≥ 1, from one full pass of the graph in `file` on the device's ORT engine. */
async function referenceLogProbs(device: 'cpu' | 'wasm', file: string, ids: number[]): Promise<number[]> {
  const ort = await engines[device]();
  const data = `${file}_data`;
  const session =
    device === 'cpu'
      ? await ortNode.InferenceSession.create(file)
      : await (ort as typeof OrtWeb).InferenceSession.create(new Uint8Array(readFileSync(file)), {
          executionProviders: ['wasm'],
          ...(existsSync(data) ? { externalData: [{ path: path.basename(data), data: new Uint8Array(readFileSync(data)) }] } : {}),
        });
  try {
    const n = ids.length;
    const feeds: Record<string, OrtWeb.Tensor> = {};
    for (const m of session.inputMetadata) {
      if (!m.isTensor) throw new Error(`non-tensor input ${m.name}`);
      const int = (values: number[]) => new ort.Tensor('int64', BigInt64Array.from(values, BigInt), [1, n]) as OrtWeb.Tensor;
      if (m.name === 'input_ids') feeds[m.name] = int(ids);
      else if (m.name === 'attention_mask') feeds[m.name] = int(ids.map(() => 1));
      else if (m.name === 'position_ids') feeds[m.name] = int(ids.map((_, i) => i));
      else if (m.name.startsWith('past_key_values.')) {
        const [, heads, , headDim] = m.shape;
        if (typeof heads !== 'number' || typeof headDim !== 'number') throw new Error(`${m.name}: the reference needs static kv dims, got ${m.shape.join(',')}`);
        feeds[m.name] = new ort.Tensor(m.type as 'float32', m.type === 'float16' ? (new Uint16Array(0) as never) : new Float32Array(0), [1, heads, 0, headDim]) as OrtWeb.Tensor;
      } else throw new Error(`the reference does not feed ${m.name}`);
    }
    const logits = (await (session as OrtWeb.InferenceSession).run(feeds)).logits!;
    const vocab = Number(logits.dims[2]);
    const raw = logits.data as Float32Array | Uint16Array;
    const value = logits.type === 'float16' ? (i: number) => half(raw[i]!) : (i: number) => raw[i]!;
    const out: number[] = [];
    for (let t = 1; t < n; t++) {
      const off = (t - 1) * vocab;
      let max = -Infinity;
      for (let v = 0; v < vocab; v++) max = Math.max(max, value(off + v));
      let sum = 0;
      for (let v = 0; v < vocab; v++) sum += Math.exp(value(off + v) - max);
      out.push(value(off + ids[t]!) - max - Math.log(sum));
    }
    return out;
  } finally {
    await session.release();
  }
}

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
  for (const device of ['cpu', 'wasm'] as const) {
    it(`${device}: tokenLogProbs equals ONNX Runtime run directly on ${onnxFileFor(dtype)}, and the KV path equals the no-cache path`, async () => {
      const lm = await loadLanguageModel(dir, { device, dtype });
      try {
        expect([lm.info.kind, lm.info.dtype, lm.info.backend]).toEqual(['causal-lm', dtype, device]);
        // Dynamically quantised q8 graphs mix a pass's rows in one activation scale: each sequence runs alone, and the record says so.
        expect(lm.info.passes).toBe(dtype === 'q8' ? 'one-sequence-per-pass' : undefined);
        const cached = await lm.tokenLogProbs(TEXTS, { batchSize: 4 });
        const full = await lm.tokenLogProbs(TEXTS, { kvCache: false, batchSize: 4 });
        for (const [i, r] of cached.entries()) {
          const ref = await referenceLogProbs(device, path.join(dir, onnxFileFor(dtype)), [...r.context.ids, ...r.ids]);
          expect(r.logProbs.length).toBeGreaterThan(0);
          expect(track(`${row} ${dtype} ${device} vs ORT`, maxAbsDiff(r.logProbs, ref))).toBeLessThan(tol);
          expect(track(`${row} ${dtype} ${device} KV vs full`, maxAbsDiff(r.logProbs, full[i]!.logProbs))).toBeLessThan(tol);
        }
      } finally {
        await lm.dispose();
      }
    });
  }
});

describe('dtype auto', () => {
  it('a folder with only fp16 and q4f16 files loads fp16 on cpu and wasm (fp32 first, q8, q4 when present)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lm-fp16-only-'));
    try {
      cpSync(path.join(MATRIX, 'llama'), dir, { recursive: true });
      for (const d of ['fp32', 'q8', 'q4'] as const) rmSync(path.join(dir, onnxFileFor(d)));
      for (const device of ['cpu', 'wasm'] as const) {
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
