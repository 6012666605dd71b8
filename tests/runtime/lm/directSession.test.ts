// The direct ORT path (src/runtime/lm/directSession.ts) on fake graph sessions (fakeGraphSession.ts)
// that check every feed against their input metadata the way ONNX Runtime does. What would be wrong
// if the code were wrong: a GQA cache sized hidden / kv heads fails the fake's dim check (the
// reported "Got invalid dimensions for input: past_key_values.0.key … index: 3"); float32 fed to a
// float16 graph fails its type check; float16 logits read as raw bits give different log-probs;
// a cache fed back with wrong positions or masks changes the numbers the KV path must reproduce.
import { describe, expect, it } from 'vitest';
import { UnsupportedModelError } from '../../../src/core/errors';
import { directModel } from '../../../src/runtime/lm/directSession';
import { halfBitsToFloat32 } from '../../../src/runtime/lm/float16';
import { createLanguageModel } from '../../../src/runtime/lm/languageModel';
import { fakeGraphSession, fakeTensor, type FakeGraph } from './fakeGraphSession';
import { float32ToHalfBits } from './halfBits';
import { TOY_CAUSAL_INFO, toyTokenizer, V } from './toyModel';

const tensor = fakeTensor as never;
const LLAMA = { model_type: 'llama', hidden_size: 64, num_attention_heads: 4, num_key_value_heads: 2 };
const GQA: FakeGraph = { layers: 2, kvHeads: 2, headDim: 16, staticKvDims: false, kvType: 'float32', logitsType: 'float32' };
// The last two part only at their second-to-last token: a shared prefix that no covering row absorbs.
const TEXTS = ['ab c ab c a', 'ab c ab c b', 'ab c ab x', 'x', 'ca ab. a b c', 'ca ab. b', 'cab', 'b.', 'ab c ab c ab c ab c ab c a b', 'ab c ab c ab c ab c ab c b a'];

const lmOn = (g: FakeGraph, config: Record<string, unknown> = LLAMA) => {
  const fake = fakeGraphSession(g);
  const direct = directModel(tensor, fake, config);
  const lm = createLanguageModel({ info: TOY_CAUSAL_INFO, tokenizer: toyTokenizer(), forward: direct.forward, ...(direct.cachedForward ? { cachedForward: direct.cachedForward } : {}) });
  return { fake, direct, lm };
};

describe('direct path: GQA sizes from the graph and config', () => {
  it('a GQA graph without head_dim runs: the empty cache is [batch, 2, 0, 16]', async () => {
    const { fake, direct } = lmOn(GQA);
    const out = await direct.forward({ ids: [[5, 6, 7]], mask: [[1, 1, 1]] }, { logits: true, hidden: false });
    expect(out.vocab).toBe(V);
    expect(fake.runs).toEqual([{ batch: 1, past: 0, seq: 3 }]);
  });

  it('the old sizing (head size = hidden / kv heads = 32) is what the fake refuses, as ORT did', async () => {
    const fake = fakeGraphSession(GQA);
    const feeds = { input_ids: fakeTensor('int64', new BigInt64Array([5n]), [1, 1]) } as Record<string, unknown>;
    feeds.attention_mask = fakeTensor('int64', new BigInt64Array([1n]), [1, 1]);
    feeds.position_ids = fakeTensor('int64', new BigInt64Array([0n]), [1, 1]);
    for (const n of fake.session.inputNames.filter((x) => x.startsWith('past'))) feeds[n] = fakeTensor('float32', new Float32Array(0), [1, 2, 0, 32]);
    await expect((fake.run as (f: unknown) => Promise<unknown>)(feeds)).rejects.toThrow(/Got invalid dimensions for input: past_key_values.0.key/);
  });

  it('KV-cache scoring equals full passes exactly, with static and symbolic dims and int32 ids', async () => {
    for (const g of [GQA, { ...GQA, staticKvDims: true }, { ...GQA, idType: 'int32' as const }, { ...GQA, kvHeads: 1, headDim: 32, staticKvDims: true }]) {
      const config = g.kvHeads === 1 ? { ...LLAMA, num_key_value_heads: 1, head_dim: 32 } : LLAMA;
      const { lm, fake } = lmOn(g, config);
      const ref = await lm.tokenLogProbs(TEXTS, { kvCache: false });
      for (const batchSize of [1, 3, 8]) expect(await lm.tokenLogProbs(TEXTS, { batchSize })).toEqual(ref);
      expect(fake.runs.some((r) => r.past > 0)).toBe(true);
    }
  });
});

describe('direct path: float16 graphs', () => {
  const FP16: FakeGraph = { ...GQA, kvType: 'float16', logitsType: 'float16' };

  it('feeds float16 keys/values as half bits and reads float16 logits as their values', async () => {
    const input = { ids: [[5, 6, 7]], mask: [[1, 1, 1]] };
    const want = { logits: true, hidden: false };
    const half = await lmOn(FP16).direct.forward(input, want);
    const full = (await lmOn(GQA).direct.forward(input, want)).logits!;
    // The fp16 graph returns the float32 graph's logits rounded to half: exactly those values must be read.
    expect(half.logits).toBeInstanceOf(Float32Array);
    expect(Array.from(half.logits!)).toEqual(Array.from(halfBitsToFloat32(float32ToHalfBits(full))));
    expect(Array.from(half.logits!)).not.toEqual(Array.from(full));
  });

  it('the KV cache stays float16 (half bits) through pastRow/stackPasts and equals full passes exactly', async () => {
    const { lm, fake, direct } = lmOn(FP16);
    const ref = await lm.tokenLogProbs(TEXTS, { kvCache: false });
    for (const batchSize of [1, 4, 8]) expect(await lm.tokenLogProbs(TEXTS, { batchSize })).toEqual(ref);
    expect(fake.runs.some((r) => r.past > 0)).toBe(true);
    const { present } = await direct.cachedForward!({ ids: [[5, 6]], mask: [[1, 1]], past: null, pastMask: null });
    expect(present.type).toBe('float16');
    expect(present.tensors[0]).toBeInstanceOf(Uint16Array);
    expect([present.heads, present.headDim, present.length]).toEqual([2, 16, 2]);
  });

  it('greedy generation with the float16 cache gives the same ids as full recompute', async () => {
    const { lm } = lmOn(FP16);
    const opts = { maxNewTokens: 6, greedy: true, stopAtEos: false } as const;
    expect((await lm.generate('ab', opts)).ids).toEqual((await lm.generate('ab', { ...opts, kvCache: false })).ids);
  });

  it('float16 logits with float32 keys/values (mixed exports) read too', async () => {
    const { lm } = lmOn({ ...GQA, logitsType: 'float16' });
    const ref = await lm.tokenLogProbs(TEXTS, { kvCache: false });
    expect(await lm.tokenLogProbs(TEXTS, { batchSize: 4 })).toEqual(ref);
  });
});

describe('direct path: inputs it cannot feed', () => {
  it('an unknown input is one named error at construction, before any run', () => {
    const fake = fakeGraphSession({ ...GQA, extraInputs: ['num_logits_to_keep'] });
    expect(() => directModel(tensor, fake, LLAMA, 'onnx/model_q4.onnx')).toThrow(
      new UnsupportedModelError(
        'onnx/model_q4.onnx needs an input "num_logits_to_keep" that this runtime cannot feed (it feeds input_ids, attention_mask, position_ids, token_type_ids, past_key_values.*, use_cache_branch).',
      ),
    );
    expect(fake.runs).toHaveLength(0);
  });

  it('an output of an unreadable type is refused by name', async () => {
    const fake = fakeGraphSession(GQA);
    const run = fake.run as (f: unknown) => Promise<Record<string, { type: string; data: unknown; dims: number[] }>>;
    const d = directModel(tensor, { session: fake.session, run: (async (f: unknown) => ({ ...(await run(f)), logits: fakeTensor('int8', new Int8Array(V), [1, 1, V]) })) as never }, LLAMA);
    await expect(d.forward({ ids: [[5]], mask: [[1]] }, { logits: true, hidden: false })).rejects.toThrow('output "logits" of onnx/model.onnx is int8; this runtime reads float32, float16 and float64 outputs.');
  });
});
