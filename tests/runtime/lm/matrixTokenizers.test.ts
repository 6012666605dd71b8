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
  /** The scripted rows' fixed answer (SCRIPT.md holds the ids the graph is biased to generate). */
  scriptedAnswer?: string;
}

const QWEN25_CHAT =
  '<|im_start|>system\nYou are Qwen, created by Alibaba Cloud. You are a helpful assistant.<|im_end|>\n' +
  '<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n';
const QWEN_SPECIALS = { bos_token_id: '<|endoftext|>', eos_token_id: '<|im_end|>', 'generation.eos_token_id': ['<|im_end|>', '<|endoftext|>'], 'generation.pad_token_id': '<|endoftext|>' };
const QWEN_IDS = [303, 906, 282, 64, 359, 434, 264, 282, 259, 6, 67, 866, 406, 441, 26, 267, 448, 886, 307, 359, 77, 6, 83, 11, 220, 17, 849, 268, 13];
const BERT_IDS = [101, 249, 845, 996, 335, 731, 746, 110, 145, 627, 978, 217, 130, 249, 956, 859, 226, 110, 161, 115, 121, 950, 231, 117, 102];

const ROWS: Record<string, Row> = {
  gpt2: {
    ids: [303, 906, 282, 64, 359, 434, 264, 282, 259, 6, 67, 866, 406, 441, 26, 267, 993, 973, 77, 6, 83, 11, 724, 849, 268, 13],
    specials: { bos_token_id: '<|endoftext|>', eos_token_id: '<|endoftext|>' },
    lossless: true,
  },
  llama: {
    ids: [320, 923, 299, 81, 376, 451, 281, 299, 276, 23, 84, 883, 423, 458, 43, 284, 1010, 990, 94, 23, 100, 28, 237, 34, 866, 285, 30],
    specials: { bos_token_id: '<|im_start|>', eos_token_id: '<|im_end|>', pad_token_id: '<|im_end|>', 'generation.eos_token_id': '<|im_end|>' },
    chat:
      '<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face<|im_end|>\n' +
      '<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n',
    lossless: true,
  },
  qwen2: { ids: QWEN_IDS, specials: QWEN_SPECIALS, chat: QWEN25_CHAT, lossless: true },
  qwen3: { ids: QWEN_IDS, specials: QWEN_SPECIALS, chat: '<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n', lossless: true },
  phi3: {
    ids: [1, 416, 384, 501, 453, 368, 261, 464, 506, 365, 368, 360, 319, 273, 829, 395, 555, 324, 369, 568, 990, 403, 464, 264, 319, 262, 285, 746, 358, 507, 916],
    specials: { bos_token_id: '<s>', eos_token_id: '<|endoftext|>', pad_token_id: '<|endoftext|>', 'generation.eos_token_id': ['<|end|>', '<|assistant|>', '<|endoftext|>'] },
    chat: '<|user|>\nHi<|end|>\n<|assistant|>\n',
    lossless: true,
  },
  gemma3: {
    ids: [2, 291, 365, 389, 506, 458, 373, 265, 469, 511, 370, 373, 365, 323, 277, 834, 400, 560, 328, 374, 573, 995, 408, 469, 268, 323, 266, 289, 751, 363, 512, 921],
    specials: { bos_token_id: '<bos>', eos_token_id: '<eos>', pad_token_id: '<pad>', 'generation.eos_token_id': ['<eos>', '<end_of_turn>'] },
    chat: '<bos><start_of_turn>user\nHi<end_of_turn>\n<start_of_turn>model\n',
    lossless: true,
  },
  mistral: {
    ids: [1, 431, 399, 516, 468, 383, 276, 479, 521, 380, 383, 375, 334, 288, 844, 410, 570, 339, 384, 583, 1005, 418, 479, 279, 334, 277, 300, 761, 373, 522, 931],
    specials: { bos_token_id: '<s>', eos_token_id: '</s>', 'generation.eos_token_id': '</s>' },
    chat: '<s> [INST] Hi [/INST]',
    lossless: true,
  },
  'gpt-neox': {
    ids: [305, 908, 284, 66, 361, 436, 266, 284, 261, 8, 69, 868, 408, 443, 28, 269, 995, 975, 79, 8, 85, 13, 726, 851, 270, 15],
    specials: { bos_token_id: '<|endoftext|>', eos_token_id: '<|endoftext|>' },
    lossless: true,
  },
  bert: { ids: BERT_IDS, specials: { pad_token_id: '[PAD]' }, lossless: false, roundTrip: 'the doctor said that the nurse was late' },
  distilbert: { ids: BERT_IDS, specials: { pad_token_id: '[PAD]' }, lossless: false, roundTrip: 'the doctor said that the nurse was late' },
  roberta: {
    ids: [0, 307, 910, 286, 68, 363, 438, 268, 286, 263, 10, 71, 870, 410, 445, 30, 271, 997, 977, 81, 10, 87, 15, 728, 853, 272, 17, 2],
    specials: { bos_token_id: '<s>', eos_token_id: '</s>', pad_token_id: '<pad>' },
    lossless: true,
  },
  'xlm-roberta': {
    ids: [0, 15, 528, 184, 18, 691, 303, 31, 535, 345, 60, 328, 84, 241, 137, 4, 648, 646, 33, 345, 27, 9, 263, 538, 400, 2],
    specials: { bos_token_id: '<s>', eos_token_id: '</s>', pad_token_id: '<pad>' },
    lossless: false,
    roundTrip: SENTENCE,
  },
  'scripted-iat': {
    ids: QWEN_IDS, specials: QWEN_SPECIALS, chat: QWEN25_CHAT, lossless: true,
    scriptedAnswer: 'career - Ben\nsalary - Ben\nhome - Julia\nfamily - Julia',
  },
  'scripted-decision': {
    ids: QWEN_IDS, specials: QWEN_SPECIALS, chat: QWEN25_CHAT, lossless: true,
    scriptedAnswer: 'Julia: taking notes at the meeting\nBen: presenting the quarterly results',
  },
};

const PADDED_VOCAB = new Set(['qwen2', 'qwen3', 'phi3', 'gpt-neox', 'scripted-iat', 'scripted-decision']);

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
    const vocabIds = [...tok.get_vocab().values()];
    expect(vocabIds.length).toBeGreaterThan(255);
    // Qwen, Phi-3 and Pythia configs pad vocab_size past their tokenizers (151936 > 151665 …); the others match it.
    if (PADDED_VOCAB.has(row)) expect(Math.max(...vocabIds) + 1).toBeLessThan(vocabSize);
    else expect(Math.max(...vocabIds) + 1).toBe(vocabSize);
  });

  // Only rows whose real repo has a chat template (or a scripted answer) get these checks.
  if (spec.chat !== undefined) {
    it('renders the real chat template for one user turn', () => {
      const rendered = tok.apply_chat_template([{ role: 'user', content: 'Hi' }], { add_generation_prompt: true, tokenize: false });
      expect(rendered).toBe(spec.chat);
    });
  }

  if (spec.scriptedAnswer !== undefined) {
    it('SCRIPT.md holds the chat prompt\'s last ids and the answer\'s ids, one token per word', () => {
      const script = readFileSync(path.join(MATRIX, row, 'SCRIPT.md'), 'utf8');
      const block = /```json\s*\n([\s\S]*?)```/.exec(script);
      const { context_ids: context, answer_ids: answer } = JSON.parse(block![1]!) as { context_ids: number[]; answer_ids: number[] };
      const prompt = tok.apply_chat_template([{ role: 'user', content: 'Hi' }], { add_generation_prompt: true, tokenize: true, return_tensor: false, return_dict: false }) as number[];
      expect(prompt.slice(-context.length)).toEqual(context);
      const eos = readJson(row, 'config.json').eos_token_id;
      expect(answer).toEqual([...tok.encode(spec.scriptedAnswer!), eos]);
      const words = spec.scriptedAnswer!.match(/ ?[^\s:]+|:|\n/g);
      expect(answer.slice(0, -1).map((id) => tok.decode([id]))).toEqual(words);
    });
  }
});
