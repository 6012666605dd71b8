// The dtype variants of the hub-matrix rows (onnx/model_fp16.onnx, model_quantized.onnx,
// model_q4.onnx, model_q4f16.onnx, written by scripts/lm/fixtures/dtype_variants.py), run with ONNX
// Runtime itself — onnxruntime-node and onnxruntime-web WASM called directly, not this project's
// runtime — so the fixtures are checked independently of the code that will load them:
//  - every variant loads and runs on both engines, with a past of length 0 and with a non-empty
//    past (the prefix pass's present.* fed back);
//  - its float inputs and outputs have the element type the real exports have: float16 for fp16
//    and q4f16 (past_key_values.*, logits, present.*), float32 for q8 and q4;
//  - both engines give the same logits: within 1e-4 of the logit scale (largest |logit|) for
//    fp32/q8/q4, 2e-3 for fp16/q4f16;
//  - the variant stays near its fp32 graph at the last position: KL(fp32 ‖ variant) < 0.5 nat and
//    a finite max |Δ log-prob| (both printed and recorded in tests/fixtures/hub-matrix/DTYPES.md,
//    not asserted tightly). KL, not max |Δ log-prob|, carries the bound: on these random-weight
//    fixtures a correct q4 file (its logits equal those of the fp32 graph with the dequantised
//    weights) moves single log-probs by 1–4 nats with KL ≈ 0.2, while a broken one (nibbles swapped,
//    scale sign flipped, int8 data transposed) gave KL ≥ 3.7.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { float32ToHalfBits, halfBitsToNumber } from './halfBits';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
// HUB_MATRIX_DIR points the test at another build of the matrix (same layout); unset, the committed one.
const ROOT = path.resolve(process.env.HUB_MATRIX_DIR ?? path.join(repo, 'tests', 'fixtures', 'hub-matrix'));

type Dtype = 'fp32' | 'fp16' | 'q8' | 'q4' | 'q4f16';
const FILES: Record<Dtype, string> = {
  fp32: 'model.onnx',
  fp16: 'model_fp16.onnx',
  q8: 'model_quantized.onnx',
  q4: 'model_q4.onnx',
  q4f16: 'model_q4f16.onnx',
};
const HALF: ReadonlySet<Dtype> = new Set<Dtype>(['fp16', 'q4f16']);
const ENGINE_TOLERANCE = (d: Dtype) => (HALF.has(d) ? 2e-3 : 1e-4);
const KL_BOUND = 0.5;

// --- IEEE 754 half precision <-> number (ORT JS takes and returns float16 as Uint16Array bits) ---
/** Nearest float16 (ties to even) of a number, as its 16 bits. */
const toHalfBits = (x: number): number => float32ToHalfBits([x])[0]!;
const fromHalfBits = halfBitsToNumber;

// --- engines ---
interface Engine {
  name: string;
  Tensor: typeof ort.Tensor;
  open(file: string): Promise<ort.InferenceSession>;
}
const nodeEngine: Engine = {
  name: 'onnxruntime-node',
  Tensor: ort.Tensor,
  open: (file) => ort.InferenceSession.create(file, { executionProviders: ['cpu'], logSeverityLevel: 3 }),
};
let webEngine: Engine;

const matrixDir = path.join(ROOT, 'matrix');
const ROWS = existsSync(matrixDir) ? readdirSync(matrixDir).filter((r) => existsSync(path.join(matrixDir, r, 'onnx', 'model.onnx'))).sort() : [];
const fileOf = (row: string, d: Dtype) => path.join(matrixDir, row, 'onnx', FILES[d]);
const dtypesOf = (row: string) => (Object.keys(FILES) as Dtype[]).filter((d) => d !== 'fp32' && existsSync(fileOf(row, d)));

// --- feeds: a 3-token prefix, then 2 more tokens; the masked rows take the 5 tokens at once ---
const PREFIX = 3;
const idsFor = (vocab: number) => [5, 17, 9, 23, 11].map((i) => i % vocab);

/** Float values of an output tensor (float16 bits decoded). */
const valuesOf = (t: ort.Tensor): Float64Array =>
  t.type === 'float16' ? Float64Array.from(t.data as Uint16Array, fromHalfBits) : Float64Array.from(t.data as Float32Array);

interface Pass {
  ids: number[];
  pastLength: number;
  past?: Record<string, ort.Tensor>;
}

function feedsFor(engine: Engine, session: ort.InferenceSession, p: Pass): Record<string, ort.Tensor> {
  const T = engine.Tensor;
  const int64 = (v: number[]) => new T('int64', BigInt64Array.from(v.map(BigInt)), [1, v.length]);
  const feeds: Record<string, ort.Tensor> = {};
  for (const meta of session.inputMetadata) {
    const name = meta.name;
    if (name === 'input_ids') feeds[name] = int64(p.ids);
    else if (name === 'attention_mask') feeds[name] = int64(Array.from({ length: p.pastLength + p.ids.length }, () => 1));
    else if (name === 'position_ids') feeds[name] = int64(p.ids.map((_, i) => p.pastLength + i));
    else if (name === 'token_type_ids') feeds[name] = int64(p.ids.map(() => 0));
    else if (name.startsWith('past_key_values.')) {
      const given = p.past?.[name];
      if (given) feeds[name] = new T(given.type as 'float32', given.data as Float32Array, given.dims);
      else {
        if (!meta.isTensor) throw new Error(`${name}: not a tensor input`);
        const [, heads, , headDim] = meta.shape;
        if (typeof heads !== 'number' || typeof headDim !== 'number') throw new Error(`${name}: no fixed head count / head size`);
        const type = meta.type === 'float16' ? 'float16' : 'float32';
        feeds[name] = type === 'float16' ? new T('float16', new Uint16Array(0), [1, heads, 0, headDim]) : new T('float32', new Float32Array(0), [1, heads, 0, headDim]);
      }
    } else throw new Error(`unexpected graph input ${name}`);
  }
  return feeds;
}

const presentAsPast = (out: ort.InferenceSession.ReturnType) =>
  Object.fromEntries(Object.entries(out).filter(([k]) => k.startsWith('present.')).map(([k, v]) => [k.replace('present.', 'past_key_values.'), v]));

interface Runs {
  /** All five tokens, past length 0. */
  full: ort.InferenceSession.ReturnType;
  /** Causal rows: the last two tokens after the prefix's present.* (past length 3). */
  withPast?: ort.InferenceSession.ReturnType;
  inputTypes: Record<string, string>;
}

async function runAll(engine: Engine, file: string, vocab: number): Promise<Runs> {
  const session = await engine.open(file);
  try {
    const ids = idsFor(vocab);
    const full = await session.run(feedsFor(engine, session, { ids, pastLength: 0 }));
    const inputTypes = Object.fromEntries(session.inputMetadata.map((m) => [m.name, m.isTensor ? m.type : 'non-tensor']));
    if (!session.inputNames.some((n) => n.startsWith('past_key_values.'))) return { full, inputTypes };
    const prefix = await session.run(feedsFor(engine, session, { ids: ids.slice(0, PREFIX), pastLength: 0 }));
    const withPast = await session.run(feedsFor(engine, session, { ids: ids.slice(PREFIX), pastLength: PREFIX, past: presentAsPast(prefix) }));
    return { full, withPast, inputTypes };
  } finally {
    await session.release();
  }
}

/** log-softmax (float64) of the last position of a [1, seq, vocab] logits tensor. */
function lastLogSoftmax(t: ort.Tensor): Float64Array {
  const [, S, V] = t.dims as number[];
  const row = valuesOf(t).subarray((S! - 1) * V!, S! * V!);
  const max = row.reduce((m, v) => Math.max(m, v), -Infinity);
  const lse = max + Math.log(row.reduce((s, v) => s + Math.exp(v - max), 0));
  return row.map((v) => v - lse);
}
/** KL(p ‖ q) in nats, from two log-softmax rows. */
const klDivergence = (lp: Float64Array, lq: Float64Array) => lp.reduce((s, v, i) => s + Math.exp(v) * (v - lq[i]!), 0);
const maxAbs = (a: Float64Array) => a.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
const maxAbsDiff = (a: Float64Array, b: Float64Array) => {
  expect(a.length).toBe(b.length);
  return a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0);
};

const vocabOf = (row: string) => {
  const cfg = JSON.parse(readFileSync(path.join(matrixDir, row, 'config.json'), 'utf8')) as { vocab_size: number };
  return cfg.vocab_size;
};

describe('float16 bit conversion used by this test', () => {
  it('round-trips exactly representable values and rounds to nearest even', () => {
    for (const x of [0, 1, -2, 0.5, 65504, -65504, 2 ** -24, 2 ** -14, 1.5, 3.140625]) expect(fromHalfBits(toHalfBits(x))).toBe(x);
    expect(toHalfBits(1)).toBe(0x3c00);
    expect(toHalfBits(-2)).toBe(0xc000);
    expect(toHalfBits(1 + 2 ** -11)).toBe(0x3c00); // tie → even mantissa
    expect(toHalfBits(1 + 3 * 2 ** -11)).toBe(0x3c02);
    expect(toHalfBits(70000)).toBe(0x7c00);
    expect(fromHalfBits(0x7bff)).toBe(65504);
  });
});

describe.skipIf(ROWS.length === 0)('hub-matrix dtype variants on onnxruntime-node and onnxruntime-web WASM', () => {
  const drift: string[] = [];

  beforeAll(async () => {
    const spec = 'onnxruntime-web';
    const web = (await import(/* @vite-ignore */ spec)) as typeof import('onnxruntime-web');
    web.env.wasm.numThreads = 1;
    webEngine = {
      name: 'onnxruntime-web WASM',
      Tensor: web.Tensor as unknown as typeof ort.Tensor,
      open: async (file) => {
        const data = `${file}_data`;
        const externalData = existsSync(data) ? [{ path: path.basename(data), data: new Uint8Array(readFileSync(data)) }] : undefined;
        return (await web.InferenceSession.create(new Uint8Array(readFileSync(file)), {
          executionProviders: ['wasm'],
          logSeverityLevel: 3,
          externalData,
        })) as unknown as ort.InferenceSession;
      },
    };
  });

  afterAll(() => {
    if (drift.length) console.log(`variant vs fp32, last position (onnxruntime-node): max |Δ log-prob|, KL(fp32 ‖ variant):\n${drift.join('\n')}`);
  });

  it('every row has its variants (llama, qwen2: fp16, q8, q4, q4f16; the others: q8)', () => {
    for (const row of ROWS) expect(dtypesOf(row), row).toEqual(['llama', 'qwen2'].includes(row) ? ['fp16', 'q8', 'q4', 'q4f16'] : ['q8']);
  });

  for (const row of ROWS) {
    describe(row, () => {
      const reference: { runs?: Promise<Runs> } = {};
      const fp32 = () => (reference.runs ??= runAll(nodeEngine, fileOf(row, 'fp32'), vocabOf(row)));

      for (const dtype of ['fp32' as const, ...dtypesOf(row)]) {
        it(`${dtype}: loads and runs on both engines (past 0 and non-empty), float types as exported, engines agree`, async () => {
          const vocab = vocabOf(row);
          const onNode = dtype === 'fp32' ? await fp32() : await runAll(nodeEngine, fileOf(row, dtype), vocab);
          const onWeb = await runAll(webEngine, fileOf(row, dtype), vocab);
          const floatType = HALF.has(dtype) ? 'float16' : 'float32';
          for (const [name, type] of Object.entries(onNode.inputTypes)) {
            if (name.startsWith('past_key_values.')) expect(type, name).toBe(floatType);
            else expect(type, name).toBe('int64');
          }
          for (const runs of [onNode, onWeb]) {
            for (const out of [runs.full, runs.withPast]) {
              if (!out) continue;
              for (const [name, t] of Object.entries(out)) if (name === 'logits' || name.startsWith('present.')) expect(t.type, name).toBe(floatType);
            }
          }
          for (const pass of ['full', 'withPast'] as const) {
            const a = onNode[pass];
            const b = onWeb[pass];
            if (!a || !b) continue;
            const na = valuesOf(a.logits!);
            const scale = maxAbs(na);
            expect(scale).toBeGreaterThan(0);
            expect(maxAbsDiff(na, valuesOf(b.logits!)) / scale, `${pass} logits, node vs web`).toBeLessThan(ENGINE_TOLERANCE(dtype));
          }
        });

        if (dtype === 'fp32') continue;
        it(`${dtype}: last-position distribution near fp32 (KL < ${KL_BOUND}; drift reported)`, async () => {
          const ref = await fp32();
          const got = await runAll(nodeEngine, fileOf(row, dtype), vocabOf(row));
          const parts: string[] = [];
          for (const pass of ['full', 'withPast'] as const) {
            const a = ref[pass];
            const b = got[pass];
            if (!a || !b) continue;
            const [lp, lq] = [lastLogSoftmax(a.logits!), lastLogSoftmax(b.logits!)];
            const d = maxAbsDiff(lp, lq);
            const kl = klDivergence(lp, lq);
            expect(Number.isFinite(d), pass).toBe(true);
            expect(kl, pass).toBeLessThan(KL_BOUND);
            parts.push(`${pass} max|Δ| ${d.toExponential(2)} KL ${kl.toExponential(2)}`);
          }
          drift.push(`  ${row} ${dtype}: ${parts.join(', ')}`);
        });
      }
    });
  }
});
