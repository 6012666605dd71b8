// The rewritten graph (logits only at the positions asked for) against the graph as exported: on
// ORT-web WASM, the logits rows (and the embedded GPT's log-normaliser) at the positions asked for
// must be the exported graph's, bit for bit, and asking for every position must give the exported
// logits whole. Heads the rewrite cannot keep exact must be left alone (null), as must bytes that
// are not a model.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getOrt } from '../../../src/runtime/ort';
import { directModel, ortTensorFactory } from '../../../src/runtime/lm/directSession';
import { LOGITS_POSITIONS, withLogitsAtPositions } from '../../../src/runtime/lm/logitsAtPositions';

const root = path.join(import.meta.dirname, '..', '..', '..');
const EMBEDDED = path.join(root, 'public', 'models', 'workbench', 'tiny-gpt2');
const matrix = (row: string) => path.join(root, 'tests', 'fixtures', 'hub-matrix', 'matrix', row);
const readModel = (dir: string, file: string) => new Uint8Array(readFileSync(path.join(dir, 'onnx', file)));
const readConfig = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8')) as Record<string, unknown>;

async function passes(dir: string, bytes: Uint8Array) {
  const ort = await getOrt('wasm');
  const session = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'] });
  return { session, ...directModel(ortTensorFactory(ort), { session, run: (feeds) => session.run(feeds) }, readConfig(dir)) };
}

/** Three rows of different lengths, right-padded: ids spread over the vocabulary. */
function batch(vocab: number) {
  const lengths = [11, 7, 9];
  const S = Math.max(...lengths);
  const ids = lengths.map((n, b) => Array.from({ length: S }, (_, j) => (j < n ? (b * 7919 + j * 104729 + 17) % vocab : 0)));
  const mask = lengths.map((n) => Array.from({ length: S }, (_, j) => (j < n ? 1 : 0)));
  return { ids, mask, S };
}

describe('withLogitsAtPositions', () => {
  it.each([
    ['the embedded GPT (fp32, tied head)', EMBEDDED, 'model.onnx'],
    ['the embedded GPT (q8 blocks, fp32 head)', EMBEDDED, 'model_quantized.onnx'],
    ['Llama (4-bit weights)', matrix('llama'), 'model_q4.onnx'],
    ['GPT-2', matrix('gpt2'), 'model.onnx'],
    ['BERT (masked LM: MatMul then bias Add)', matrix('bert'), 'model.onnx'],
  ])('%s: the rows asked for are the exported logits, bit for bit', async (_name, dir, file) => {
    const exported = readModel(dir, file);
    const rewritten = withLogitsAtPositions(exported);
    expect(rewritten).not.toBeNull();
    const full = await passes(dir, exported);
    const gathered = await passes(dir, rewritten!);
    try {
      expect(gathered.session.inputNames).toContain(LOGITS_POSITIONS);
      const vocab = Number(readConfig(dir).vocab_size);
      const { ids, mask, S } = batch(vocab);
      const want = { logits: true, hidden: false };
      const reference = await full.forward({ ids, mask }, want);
      // Scattered positions, and one alone (which engines multiply by a vector kernel of its own).
      for (const at of [[0, 3, S - 1, S + 2, 2 * S + 8], [S + 2], [3, 2 * S + 8]]) {
        const some = await gathered.forward({ ids, mask, logitsAt: at }, want);
        at.forEach((p) => {
          const k = some.logitsRow![p]!;
          expect(some.logits!.subarray(k * vocab, (k + 1) * vocab)).toEqual(reference.logits!.subarray(p * vocab, (p + 1) * vocab));
          if (reference.logSumExp) expect(some.logSumExp![k]).toBe(reference.logSumExp[p]);
        });
        expect(some.logitsRow!.filter((r) => r >= 0).length).toBe(at.length);
      }
      // No positions named: every position, in the exported layout.
      const all = await gathered.forward({ ids, mask }, want);
      expect(all.logitsRow).toBeUndefined();
      expect(all.logits).toEqual(reference.logits);
    } finally {
      await full.session.release();
      await gathered.session.release();
    }
  });

  it('the embedded GPT: bit for bit over batches of every shape (seeded: 24 batches of 1–6 rows, 1–40 tokens, right-padded)', async () => {
    const exported = readModel(EMBEDDED, 'model.onnx');
    const full = await passes(EMBEDDED, exported);
    const gathered = await passes(EMBEDDED, withLogitsAtPositions(exported)!);
    const vocab = Number(readConfig(EMBEDDED).vocab_size);
    let state = 20261206;
    const below = (n: number) => ((state = (state * 1103515245 + 12345) % 2 ** 31), Math.floor((state / 2 ** 31) * n));
    try {
      for (let trial = 0; trial < 24; trial++) {
        const B = 1 + below(6);
        const S = 1 + below(40);
        const lengths = Array.from({ length: B }, (_, b) => (b === 0 ? S : 1 + below(S)));
        const ids = lengths.map((n) => Array.from({ length: S }, (_, j) => (j < n ? below(vocab) : 0)));
        const mask = lengths.map((n) => Array.from({ length: S }, (_, j) => (j < n ? 1 : 0)));
        const at = [...new Set(Array.from({ length: 1 + below(Math.min(B * S, 12)) }, () => below(B * S)))];
        const reference = await full.forward({ ids, mask }, { logits: true, hidden: false });
        const some = await gathered.forward({ ids, mask, logitsAt: at }, { logits: true, hidden: false });
        for (const p of at) {
          const k = some.logitsRow![p]!;
          expect(some.logits!.subarray(k * vocab, (k + 1) * vocab)).toEqual(reference.logits!.subarray(p * vocab, (p + 1) * vocab));
          expect(some.logSumExp![k]).toBe(reference.logSumExp![p]);
        }
      }
    } finally {
      await full.session.release();
      await gathered.session.release();
    }
  }, 120_000);

  it.each([
    ['a head that quantises its input per tensor (Mistral q8: DynamicQuantizeLinear → MatMulInteger)', matrix('mistral'), 'model_quantized.onnx'],
    ['a float16 head (Llama fp16)', matrix('llama'), 'model_fp16.onnx'],
    ['a float16 head with 4-bit weights (Qwen2 q4f16)', matrix('qwen2'), 'model_q4f16.onnx'],
    ['logits that add a computed tensor, not a constant bias (scripted decision model)', matrix('scripted-decision'), 'model.onnx'],
  ])('leaves %s as it is', (_name, dir, file) => {
    expect(withLogitsAtPositions(readModel(dir, file))).toBeNull();
  });

  it('leaves a graph it already rewrote, and bytes that are not a model, as they are', () => {
    const once = withLogitsAtPositions(readModel(EMBEDDED, 'model.onnx'))!;
    expect(withLogitsAtPositions(once)).toBeNull();
    expect(withLogitsAtPositions(readModel(EMBEDDED, 'model.onnx').subarray(0, 5000))).toBeNull();
    expect(withLogitsAtPositions(new TextEncoder().encode('version https://git-lfs.github.com/spec/v1\n'))).toBeNull();
  });
});
