// A model folder that is broken in one way gives one named error whose sentence names the file and
// what is wrong, on both Node backends ('node': transformers.js on onnxruntime-node; 'wasm': the
// direct onnxruntime-web path); and the LM service (what the app's worker runs) keeps the model it
// had when a replacing load fails. Each case breaks a temp copy of a Hub-layout fixture row
// (tests/fixtures/hub-matrix/matrix/llama: GQA, fixed kv dims in the graph; mistral: weights in
// onnx/model.onnx_data declared by config.json's transformers.js_config.use_external_data_format).
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CorruptModelFileError, MissingTokenizerError, ModelConfigMismatchError, ModelNotFoundError, UnsupportedModelError } from '../../../src/core/errors';
import { loadLanguageModel } from '../../../src/runtime/lm/node';
import { createLmService } from '../../../src/runtime/lm/service';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const MATRIX = path.join(repo, 'tests', 'fixtures', 'hub-matrix', 'matrix');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'lm-broken-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let copies = 0;
/** A fresh copy of fixture row `row`, changed by `breakIt`. */
const brokenCopy = (row: string, breakIt: (dir: string) => void) => {
  const dir = path.join(tmp, `${row}-${++copies}`);
  cpSync(path.join(MATRIX, row), dir, { recursive: true });
  breakIt(dir);
  return dir;
};
const editConfig = (dir: string, edit: (c: Record<string, unknown>) => void) => {
  const file = path.join(dir, 'config.json');
  const c = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  edit(c);
  writeFileSync(file, JSON.stringify(c, null, 2));
};
/** Rename a graph input in place: same-length byte replacement keeps the protobuf valid. */
const renameInput = (file: string, from: string, to: string) => {
  const bytes = readFileSync(file);
  for (let i = bytes.indexOf(from); i >= 0; i = bytes.indexOf(from, i + 1)) bytes.write(to, i);
  writeFileSync(file, bytes);
};
const failure = async (dir: string, device: 'node' | 'wasm') => {
  const e = await loadLanguageModel(dir, { device }).then(
    async (lm) => {
      await lm.dispose();
      return null;
    },
    (err: unknown) => err as Error,
  );
  if (!e) throw new Error(`${dir} loaded on ${device}`);
  return e;
};

describe.each(['node', 'wasm'] as const)('a broken model folder on %s', (device) => {
  it('an Optimum-style folder (model.onnx at the top, no onnx/) → UnsupportedModelError saying where to move it', async () => {
    const dir = brokenCopy('llama', (d) => {
      cpSync(path.join(d, 'onnx', 'model.onnx'), path.join(d, 'model.onnx'));
      rmSync(path.join(d, 'onnx'), { recursive: true });
    });
    const e = await failure(dir, device);
    expect(e).toBeInstanceOf(UnsupportedModelError);
    expect(e.message).toBe(
      `${dir}: model.onnx is at the top of the folder, but transformers.js model folders keep their weights in onnx/ (onnx/model.onnx, onnx/model_quantized.onnx …); move it, with any .onnx_data file beside it, into an onnx/ folder.`,
    );
  });

  it('missing tokenizer.json → MissingTokenizerError naming it', async () => {
    const dir = brokenCopy('llama', (d) => rmSync(path.join(d, 'tokenizer.json')));
    const e = await failure(dir, device);
    expect(e).toBeInstanceOf(MissingTokenizerError);
    expect(e.message).toBe(`${dir} has no tokenizer.json; a transformers.js model folder needs tokenizer.json and tokenizer_config.json.`);
  });

  it('a config.json that contradicts the graph (head_dim 32, the graph has 16) → ModelConfigMismatchError naming config.json and the input', async () => {
    const dir = brokenCopy('llama', (d) => editConfig(d, (c) => (c.head_dim = 32)));
    const e = await failure(dir, device);
    expect(e).toBeInstanceOf(ModelConfigMismatchError);
    expect(e.message).toBe(
      'config.json gives a key/value head size of 32 (head_dim 32) but onnx/model.onnx declares input "past_key_values.0.key" with 16; use the config.json that came with this ONNX export.',
    );
  });

  it('a graph input the runtime cannot feed → UnsupportedModelError naming the file and the input (no silent fallback)', async () => {
    const dir = brokenCopy('llama', (d) => renameInput(path.join(d, 'onnx/model.onnx'), 'position_ids', 'position_idz'));
    const e = await failure(dir, device);
    expect(e).toBeInstanceOf(UnsupportedModelError);
    expect(e.message).toBe(
      'onnx/model.onnx needs an input "position_idz" that this runtime cannot feed (it feeds input_ids, attention_mask, position_ids, token_type_ids, past_key_values.*, use_cache_branch).',
    );
  });

  it('a truncated onnx/model.onnx → CorruptModelFileError naming it', async () => {
    const dir = brokenCopy('llama', (d) => truncateSync(path.join(d, 'onnx/model.onnx'), Math.floor(statSync(path.join(d, 'onnx/model.onnx')).size / 2)));
    const e = await failure(dir, device);
    expect(e).toBeInstanceOf(CorruptModelFileError);
    expect(e.message).toMatch(new RegExp(`^${dir}: onnx/model\\.onnx is corrupt or not a valid ONNX file \\(truncated download\\?\\)\\. \\(.*protobuf`, 'i'));
  });

  it('a missing onnx/model.onnx_data → ModelNotFoundError naming it, declared in config.json or not', async () => {
    const declared = brokenCopy('mistral', (d) => rmSync(path.join(d, 'onnx/model.onnx_data')));
    const e1 = await failure(declared, device);
    expect(e1).toBeInstanceOf(ModelNotFoundError);
    expect(e1.message).toBe(`${declared}: onnx/model.onnx_data, which holds the weights of onnx/model.onnx, was not found (not in the folder); put it next to the .onnx file.`);
    const undeclared = brokenCopy('mistral', (d) => {
      rmSync(path.join(d, 'onnx/model.onnx_data'));
      editConfig(d, (c) => delete c['transformers.js_config']);
    });
    const e2 = await failure(undeclared, device);
    expect(e2).toBeInstanceOf(ModelNotFoundError);
    expect(e2.message).toBe(`${undeclared}: onnx/model.onnx_data, which holds the weights of onnx/model.onnx, was not found (ONNX Runtime could not open it); put it next to the .onnx file.`);
  });

  it('a truncated onnx/model.onnx_data → CorruptModelFileError naming it', async () => {
    const dir = brokenCopy('mistral', (d) => truncateSync(path.join(d, 'onnx/model.onnx_data'), 1000));
    const e = await failure(dir, device);
    expect(e).toBeInstanceOf(CorruptModelFileError);
    expect(e.message).toMatch(new RegExp(`^${dir}: onnx/model\\.onnx_data is shorter than onnx/model\\.onnx says its weights are \\(truncated download\\?\\)\\.`));
  });

  it('external data the config does not declare still loads when the folder has it', async () => {
    const dir = brokenCopy('mistral', (d) => editConfig(d, (c) => delete c['transformers.js_config']));
    const ref = await loadLanguageModel(path.join(MATRIX, 'mistral'), { device });
    const lm = await loadLanguageModel(dir, { device });
    try {
      expect((await lm.tokenLogProbs(['The doctor said']))[0]!.logProbs).toEqual((await ref.tokenLogProbs(['The doctor said']))[0]!.logProbs);
    } finally {
      await lm.dispose();
      await ref.dispose();
    }
  });
});

describe('the LM service keeps the loaded model when a replacing load fails', () => {
  it('a folder re-picked broken leaves the loaded model answering with the same numbers; a good one replaces it', async () => {
    const dir = brokenCopy('llama', () => undefined);
    const svc = createLmService((source, opts) => loadLanguageModel(source.type === 'path' ? source.path : source.type, { ...opts, device: 'wasm' }));
    const source = { type: 'path' as const, path: dir };
    const info = await svc.lmLoad(source);
    const before = await svc.lmTokenLogProbs(info.id, ['The doctor said']);
    rmSync(path.join(dir, 'tokenizer.json'));
    await expect(svc.lmLoad(source, { replace: true })).rejects.toBeInstanceOf(MissingTokenizerError);
    expect(await svc.lmLoaded()).toEqual([info]);
    expect(await svc.lmTokenLogProbs(info.id, ['The doctor said'])).toEqual(before);
    cpSync(path.join(MATRIX, 'llama', 'tokenizer.json'), path.join(dir, 'tokenizer.json'));
    const q4 = await svc.lmLoad(source, { replace: true, dtype: 'q4' });
    expect(q4.dtype).toBe('q4');
    expect((await svc.lmLoaded()).map((i) => i.dtype)).toEqual(['q4']);
    expect(await svc.lmTokenLogProbs(info.id, ['The doctor said'])).not.toEqual(before);
    await svc.lmUnload(info.id);
  });
});
