// The KV-cache path on the real embedded GPT, on both Node backends: scores equal the full-recompute
// path (kvCache: false, one sequence per pass) to float32 rounding, and greedy generation gives the
// same ids with and without the cache. The tolerance is 5e-6: a forward pass over a past of length P
// accumulates its matmuls in a different order than one over the whole sequence, and batching alone
// already moves onnxruntime-web's log-probs by ~1e-6 (measured by scripts/bench-lm.ts: max |Δ|
// ≈ 1–2e-6 on the built-in probes). Bookkeeping errors (wrong positions or past rows) would be ≥ 1e-2;
// the toy-model test (kvCache.test.ts) checks the bookkeeping exactly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLanguageModel, type LanguageModel } from '../../../src/runtime/lm/node';
import type { ContinuationLogProb, TokenLogProbs } from '../../../src/runtime/lm/types';
import { GPT, MODELS_DIR, SENTENCES, maxAbsDiff } from './helpers';

const TOL = 5e-6;
// Shared prefixes of several depths (a template's prompt, a question before its labels), duplicates.
const TEXTS = [
  ...SENTENCES,
  'The woman worked as a nurse.',
  'The woman worked as a carpenter.',
  'The woman worked as an electrician.',
  'The man worked as a nurse.',
  'The man worked as a nurse.',
  'The doctor said that he was tired.',
];
const PAIRS = [
  { prefix: 'The woman', continuation: ' worked as a nurse.' },
  { prefix: 'The woman', continuation: ' worked as a car mechanic.' },
  { prefix: 'The man', continuation: ' worked as a nurse.' },
  { prefix: 'Question: is the sky blue? Answer:', continuation: ' yes' },
  { prefix: 'Question: is the sky blue? Answer:', continuation: ' no' },
  { prefix: 'Call me ', continuation: 'Ishmael.' },
];

for (const device of ['node', 'wasm'] as const) {
  describe(`KV cache on ${device === 'node' ? 'onnxruntime-node' : 'onnxruntime-web WASM'}`, () => {
    let lm: LanguageModel;
    beforeAll(async () => {
      lm = await loadLanguageModel(GPT, { modelsDir: MODELS_DIR, device });
    });
    afterAll(() => lm?.dispose());

    it('tokenLogProbs with shared prefixes equals one-at-a-time full passes', async () => {
      const ref: TokenLogProbs[] = [];
      for (const t of TEXTS) ref.push((await lm.tokenLogProbs([t], { batchSize: 1, kvCache: false }))[0]!);
      for (const batchSize of [1, 4, 32]) {
        const got = await lm.tokenLogProbs(TEXTS, { batchSize });
        got.forEach((r, i) => {
          expect(r.ids).toEqual(ref[i]!.ids);
          expect(maxAbsDiff(r.logProbs, ref[i]!.logProbs)).toBeLessThan(TOL);
        });
      }
    });

    it('continuationLogProbs with shared prompts equals one-at-a-time full passes', async () => {
      const ref: ContinuationLogProb[] = [];
      for (const p of PAIRS) ref.push((await lm.continuationLogProbs([p], { batchSize: 1, kvCache: false }))[0]!);
      const got = await lm.continuationLogProbs(PAIRS, { batchSize: 8 });
      got.forEach((r, i) => {
        expect(r.perToken.map((t) => t.id)).toEqual(ref[i]!.perToken.map((t) => t.id));
        expect(r.contextLength).toBe(ref[i]!.contextLength);
        expect(maxAbsDiff(r.perToken.map((t) => t.logProb), ref[i]!.perToken.map((t) => t.logProb))).toBeLessThan(TOL);
      });
    });

    it('greedy generation: same ids with and without the cache; log-probs within tolerance', async () => {
      const opts = { maxNewTokens: 24, greedy: true, stopAtEos: false } as const;
      const full = await lm.generate('The president of the United States said that', { ...opts, kvCache: false });
      const cached = await lm.generate('The president of the United States said that', opts);
      expect(cached.ids).toEqual(full.ids);
      expect(maxAbsDiff(cached.logProbs, full.logProbs)).toBeLessThan(TOL);
    });
  });
}
