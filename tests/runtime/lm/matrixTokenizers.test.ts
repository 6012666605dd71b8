// The hub-matrix rows' tiny tokenizers as transformers.js loads them from a local folder. Expected ids
// are literals printed by the independent Python encoders of the build script
// (`/usr/bin/python3 scripts/lm/fixtures/build_tokenizers.py --expect`: byte-level BPE, SentencePiece BPE
// with byte fallback, WordPiece and Unigram written from the Hugging Face algorithms, not via
// transformers.js); the chat-template strings were written by hand from each real template; special
// ids are checked against the row's config.json and generation_config.json.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AutoTokenizer, env, type PreTrainedTokenizer } from '@huggingface/transformers';
import { beforeAll, describe, expect, it } from 'vitest';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const MATRIX = path.join(repo, 'tests', 'fixtures', 'hub-matrix', 'matrix');

const SENTENCE = "The nurse said that she'd be late; the doctor didn't, 2 times.";
/** Text outside every tiny vocabulary's words: byte-level and byte-fallback rows must still round-trip it. */
const UNSEEN = 'Zürich 日本語 🙂 naïve\tjazz';

interface Row {
  /** Python reference ids of SENTENCE, special tokens included as the post-processor adds them. */
  ids: number[];
  /** config.json / generation_config.json field → the token it must name. */
  specials: Record<string, string | string[]>;
  /** The real template rendered for [{role:'user', content:'Hi'}] with the generation prompt. */
  chat?: string;
  /** Whether any text survives encode → decode (byte-level or byte fallback). */
  lossless: boolean;
  /** A sentence the row decodes back exactly (uncased rows lowercase and space punctuation). */
  roundTrip?: string;
}

const QWEN25_CHAT =
  '<|im_start|>system\nYou are Qwen, created by Alibaba Cloud. You are a helpful assistant.<|im_end|>\n' +
  '<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n';
const QWEN_SPECIALS = { bos_token_id: '<|endoftext|>', eos_token_id: '<|im_end|>', 'generation.eos_token_id': ['<|im_end|>', '<|endoftext|>'], 'generation.pad_token_id': '<|endoftext|>' };
const QWEN_IDS = [291, 875, 275, 64, 323, 363, 263, 275, 258, 6, 67, 834, 309, 404, 26, 272, 958, 939, 77, 6, 83, 11, 220, 17, 823, 267, 13];
const BERT_IDS = [101, 249, 827, 975, 311, 716, 727, 110, 145, 574, 958, 217, 130, 249, 933, 840, 226, 110, 161, 115, 121, 927, 231, 117, 102];

const ROWS: Record<string, Row> = {
  gpt2: {
    ids: [291, 875, 275, 64, 323, 363, 263, 275, 258, 6, 67, 834, 309, 404, 26, 272, 958, 939, 77, 6, 83, 11, 697, 823, 267, 13],
    specials: { bos_token_id: '<|endoftext|>', eos_token_id: '<|endoftext|>' },
    lossless: true,
  },
  llama: {
    ids: [308, 892, 292, 1020, 380, 280, 292, 275, 23, 84, 851, 326, 421, 43, 289, 975, 956, 94, 23, 100, 28, 237, 34, 840, 284, 30],
    specials: { bos_token_id: '<|im_start|>', eos_token_id: '<|im_end|>', pad_token_id: '<|im_end|>', 'generation.eos_token_id': '<|im_end|>' },
    chat:
      '<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face<|im_end|>\n' +
      '<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n',
    lossless: true,
  },
  qwen2: { ids: QWEN_IDS, specials: QWEN_SPECIALS, chat: QWEN25_CHAT, lossless: true },
  qwen3: { ids: QWEN_IDS, specials: QWEN_SPECIALS, chat: '<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n', lossless: true },
  phi3: {
    ids: [1, 402, 386, 463, 430, 366, 261, 431, 473, 364, 366, 360, 317, 272, 805, 379, 523, 324, 371, 534, 965, 390, 431, 265, 317, 262, 284, 715, 359, 452, 893],
    specials: { bos_token_id: '<s>', eos_token_id: '<|endoftext|>', pad_token_id: '<|endoftext|>', 'generation.eos_token_id': ['<|end|>', '<|assistant|>', '<|endoftext|>'] },
    chat: '<|user|>\nHi<|end|>\n<|assistant|>\n',
    lossless: true,
  },
  gemma3: {
    ids: [2, 290, 365, 391, 468, 435, 371, 265, 436, 478, 369, 371, 365, 321, 276, 810, 384, 528, 328, 376, 539, 970, 395, 436, 269, 321, 266, 288, 720, 364, 457, 898],
    specials: { bos_token_id: '<bos>', eos_token_id: '<eos>', pad_token_id: '<pad>', 'generation.eos_token_id': ['<eos>', '<end_of_turn>'] },
    chat: '<bos><start_of_turn>user\nHi<end_of_turn>\n<start_of_turn>model\n',
    lossless: true,
  },
  mistral: {
    ids: [1, 417, 401, 478, 445, 381, 276, 446, 488, 379, 381, 375, 332, 287, 820, 394, 538, 339, 386, 549, 980, 405, 446, 280, 332, 277, 299, 730, 374, 467, 908],
    specials: { bos_token_id: '<s>', eos_token_id: '</s>', 'generation.eos_token_id': '</s>' },
    chat: '<s> [INST] Hi [/INST]',
    lossless: true,
  },
  'gpt-neox': {
    ids: [293, 877, 277, 66, 325, 365, 265, 277, 260, 8, 69, 836, 311, 406, 28, 274, 960, 941, 79, 8, 85, 13, 699, 825, 269, 15],
    specials: { bos_token_id: '<|endoftext|>', eos_token_id: '<|endoftext|>' },
    lossless: true,
  },
  bert: { ids: BERT_IDS, specials: { pad_token_id: '[PAD]' }, lossless: false, roundTrip: 'the doctor said that the nurse was late' },
  distilbert: { ids: BERT_IDS, specials: { pad_token_id: '[PAD]' }, lossless: false, roundTrip: 'the doctor said that the nurse was late' },
  roberta: {
    ids: [0, 295, 879, 279, 1007, 367, 267, 279, 262, 10, 71, 838, 313, 408, 30, 276, 962, 943, 81, 10, 87, 15, 701, 827, 271, 17, 2],
    specials: { bos_token_id: '<s>', eos_token_id: '</s>', pad_token_id: '<pad>' },
    lossless: true,
  },
  'xlm-roberta': {
    ids: [0, 11, 511, 169, 13, 673, 320, 28, 523, 323, 47, 308, 34, 222, 122, 4, 627, 625, 17, 323, 22, 9, 245, 526, 379, 2],
    specials: { bos_token_id: '<s>', eos_token_id: '</s>', pad_token_id: '<pad>' },
    lossless: false,
    roundTrip: SENTENCE,
  },
  'scripted-iat': { ids: QWEN_IDS, specials: QWEN_SPECIALS, chat: QWEN25_CHAT, lossless: true },
  'scripted-decision': { ids: QWEN_IDS, specials: QWEN_SPECIALS, chat: QWEN25_CHAT, lossless: true },
};

const readJson = (row: string, file: string): Record<string, unknown> => JSON.parse(readFileSync(path.join(MATRIX, row, file), 'utf8'));

beforeAll(() => {
  env.allowLocalModels = true;
  env.allowRemoteModels = false;
  env.useBrowserCache = false;
  env.useFSCache = false;
});

describe.each(Object.entries(ROWS))('hub-matrix %s tokenizer', (row, spec) => {
  let tok: PreTrainedTokenizer;
  beforeAll(async () => {
    tok = await AutoTokenizer.from_pretrained(path.join(MATRIX, row));
  });

  it('encodes the sentence to the Python reference ids', () => {
    expect(tok.encode(SENTENCE)).toEqual(spec.ids);
  });

  it('decodes its own encoding back to the text', () => {
    const text = spec.roundTrip ?? SENTENCE;
    expect(tok.decode(tok.encode(text), { skip_special_tokens: true })).toBe(text);
    if (spec.lossless) {
      const ids = tok.encode(UNSEEN);
      expect(tok.decode(ids, { skip_special_tokens: true })).toBe(UNSEEN);
      const unk = tok.unk_token_id;
      if (unk !== undefined && unk !== null) expect(ids).not.toContain(unk);
    }
  });

  it('names in config.json the same special tokens as the tokenizer', () => {
    const config = readJson(row, 'config.json');
    const generation = spec.specials['generation.eos_token_id'] ? readJson(row, 'generation_config.json') : {};
    for (const [field, token] of Object.entries(spec.specials)) {
      const value = field.startsWith('generation.') ? generation[field.slice('generation.'.length)] : config[field];
      const ids = [token].flat().map((t) => tok.convert_tokens_to_ids(t));
      expect(ids.every((id) => Number.isInteger(id)), `${field} → ${String(token)} is in the vocabulary`).toBe(true);
      expect(value, field).toEqual(Array.isArray(token) ? ids : ids[0]);
    }
    const vocabSize = config.vocab_size as number;
    expect(Math.max(...Object.values(tok.get_vocab() as Record<string, number>)) + 1).toBeLessThanOrEqual(vocabSize);
  });

  it.runIf(spec.chat !== undefined)('renders the real chat template for one user turn', () => {
    const rendered = tok.apply_chat_template([{ role: 'user', content: 'Hi' }], { add_generation_prompt: true, tokenize: false });
    expect(rendered).toBe(spec.chat);
  });
});
