// The LM runtime in Node on the embedded models (transformers.js on onnxruntime-node): load info,
// batching = one at a time, continuation arithmetic, seeded generation, PLL against a direct
// computation on a separately created onnxruntime-web session, WASM (onnxruntime-web) parity, and
// the errors users hit (corrupt ONNX, missing tokenizer, unsupported architecture, dtype not offered).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AutoTokenizer } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CorruptModelFileError, InvalidOptionError, MissingTokenizerError, ModelNotFoundError, UnsupportedModelError } from '../../../src/core/errors';
import { getOrt } from '../../../src/runtime/ort';
import { loadLanguageModel, scoreText, type LanguageModel } from '../../../src/runtime/lm/node';
import type { TokenLogProbs } from '../../../src/runtime/lm/types';
import { BERT, GPT, MODELS_DIR, SENTENCES, maxAbsDiff, sha256Of } from './helpers';

let gpt: LanguageModel;
let bert: LanguageModel;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'lm-node-'));

beforeAll(async () => {
  gpt = await loadLanguageModel(GPT, { modelsDir: MODELS_DIR });
  bert = await loadLanguageModel(BERT, { modelsDir: MODELS_DIR });
});
afterAll(async () => {
  await gpt?.dispose();
  await bert?.dispose();
  rmSync(tmp, { recursive: true, force: true });
});

describe('embedded causal LM', () => {
  it('reports what ran: kind, backend, dtype, sha256 of the ONNX file', () => {
    expect(gpt.info).toMatchObject({ id: GPT, source: 'embedded', kind: 'causal-lm', modelType: 'gpt2', backend: 'node', dtype: 'fp32' });
    expect(gpt.info.sha256['onnx/model.onnx']).toBe(sha256Of(path.join(MODELS_DIR, GPT, 'onnx/model.onnx')));
    expect(gpt.info.availableDtypes).toContain('fp32');
  });

  it('batched with padding equals one at a time (1e-5)', async () => {
    const single: TokenLogProbs[] = [];
    for (const s of SENTENCES) single.push((await gpt.tokenLogProbs([s]))[0]!);
    for (const batchSize of [2, 4, 16]) {
      const batched = await gpt.tokenLogProbs(SENTENCES, { batchSize });
      batched.forEach((r, i) => {
        expect(r.ids).toEqual(single[i]!.ids);
        expect(maxAbsDiff(r.logProbs, single[i]!.logProbs)).toBeLessThan(1e-5);
      });
    }
  });

  it('continuation log-prob = total(prefix + continuation) − total(prefix) when tokens align', async () => {
    for (const [prefix, cont] of [
      ['The doctor said that', ' she was tired.'],
      ['Call me', ' Ishmael.'],
    ] as const) {
      const r = await gpt.continuationLogProb(prefix, cont);
      const [full, pre] = await gpt.tokenLogProbs([prefix + cont, prefix]);
      expect(r.boundaryAligned).toBe(true);
      expect(Math.abs(r.total - (full!.total - pre!.total))).toBeLessThan(1e-5);
      expect(r.perToken.map((t) => t.token).join('')).toBe(cont);
    }
  });

  it('a prefix ending in a space: the space goes with the continuation token', async () => {
    const r = await gpt.continuationLogProb('The doctor said that ', 'she was tired.');
    expect(r.boundaryAligned).toBe(false);
    expect(r.perToken[0]!.token.startsWith(' ')).toBe(true);
  });

  it('seeded generation is deterministic; greedy is too', async () => {
    const opts = { maxNewTokens: 8, temperature: 0.9, topK: 40, seed: 2024, stopAtEos: false } as const;
    const a = await gpt.generate('The president', opts);
    const b = await gpt.generate('The president', opts);
    expect(b).toEqual(a);
    expect(a.ids).toHaveLength(8);
    const g1 = await gpt.generate('The president', { maxNewTokens: 6, greedy: true });
    const g2 = await gpt.generate('The president', { maxNewTokens: 6, greedy: true });
    expect(g2).toEqual(g1);
  });

  it('scoreText (the CLI `score` call) returns total and per-token values', async () => {
    const r = await scoreText(gpt, ' she was tired.', { prefix: 'The doctor said that' });
    expect(r.method).toBe('continuation');
    expect(r.total).toBeCloseTo(r.tokens.reduce((s, t) => s + t.logProb, 0), 10);
    const whole = await scoreText(gpt, 'Call me Ishmael.');
    expect(whole.method).toBe('token-log-probs');
    expect(whole.contextTokens).toBe(1); // <|endoftext|>
  });
});

describe('dtypes', () => {
  it('q8 (onnx/model_quantized.onnx) loads when offered and stays close to fp32', async () => {
    if (!gpt.info.availableDtypes.includes('q8')) return; // the folder offers fp32 only
    const q8 = await loadLanguageModel(GPT, { modelsDir: MODELS_DIR, dtype: 'q8' });
    try {
      expect(q8.info.dtype).toBe('q8');
      expect(Object.keys(q8.info.sha256)).toEqual(['onnx/model_quantized.onnx']);
      const [a, b] = [await gpt.tokenLogProbs(SENTENCES), await q8.tokenLogProbs(SENTENCES)];
      // int8 weight-only quantisation: the export's model card reports max |Δ log-prob| ≈ 0.04 in torch.
      a.forEach((r, i) => expect(maxAbsDiff(r.logProbs, b[i]!.logProbs)).toBeLessThan(0.1));
    } finally {
      await q8.dispose();
    }
  });
});

describe('ORT backends in Node', () => {
  it('onnxruntime-web WASM (device "wasm") gives the same log-probs as onnxruntime-node (1e-4)', async () => {
    const wasm = await loadLanguageModel(GPT, { modelsDir: MODELS_DIR, device: 'wasm' });
    try {
      expect(wasm.info.backend).toBe('wasm');
      const a = await gpt.tokenLogProbs(SENTENCES);
      const b = await wasm.tokenLogProbs(SENTENCES, { batchSize: 3 });
      a.forEach((r, i) => expect(maxAbsDiff(r.logProbs, b[i]!.logProbs)).toBeLessThan(1e-4));
    } finally {
      await wasm.dispose();
    }
  });

  it('WebGPU is refused in Node with a reason', async () => {
    await expect(loadLanguageModel(GPT, { modelsDir: MODELS_DIR, device: 'webgpu' })).rejects.toThrow(/WebGPU is not available/);
  });
});

describe('embedded masked LM', () => {
  it('is a masked LM; causal operations are refused', async () => {
    expect(bert.info).toMatchObject({ kind: 'masked-lm', modelType: 'bert', backend: 'node' });
    await expect(bert.tokenLogProbs(['a'])).rejects.toBeInstanceOf(UnsupportedModelError);
  });

  it('PLL equals a direct computation: mask each token, one sequence per run, float64 log-softmax', async () => {
    const texts = ['The doctor said that she was tired.', 'He worked as a nurse.'];
    const res = await bert.pseudoLogLikelihood(texts, { batchSize: 5 });
    // Direct: an independent onnxruntime-web session and tokenizer.
    const ort = await getOrt();
    const session = await ort.InferenceSession.create(path.join(MODELS_DIR, BERT, 'onnx/model.onnx'));
    const tok = await AutoTokenizer.from_pretrained(path.join(MODELS_DIR, BERT));
    try {
      for (const [i, text] of texts.entries()) {
        const ids = tok.encode(text);
        const specials = new Set(tok.all_special_ids as number[]);
        const direct: number[] = [];
        for (let pos = 0; pos < ids.length; pos++) {
          if (specials.has(ids[pos]!)) continue;
          const masked = ids.slice();
          masked[pos] = tok.mask_token_id as number;
          const t = (v: number[]) => new ort.Tensor('int64', BigInt64Array.from(v, BigInt), [1, v.length]);
          const feeds: Record<string, InstanceType<typeof ort.Tensor>> = { input_ids: t(masked), attention_mask: t(masked.map(() => 1)) };
          if (session.inputNames.includes('token_type_ids')) feeds.token_type_ids = t(masked.map(() => 0));
          const out = await session.run(feeds);
          const logits = out.logits!.data as Float32Array;
          const V = Number(out.logits!.dims[2]);
          const row = Array.from(logits.subarray(pos * V, (pos + 1) * V));
          const max = Math.max(...row);
          direct.push(row[ids[pos]!]! - max - Math.log(row.reduce((s, x) => s + Math.exp(x - max), 0)));
        }
        expect(res[i]!.logProbs).toHaveLength(direct.length);
        expect(maxAbsDiff(res[i]!.logProbs, direct)).toBeLessThan(1e-4);
      }
    } finally {
      await session.release();
    }
  });

  it('PLL batch size does not change the values', async () => {
    const a = await bert.pseudoLogLikelihood(SENTENCES.slice(0, 3), { batchSize: 1 });
    const b = await bert.pseudoLogLikelihood(SENTENCES.slice(0, 3), { batchSize: 32 });
    a.forEach((r, i) => expect(maxAbsDiff(r.logProbs, b[i]!.logProbs)).toBeLessThan(1e-5));
  });
});

describe('chat templates (transformers.js renders the Jinja template of tokenizer_config.json)', () => {
  it('a model whose tokenizer has a chat template generates from the rendered user turn', async () => {
    const dir = path.join(tmp, 'with-chat-template');
    cpSync(path.join(MODELS_DIR, GPT), dir, { recursive: true, dereference: true });
    const cfgPath = path.join(dir, 'tokenizer_config.json');
    const cfg = JSON.parse(readFileSync(cfgPath, 'utf8')) as Record<string, unknown>;
    cfg.chat_template = "{% for m in messages %}Question ({{ m['role'] }}): {{ m['content'] }}\n{% endfor %}{% if add_generation_prompt %}Answer:{% endif %}";
    writeFileSync(cfgPath, JSON.stringify(cfg));
    const chatModel = await loadLanguageModel(dir);
    try {
      // LmInfo says which of the two has a template (what the pre-run warning reads).
      expect([chatModel.info.chatTemplate, gpt.info.chatTemplate]).toEqual([true, false]);
      const opts = { maxNewTokens: 6, greedy: true, stopAtEos: false } as const;
      const viaChat = await chatModel.generate('Who wrote Moby-Dick?', { ...opts, chat: true });
      const rendered = await chatModel.generate('Question (user): Who wrote Moby-Dick?\nAnswer:', opts);
      expect(viaChat.chatTemplate).toBe(true);
      expect(rendered.chatTemplate).toBe(false);
      expect(viaChat.ids).toEqual(rendered.ids);
      // The embedded model itself has no template: chat is asked for but the prompt goes as text.
      const plain = await gpt.generate('Who wrote Moby-Dick?', { ...opts, chat: true });
      expect(plain.chatTemplate).toBe(false);
      expect(plain.ids).toEqual((await gpt.generate('Who wrote Moby-Dick?', opts)).ids);
    } finally {
      await chatModel.dispose();
    }
  });
});

describe('errors users hit', () => {
  const copyModel = (name: string) => {
    const dir = path.join(tmp, name);
    cpSync(path.join(MODELS_DIR, GPT), dir, { recursive: true, dereference: true });
    return dir;
  };

  it('corrupt ONNX file → CorruptModelFileError', async () => {
    const dir = copyModel('corrupt');
    writeFileSync(path.join(dir, 'onnx/model.onnx'), Buffer.from('this is not a protobuf, just text pretending to be a model'));
    await expect(loadLanguageModel(dir)).rejects.toBeInstanceOf(CorruptModelFileError);
  });

  it('missing tokenizer → MissingTokenizerError', async () => {
    const dir = copyModel('no-tokenizer');
    rmSync(path.join(dir, 'tokenizer.json'));
    const err = await loadLanguageModel(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MissingTokenizerError);
    expect(String((err as Error).message)).toMatch(/tokenizer/);
  });

  it('missing tokenizer_config.json → MissingTokenizerError too', async () => {
    const dir = copyModel('no-tokenizer-config');
    rmSync(path.join(dir, 'tokenizer_config.json'));
    await expect(loadLanguageModel(dir)).rejects.toBeInstanceOf(MissingTokenizerError);
  });

  it('unsupported architecture → UnsupportedModelError naming the model_type', async () => {
    const dir = copyModel('vision');
    writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ model_type: 'vit', architectures: ['ViTForImageClassification'] }));
    await expect(loadLanguageModel(dir)).rejects.toThrow(/model_type "vit".*not a causal or masked language model/);
  });

  it('invalid config JSON → CorruptModelFileError', async () => {
    const dir = copyModel('bad-json');
    writeFileSync(path.join(dir, 'config.json'), '{"model_type": "gpt2",');
    await expect(loadLanguageModel(dir)).rejects.toBeInstanceOf(CorruptModelFileError);
  });

  it('a dtype the folder does not offer → InvalidOptionError listing what it has', async () => {
    await expect(loadLanguageModel(GPT, { modelsDir: MODELS_DIR, dtype: 'q4f16' })).rejects.toThrow(InvalidOptionError);
    await expect(loadLanguageModel(GPT, { modelsDir: MODELS_DIR, dtype: 'q4f16' })).rejects.toThrow(/available: fp32/);
  });

  it('a folder without ONNX weights → ModelNotFoundError / UnsupportedModelError, not a crash', async () => {
    const dir = copyModel('no-onnx');
    rmSync(path.join(dir, 'onnx'), { recursive: true });
    const err = await loadLanguageModel(dir).catch((e: unknown) => e);
    expect(err instanceof UnsupportedModelError || err instanceof ModelNotFoundError).toBe(true);
  });
});
