// The KV-cache path of the LM operations (shared prefixes run once; generation one token per step)
// on the toy model, whose cached and full passes give bit-identical logits — so any difference here
// is a bookkeeping bug (wrong positions, wrong past rows, wrong scored range), not float rounding.
// The same comparison on the real embedded GPT (float32 rounding only) is in kvCacheModel.test.ts.
import { describe, expect, it } from 'vitest';
import { createLanguageModel } from '../../../src/runtime/lm/languageModel';
import { pastRow, stackPasts } from '../../../src/runtime/lm/kvCache';
import { TOY_CAUSAL_INFO as info, toyCausalCachedForward, toyCausalForward, toyTokenizer } from './toyModel';

const make = (cacheLog: Array<{ batch: number; past: number; seq: number }> = [], fullLog: number[] = [], tokOpts = {}) =>
  createLanguageModel({ info, tokenizer: toyTokenizer(tokOpts), forward: toyCausalForward(fullLog), cachedForward: toyCausalCachedForward(cacheLog) });

// Shared prefixes of several depths, a duplicate, a one-token text and unrelated texts; most of them
// are served by another text's row (coveringRows.ts), so two long texts that part only at their
// second-to-last token keep a shared prefix worth a KV-cache pass.
const TEXTS = ['ab c ab c a', 'ab c ab c b', 'ab c ab c b', 'ab c ab x', 'x', 'ca ab. a b c', 'ca ab. b', 'cab', 'a a a a a a a', 'b.', 'ab c ab c ab c ab c ab c a b', 'ab c ab c ab c ab c ab c b a'];
const PAIRS = [
  { prefix: 'ca ab', continuation: '. a' },
  { prefix: 'ca ab', continuation: ' b c' },
  { prefix: 'ca ab', continuation: ' x' },
  { prefix: 'x', continuation: 'ab c' },
  { prefix: 'xa', continuation: 'b' },
  { prefix: 'b ', continuation: 'a' },
  { prefix: 'ca ab', continuation: ' x' },
];

describe('KV cache: scoring with shared prefixes', () => {
  it('tokenLogProbs equals the full-recompute path exactly, for every batch size', async () => {
    const ref = await make().tokenLogProbs(TEXTS, { kvCache: false });
    for (const batchSize of [1, 2, 3, 8, 32]) {
      const log: Array<{ batch: number; past: number; seq: number }> = [];
      const got = await make(log).tokenLogProbs(TEXTS, { batchSize });
      expect(got).toEqual(ref);
      expect(Math.max(...log.map((r) => r.batch))).toBeLessThanOrEqual(batchSize);
      expect(log.some((r) => r.past > 0)).toBe(true); // the prefixes were reused
    }
  });

  it('without BOS too (the first token is context, groups share real text)', async () => {
    const ref = await make().tokenLogProbs(TEXTS, { kvCache: false, prependBos: false });
    expect(await make().tokenLogProbs(TEXTS, { prependBos: false, batchSize: 4 })).toEqual(ref);
  });

  it('continuationLogProbs equals the full path exactly (prefix groups, straddling tokens, duplicates)', async () => {
    const ref = await make().continuationLogProbs(PAIRS, { kvCache: false });
    for (const batchSize of [1, 2, 4, 16]) expect(await make().continuationLogProbs(PAIRS, { batchSize })).toEqual(ref);
  });

  it('runs fewer token positions than the full path: each shared prefix once', async () => {
    const cacheLog: Array<{ batch: number; past: number; seq: number }> = [];
    const fullLog: number[] = [];
    const prompts = ['ca ab. a b', 'ca ab. a c', 'ca ab. a x', 'ca ab. a .'];
    await make(cacheLog).tokenLogProbs(prompts, { batchSize: 8 });
    const positions = cacheLog.reduce((s, r) => s + r.batch * r.seq, 0);
    const full = prompts.reduce((s, p) => s + toyTokenizer().encode(p, false).length + 1, 0);
    expect(positions).toBeLessThan(full / 2);
    expect(fullLog).toHaveLength(0);
  });

  it('many long shared prompts run in waves (bounded kept keys/values), with the same numbers', async () => {
    // 40 distinct prompts of ~50 tokens, 2 continuations each that part at their first token (' a|' vs
    // ' b|.', so one row cannot serve both): ~2,000 prefix positions, over one wave's 1,024.
    const code = (k: number) => Array.from({ length: 6 }, (_, j) => 'abc'[Math.floor(k / 3 ** j) % 3]).join('');
    const pairs = Array.from({ length: 40 }, (_, k) => `${code(k)}${' x c'.repeat(11)}`).flatMap((prefix) => [
      { prefix, continuation: ' a ' },
      { prefix, continuation: ' b.' },
    ]);
    const ref = await make().continuationLogProbs(pairs, { kvCache: false });
    const log: Array<{ batch: number; past: number; seq: number }> = [];
    expect(await make(log).continuationLogProbs(pairs, { batchSize: 16 })).toEqual(ref);
    // A block of prefix passes (no past), then suffix passes (with past), then prefix passes again.
    const blocks = log.map((r) => (r.past > 0 ? 's' : 'p')).join('').replace(/(.)\1+/g, '$1');
    expect(blocks).toMatch(/^psps/);
  });

  it('one request at a time never shares (the naive baseline stays one full pass per text)', async () => {
    const log: Array<{ batch: number; past: number; seq: number }> = [];
    const lm = make(log);
    for (const t of TEXTS.slice(0, 3)) await lm.tokenLogProbs([t], { batchSize: 1 });
    expect(log.every((r) => r.past === 0 && r.batch === 1)).toBe(true);
  });
});

describe('KV cache: generation', () => {
  it('greedy ids and log-probs equal the full-recompute path; one token per step after the prompt', async () => {
    const log: Array<{ batch: number; past: number; seq: number }> = [];
    const opts = { maxNewTokens: 8, greedy: true, stopAtEos: false } as const;
    const full = await make().generate('ca ab', { ...opts, kvCache: false });
    const cached = await make(log).generate('ca ab', opts);
    expect(cached).toEqual(full);
    expect(log[0]!.seq).toBe(toyTokenizer().encode('ca ab', true).length);
    expect(log.slice(1).every((r) => r.seq === 1)).toBe(true);
    expect(log.map((r) => r.past)).toEqual(log.map((_, i) => (i === 0 ? 0 : log[0]!.seq + i - 1)));
  });

  it('seeded sampling is unchanged by the cache', async () => {
    const opts = { maxNewTokens: 10, temperature: 1.3, topK: 6, seed: 7, stopAtEos: false } as const;
    expect(await make().generate('c', opts)).toEqual(await make().generate('c', { ...opts, kvCache: false }));
  });
});

describe('kvCache helpers', () => {
  it('pastRow cuts one row; stackPasts right-pads rows of different lengths with a 0 mask', () => {
    // [B=2, H=2, P=3, D=1]: value = 100·b + 10·h + p
    const t = Float32Array.from({ length: 12 }, (_, i) => 100 * Math.floor(i / 6) + 10 * Math.floor((i % 6) / 3) + (i % 3));
    const kv = { batch: 2, length: 3, heads: 2, headDim: 1, type: 'float32' as const, tensors: [t] };
    const r1 = pastRow(kv, 1, 2);
    expect(Array.from(r1.tensors[0]!)).toEqual([100, 101, 110, 111]);
    const r0 = pastRow(kv, 0, 3);
    const { past, mask } = stackPasts([r1, r0, { batch: 1, length: 0, heads: 0, headDim: 0, type: 'float32', tensors: [] }]);
    expect(past.length).toBe(3);
    expect(mask).toEqual([
      [1, 1, 0],
      [1, 1, 1],
      [0, 0, 0],
    ]);
    expect(Array.from(past.tensors[0]!)).toEqual([100, 101, 0, 110, 111, 0, 0, 1, 2, 10, 11, 12, 0, 0, 0, 0, 0, 0]);
  });
});

describe('kvCache helpers on float16 caches', () => {
  it('half bits stay half bits: the same positions move, the bit patterns are untouched', () => {
    // [B=2, H=1, P=2, D=2]: arbitrary half patterns, including NaN and subnormal bits a float conversion would alter.
    const t = Uint16Array.from([0x7e01, 0x0001, 0x3c00, 0xc000, 0x1234, 0x8001, 0x7bff, 0x0400]);
    const kv = { batch: 2, length: 2, heads: 1, headDim: 2, type: 'float16' as const, tensors: [t] };
    const r1 = pastRow(kv, 1, 1);
    expect(r1.tensors[0]).toBeInstanceOf(Uint16Array);
    expect(Array.from(r1.tensors[0]!)).toEqual([0x1234, 0x8001]);
    const { past } = stackPasts([r1, pastRow(kv, 0, 2)]);
    expect(past.type).toBe('float16');
    expect(past.tensors[0]).toBeInstanceOf(Uint16Array);
    expect(Array.from(past.tensors[0]!)).toEqual([0x1234, 0x8001, 0, 0, 0x7e01, 0x0001, 0x3c00, 0xc000]);
  });
});
