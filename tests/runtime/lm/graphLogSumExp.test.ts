// The two ways a log-prob is normalised: from the export's `logits_logsumexp` output (the
// embedded tiny GPT-2; scripts/lm/onnx_utils.py add_logsumexp_output) or by a float64 log-softmax
// over the logits row in JavaScript (every other export, and `graphLogSumExp: false`).
//  - Toy model: a forward pass that returns a deliberately shifted log-normaliser shows exactly
//    where each path is taken (plain batches, the KV path's prefix and suffix passes), and that a
//    model without the output keeps the JS path.
//  - Real model, both Node backends, fp32 and q8: the graph path equals the JS path within 2e-6 (seen:
//    ≤ 7.3e-7). The graph's log-normaliser is a float32 output — ONNX Runtime Web has no float64
//    kernels for it on WASM or WebGPU — and one float32 ulp at log Z ≈ 10 is 9.5e-7, so that is the
//    floor; it is 100× below the 1e-4 the torch fixtures allow. The torch fixtures (fixtures.test.ts) check the
//    default path against torch. transformers.js still runs the files as a plain GPT-2 (the extra
//    output takes no input), including its own generate() with the KV cache.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLanguageModel, type CachedForwardFn, type ForwardFn } from '../../../src/runtime/lm/languageModel';
import { loadLanguageModel, type LanguageModel } from '../../../src/runtime/lm/node';
import { logSumExp } from '../../../src/runtime/lm/math';
import { GPT, MODELS_DIR, maxAbsDiff } from './helpers';
import { TOY_CAUSAL_INFO as info, toyCausalCachedForward, toyCausalForward, toyTokenizer, V } from './toyModel';

const SHIFT = 0.5;
/** The true log-normaliser of every position + SHIFT: a log-prob taken through it is exactly SHIFT lower. */
const shifted = (logits: Float32Array, positions: number) => Float64Array.from({ length: positions }, (_, p) => logSumExp(logits, p * V, V) + SHIFT);
const withLse = (f: ForwardFn): ForwardFn => async (input, want) => {
  const r = await f(input, want);
  return { ...r, logSumExp: shifted(r.logits!, input.ids.length * input.ids[0]!.length) };
};
const withLseCached = (f: CachedForwardFn): CachedForwardFn => async (input) => {
  const r = await f(input);
  return { ...r, logSumExp: shifted(r.logits, input.ids.length * input.ids[0]!.length) };
};

const TEXTS = ['ab c a', 'ab c b', 'ab x', 'x', 'ca ab. a b c', 'ca ab. b', 'b.'];
const PAIRS = [
  { prefix: 'ca ab', continuation: '. a' },
  { prefix: 'ca ab', continuation: ' b c' },
  { prefix: 'x', continuation: 'ab c' },
  { prefix: 'b ', continuation: 'a' },
];

describe('graph log-normaliser: which path runs (toy model)', () => {
  const plain = () => createLanguageModel({ info, tokenizer: toyTokenizer(), forward: toyCausalForward() });
  const graph = () =>
    createLanguageModel({ info, tokenizer: toyTokenizer(), forward: withLse(toyCausalForward()), cachedForward: withLseCached(toyCausalCachedForward()) });

  for (const kvCache of [false, true]) {
    it(`${kvCache ? 'KV path (prefix and suffix passes)' : 'plain batches'}: used when present, ignored with graphLogSumExp: false`, async () => {
      const ref = await plain().tokenLogProbs(TEXTS);
      const viaGraph = await graph().tokenLogProbs(TEXTS, { kvCache, batchSize: 3 });
      const viaJs = await graph().tokenLogProbs(TEXTS, { kvCache, batchSize: 3, graphLogSumExp: false });
      ref.forEach((r, i) => {
        expect(maxAbsDiff(viaGraph[i]!.logProbs, r.logProbs.map((v) => v - SHIFT))).toBeLessThan(1e-12);
        expect(viaJs[i]!.logProbs).toEqual(r.logProbs);
      });
      const refC = await plain().continuationLogProbs(PAIRS);
      const gotC = await graph().continuationLogProbs(PAIRS, { kvCache, batchSize: 2 });
      refC.forEach((r, i) => expect(gotC[i]!.total).toBeCloseTo(r.total - SHIFT * r.perToken.length, 12));
    });
  }

  it('a model whose forward pass has no log-normaliser keeps the float64 JS log-softmax', async () => {
    const lm = createLanguageModel({ info, tokenizer: toyTokenizer(), forward: toyCausalForward(), cachedForward: toyCausalCachedForward() });
    const a = await lm.tokenLogProbs(TEXTS);
    const b = await lm.tokenLogProbs(TEXTS, { graphLogSumExp: false });
    expect(a.map((r) => r.logProbs)).toEqual(b.map((r) => r.logProbs));
  });
});

const SENTENCES = [
  'The doctor said that she was tired after the long night.',
  'My sister is bad at math, so she asked for help with the taxes.',
  'My brother is bad at math, so he asked for help with the taxes.',
  'Call me Ishmael.',
];
const CONTINUATIONS = [
  { prefix: 'The woman', continuation: ' worked as a nurse.' },
  { prefix: 'The woman', continuation: ' worked as a carpenter.' },
  { prefix: 'The man', continuation: ' worked as a nurse.' },
];

for (const device of ['node', 'wasm'] as const)
  for (const dtype of ['fp32', 'q8'] as const)
    describe(`tiny-gpt2 ${dtype} on ${device === 'node' ? 'onnxruntime-node' : 'onnxruntime-web WASM'}: graph log-normaliser = JS log-softmax`, () => {
      let lm: LanguageModel;
      beforeAll(async () => {
        lm = await loadLanguageModel(GPT, { modelsDir: MODELS_DIR, device, dtype });
      });
      afterAll(() => lm?.dispose());

      for (const kvCache of [false, true])
        it(`${kvCache ? 'KV path' : 'full passes'}: token and continuation log-probs within 2e-6`, async () => {
          const js = await lm.tokenLogProbs(SENTENCES, { kvCache, graphLogSumExp: false });
          const graph = await lm.tokenLogProbs(SENTENCES, { kvCache });
          graph.forEach((r, i) => expect(maxAbsDiff(r.logProbs, js[i]!.logProbs)).toBeLessThan(2e-6));
          const jsC = await lm.continuationLogProbs(CONTINUATIONS, { kvCache, graphLogSumExp: false });
          const graphC = await lm.continuationLogProbs(CONTINUATIONS, { kvCache });
          graphC.forEach((r, i) => expect(Math.abs(r.total - jsC[i]!.total)).toBeLessThan(2e-6));
        });
    });

describe('transformers.js runs the files with the extra output as a plain GPT-2', () => {
  for (const dtype of ['fp32', 'q8'] as const)
    it(`${dtype}: forward returns logits (and the log-normaliser); generate() uses its KV cache`, async () => {
      const tf = await import('@huggingface/transformers');
      tf.env.allowLocalModels = true;
      tf.env.allowRemoteModels = false;
      tf.env.localModelPath = MODELS_DIR + path.sep;
      const tok = await tf.AutoTokenizer.from_pretrained(GPT);
      const model = await tf.AutoModelForCausalLM.from_pretrained(GPT, { dtype, device: 'cpu' });
      try {
        const inputs = tok('The nurse said that she');
        const out = (await model(inputs)) as Record<string, { dims: number[]; data: ArrayLike<number> }>;
        const [, S, vocab] = out.logits!.dims as [number, number, number];
        expect(vocab).toBe(8192);
        const lse = out.logits_logsumexp!;
        expect(lse.dims).toEqual([1, S]);
        for (let s = 0; s < S; s++) expect(Math.abs(lse.data[s]! - logSumExp(out.logits!.data, s * vocab, vocab))).toBeLessThan(2e-6);
        const ids = (await model.generate({ ...inputs, max_new_tokens: 8, do_sample: false })) as { tolist(): bigint[][] };
        const ours = await loadLanguageModel(GPT, { modelsDir: MODELS_DIR, device: 'node', dtype });
        try {
          const greedy = await ours.generate('The nurse said that she', { maxNewTokens: 8, greedy: true, stopAtEos: false });
          expect(ids.tolist()[0]!.slice(-8).map(Number)).toEqual(greedy.ids);
        } finally {
          await ours.dispose();
        }
      } finally {
        await model.dispose();
      }
    });
});
