// The precomputed ByteLevel decode against transformers.js's own decode (the reference: the library
// the rest of the runtime tokenizes with), on every byte-level tokenizer the project ships or tests
// with, over random id runs and over every prefix of multilingual texts' encodings (runs that end
// inside a character, which decode to U+FFFD), with special, added and past-the-vocabulary ids mixed
// in. Tokenizers with other decoders must get no fast decode.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AutoTokenizer, env, type PreTrainedTokenizer } from '@huggingface/transformers';
import { beforeAll, describe, expect, it } from 'vitest';
import { byteLevelDecoder } from '../../../src/runtime/lm/byteLevelDecode';
import { createRng } from '../../../src/core/rng';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const MATRIX = path.join(repo, 'tests', 'fixtures', 'hub-matrix', 'matrix');
const BYTE_LEVEL = [
  path.join(repo, 'public', 'models', 'workbench', 'tiny-gpt2'),
  ...['gpt2', 'gpt-neox', 'llama', 'qwen2', 'qwen3', 'roberta', 'scripted-decision'].map((row) => path.join(MATRIX, row)),
];
const OTHER_DECODERS = ['bert', 'gemma3', 'mistral', 'phi3', 'xlm-roberta'].map((row) => path.join(MATRIX, row));
const TEXTS = ['Le café est bon.', 'Zürich 日本語 🙂 naïve\tjazz', 'The nurse said that she’d be late — “twice”.', 'Ünïcödé  spaces\n\nand lines'];

const inner = (tk: PreTrainedTokenizer) => tk as unknown as { _tokenizerJSON: unknown; _tokenizer: unknown };
const reference = (tk: PreTrainedTokenizer, ids: number[]) => tk.decode(ids, { skip_special_tokens: true, clean_up_tokenization_spaces: false });

beforeAll(() => {
  env.allowLocalModels = true;
  env.allowRemoteModels = false;
  env.useBrowserCache = false;
  env.useFSCache = false;
});

describe.each(BYTE_LEVEL)('byte-level decode of %s', (folder) => {
  let tk: PreTrainedTokenizer;
  let fast: (ids: readonly number[]) => string;
  beforeAll(async () => {
    tk = await AutoTokenizer.from_pretrained(folder);
    const made = byteLevelDecoder(inner(tk)._tokenizerJSON, inner(tk)._tokenizer);
    if (!made) throw new Error('no fast decode for a ByteLevel tokenizer');
    fast = made;
  });

  it('decodes random runs of ordinary, special, added and out-of-vocabulary ids as the library does', () => {
    const vocabSize = tk.get_vocab().size;
    const specials = tk.all_special_ids as number[];
    const added = [...(inner(tk)._tokenizer as { added_tokens: Array<{ id: number }> }).added_tokens].map((a) => a.id);
    const rng = createRng(20261206);
    let withReplacement = 0;
    for (let trial = 0; trial < 400; trial++) {
      const ids = Array.from({ length: rng.int(1, 24) }, () => {
        const kind = rng.int(0, 19);
        if (kind === 0 && specials.length) return specials[rng.int(0, specials.length - 1)]!;
        if (kind === 1 && added.length) return added[rng.int(0, added.length - 1)]!;
        if (kind === 2) return vocabSize + rng.int(0, 5);
        return rng.int(0, vocabSize - 1);
      });
      const expected = reference(tk, ids);
      if (expected.includes('\uFFFD')) withReplacement++;
      expect(fast(ids), JSON.stringify(ids)).toBe(expected);
    }
    // Random byte tokens split characters often enough that the U+FFFD path is exercised.
    expect(withReplacement).toBeGreaterThan(10);
  });

  it('decodes every prefix of multilingual encodings, including runs that end inside a character', () => {
    let cut = 0;
    for (const text of TEXTS) {
      const ids = tk.encode(text, { add_special_tokens: true });
      for (let end = 1; end <= ids.length; end++) {
        const run = ids.slice(0, end);
        const expected = reference(tk, run);
        if (expected.endsWith('\uFFFD')) cut++;
        expect(fast(run), `${text} [0, ${end})`).toBe(expected);
      }
    }
    if (tk.get_vocab().size < 5000) expect(cut).toBeGreaterThan(0);
  });
});

describe.each(OTHER_DECODERS)('no byte-level decode for %s', (folder) => {
  it('returns null for a tokenizer whose decoder is not ByteLevel', async () => {
    const tk = await AutoTokenizer.from_pretrained(folder);
    expect(byteLevelDecoder(inner(tk)._tokenizerJSON, inner(tk)._tokenizer)).toBeNull();
  });
});
