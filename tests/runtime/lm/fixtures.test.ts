// Golden test of the LM runtime against torch. Expected values come from the training/export
// scripts, which score the same sentences with the torch model the ONNX files were exported from:
//   /usr/bin/python3 scripts/lm/export_gpt.py   → tests/fixtures/lm/tiny-gpt2.{logprobs,padded-batch,greedy}.json
//   /usr/bin/python3 scripts/lm/export_bert.py  → tests/fixtures/lm/tiny-bert.pll.json
//   /usr/bin/python3 scripts/lm/write_tokenizer_fixture.py → tests/fixtures/lm/tokenizers.json
// (each file's `generatedBy` names its command). Tolerance 1e-4 on every log-prob, on both ORT
// backends the runtime offers in Node: onnxruntime-node ('node', what the CLI uses) and
// onnxruntime-web WASM ('wasm', the browser's engine).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLanguageModel, type LanguageModel } from '../../../src/runtime/lm/node';
import { BERT, FIXTURES_DIR, GPT, MODELS_DIR, maxAbsDiff } from './helpers';

const TOL = 1e-4;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const fixture = (name: string): any => {
  const file = path.join(FIXTURES_DIR, name);
  if (!existsSync(file)) throw new Error(`missing fixture ${file}: run the export script named in this test's header`);
  const f = JSON.parse(readFileSync(file, 'utf8'));
  expect(f.generatedBy).toMatch(/^\/usr\/bin\/python3 scripts\/lm\//);
  return f;
};

/** Largest |Δ| seen per check, printed at the end (the report quotes it). */
const worst: Record<string, number> = {};
const track = (key: string, d: number) => {
  worst[key] = Math.max(worst[key] ?? 0, d);
  return d;
};
afterAll(() => console.log('fixture agreement, max |Δ|:', JSON.stringify(worst)));

for (const device of ['node', 'wasm'] as const) {
  describe(`tiny-gpt2 vs torch on ${device === 'node' ? 'onnxruntime-node' : 'onnxruntime-web WASM'}`, () => {
    let lm: LanguageModel;
    beforeAll(async () => {
      lm = await loadLanguageModel(GPT, { modelsDir: MODELS_DIR, device });
    });
    afterAll(() => lm?.dispose());

    it('token ids and per-token log-probs (first token unscored) within 1e-4', async () => {
      const fx = fixture('tiny-gpt2.logprobs.json');
      const texts: string[] = fx.sentences.map((s: { text: string }) => s.text);
      const ours = await lm.tokenLogProbs(texts, { prependBos: false, batchSize: 1 });
      fx.sentences.forEach((s: { ids: number[]; logprobs: number[]; total: number }, i: number) => {
        const r = ours[i]!;
        expect([...r.context.ids, ...r.ids]).toEqual(s.ids);
        expect(track(`${device} logprobs`, maxAbsDiff(r.logProbs, s.logprobs))).toBeLessThan(TOL);
        expect(track(`${device} total`, Math.abs(r.total - s.total))).toBeLessThan(TOL * 10);
      });
    });

    it('with <|endoftext|> prepended every token is scored, within 1e-4', async () => {
      const fx = fixture('tiny-gpt2.logprobs.json');
      const ours = await lm.tokenLogProbs(fx.sentences.map((s: { text: string }) => s.text));
      fx.sentences.forEach((s: { bos: { ids: number[]; logprobs: number[] } }, i: number) => {
        expect([...ours[i]!.context.ids, ...ours[i]!.ids]).toEqual(s.bos.ids);
        expect(track(`${device} bos logprobs`, maxAbsDiff(ours[i]!.logProbs, s.bos.logprobs))).toBeLessThan(TOL);
      });
    });

    it('a right-padded batch gives torch’s padded-batch values', async () => {
      const fx = fixture('tiny-gpt2.padded-batch.json');
      const ours = await lm.tokenLogProbs(fx.texts, { prependBos: false, batchSize: fx.texts.length });
      (fx.padded.right.logprobs as number[][]).forEach((lp, i) => expect(track(`${device} padded`, maxAbsDiff(ours[i]!.logProbs, lp))).toBeLessThan(TOL));
    });

    it('greedy generation reproduces torch’s greedy continuation', async () => {
      const fx = fixture('tiny-gpt2.greedy.json');
      const r = await lm.generate(fx.prompt, { maxNewTokens: fx.maxNewTokens, greedy: true, stopAtEos: false });
      expect(r.ids).toEqual(fx.greedyIds.slice(fx.promptIds.length));
    });
  });
}

describe('tiny-bert PLL vs torch', () => {
  for (const device of ['node', 'wasm'] as const) {
    it(`${device}: pseudo-log-likelihood per token within 1e-4, [CLS]/[SEP] excluded`, async () => {
      const fx = fixture('tiny-bert.pll.json');
      const lm = await loadLanguageModel(BERT, { modelsDir: MODELS_DIR, device });
      try {
        const ours = await lm.pseudoLogLikelihood(fx.sentences.map((s: { text: string }) => s.text), { batchSize: 8 });
        fx.sentences.forEach((s: { ids: number[]; scoredPositions: number[]; pll: number[] }, i: number) => {
          expect(ours[i]!.ids).toEqual(s.scoredPositions.map((p) => s.ids[p]));
          expect(track(`${device} pll`, maxAbsDiff(ours[i]!.logProbs, s.pll))).toBeLessThan(TOL);
        });
      } finally {
        await lm.dispose();
      }
    });
  }
});

describe('tokenizers vs the Python tokenizers', () => {
  it('transformers.js reproduces every fixture tokenisation (GPT-2 without, BERT with special tokens)', async () => {
    const fx = fixture('tokenizers.json');
    const gpt = await loadLanguageModel(GPT, { modelsDir: MODELS_DIR });
    const bert = await loadLanguageModel(BERT, { modelsDir: MODELS_DIR });
    try {
      for (const c of fx.cases as { text: string; gpt2: number[]; bert: number[] }[]) {
        expect(gpt.tokenize(c.text).ids, c.text).toEqual(c.gpt2);
        expect(bert.tokenize(c.text).ids, c.text).toEqual(c.bert);
      }
    } finally {
      await gpt.dispose();
      await bert.dispose();
    }
  });
});
