// Fault suite, model folders: a language-model folder the user points the workbench at (a picked
// folder in the page, a path in the CLI), loaded in Node through the same loader (loadWith) on the
// direct WASM path. Each copy of `workbench/tiny-gpt2` (q8 weights only) is broken in one way the
// user can get it wrong — no config.json, a cut or foreign config, no weights, a Git LFS pointer
// where the weights belong, a web page saved as the model, weights too large for the device — and
// must give one named error whose sentence names the file and says what to do. (Breakage of the
// graph itself, external data and tokenizers: tests/runtime/lm/brokenFolders.test.ts.)
import { cpSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CancelledError, CorruptModelFileError, ModelNotFoundError, ModelTooLargeError, UnsupportedModelError } from '../../src/core/errors';
import { loadLanguageModel } from '../../src/runtime/lm/node';
import { createLmService } from '../../src/runtime/lm/service';
import { GPT, MODELS_DIR } from '../runtime/lm/helpers';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'faults-folders-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const TEXT = ['The doctor said that she was tired.'];

let copies = 0;
/** A copy of tiny-gpt2 with only its q8 weights, changed by `breakIt`. */
const folder = (breakIt: (dir: string) => void = () => undefined) => {
  const dir = path.join(tmp, `gpt-${++copies}`);
  cpSync(path.join(MODELS_DIR, GPT), dir, { recursive: true });
  rmSync(path.join(dir, 'onnx/model.onnx'));
  breakIt(dir);
  return dir;
};
const editConfig = (dir: string, edit: (c: Record<string, unknown>) => void) => {
  const c = JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8')) as Record<string, unknown>;
  edit(c);
  writeFileSync(path.join(dir, 'config.json'), JSON.stringify(c));
};
const failure = async (dir: string, opts: Parameters<typeof loadLanguageModel>[1] = {}) => {
  const lm = await loadLanguageModel(dir, { device: 'wasm', ...opts }).catch((e: unknown) => e as Error);
  if (!(lm instanceof Error)) {
    await lm.dispose();
    throw new Error(`${dir} loaded`);
  }
  return lm;
};

describe('fault suite', () => {
  it('model folders · malformed · a folder without config.json → ModelNotFoundError naming config.json', async () => {
    const dir = folder((d) => rmSync(path.join(d, 'config.json')));
    const e = await failure(dir);
    expect(e).toBeInstanceOf(ModelNotFoundError);
    expect(e.message).toMatch(new RegExp(`^${dir}: config\\.json was not found`));
  });

  it('model folders · interrupted · a config.json cut off mid-way → CorruptModelFileError: "config.json is corrupt or not a valid JSON file"', async () => {
    const dir = folder((d) => writeFileSync(path.join(d, 'config.json'), readFileSync(path.join(d, 'config.json'), 'utf8').slice(0, 40)));
    const e = await failure(dir);
    expect(e).toBeInstanceOf(CorruptModelFileError);
    expect(e.message).toMatch(new RegExp(`^${dir}: config\\.json is corrupt or not a valid JSON file \\(truncated download\\?\\)`));
  });

  it('model folders · malformed · a config.json of an architecture transformers.js cannot run (mamba) → UnsupportedModelError naming it', async () => {
    const dir = folder((d) => editConfig(d, (c) => Object.assign(c, { model_type: 'mamba', architectures: ['MambaForCausalLM'] })));
    const e = await failure(dir);
    expect(e).toBeInstanceOf(UnsupportedModelError);
    expect(e.message).toMatch(new RegExp(`^${dir}: model_type "mamba" \\(MambaForCausalLM\\) is not a causal or masked language model that transformers\\.js [\\d.]+ supports\\.`));
  });

  it('model folders · malformed · no onnx/ folder → UnsupportedModelError listing the weight files it looked for', async () => {
    const dir = folder((d) => rmSync(path.join(d, 'onnx'), { recursive: true }));
    const e = await failure(dir);
    expect(e).toBeInstanceOf(UnsupportedModelError);
    expect(e.message).toBe(
      `${dir} has no ONNX weights in onnx/ (looked for onnx/model.onnx, onnx/model_fp16.onnx, onnx/model_quantized.onnx, onnx/model_q4.onnx, onnx/model_q4f16.onnx).`,
    );
  });

  it('model folders · malformed · a Git LFS pointer where the weights belong (cloned without git-lfs) → says so and to run "git lfs pull"', async () => {
    const pointer = 'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 3557323\n';
    const dir = folder((d) => writeFileSync(path.join(d, 'onnx/model_quantized.onnx'), pointer));
    const e = await failure(dir);
    expect(e).toBeInstanceOf(CorruptModelFileError);
    expect(e.message).toBe(
      `${dir}: onnx/model_quantized.onnx is only ${pointer.length} bytes, a Git LFS pointer rather than the weights? Run "git lfs pull" in the folder, or download the file itself.`,
    );
  });

  it('model folders · hostile · a web page saved as onnx/model_quantized.onnx → CorruptModelFileError naming the file', async () => {
    const page = `<!DOCTYPE html><html><body>${'<p>Sign in to download this file.</p>'.repeat(20)}</body></html>`;
    const dir = folder((d) => writeFileSync(path.join(d, 'onnx/model_quantized.onnx'), page));
    const e = await failure(dir);
    expect(e).toBeInstanceOf(CorruptModelFileError);
    expect(e.message).toMatch(new RegExp(`^${dir}: onnx/model_quantized\\.onnx is corrupt or not a valid ONNX file`));
  });

  it('model folders · oversized · 5 GB of weights in one file → ModelTooLargeError before a byte is read, naming the 2,147 MB parse limit', async () => {
    // A sparse file: 5 GB by its size, no disk.
    const dir = folder((d) => truncateSync(path.join(d, 'onnx/model_quantized.onnx'), 5_000_000_000));
    const e = await failure(dir);
    expect(e).toBeInstanceOf(ModelTooLargeError);
    expect(e.message).toMatch(new RegExp(`^${dir} \\(q8\\) cannot load on WASM: onnx/model_quantized\\.onnx is 5,000 MB in one protobuf, over the 2,147 MB ONNX Runtime Web can parse`));
  });

  it('model folders · interrupted · a load cancelled after config.json → CancelledError; loading again works and scores', async () => {
    const dir = folder();
    const ctrl = new AbortController();
    const e = await failure(dir, { signal: ctrl.signal, onProgress: (p) => p.status === 'done' && p.file === 'config.json' && ctrl.abort() });
    expect(e).toBeInstanceOf(CancelledError);
    expect(e.message).toBe(`Loading ${dir} was cancelled.`);
    const lm = await loadLanguageModel(dir, { device: 'wasm' });
    try {
      expect((await lm.tokenLogProbs(TEXT))[0]!.total).toBeLessThan(0);
    } finally {
      await lm.dispose();
    }
  });

  it('model folders · concurrent · a good folder and a broken one loaded into the service at once → the good one serves, the broken one is named', async () => {
    const good = folder();
    const broken = folder((d) => rmSync(path.join(d, 'tokenizer.json')));
    const svc = createLmService((source, opts) => loadLanguageModel(source.type === 'path' ? source.path : '', { ...opts, device: 'wasm' }));
    const [a, b] = await Promise.allSettled([svc.lmLoad({ type: 'path', path: good }), svc.lmLoad({ type: 'path', path: broken })]);
    expect(a.status).toBe('fulfilled');
    expect(b.status === 'rejected' && (b.reason as Error).message).toBe(`${broken} has no tokenizer.json; a transformers.js model folder needs tokenizer.json and tokenizer_config.json.`);
    const info = (a as PromiseFulfilledResult<Awaited<ReturnType<typeof svc.lmLoad>>>).value;
    expect((await svc.lmLoaded()).map((i) => i.id)).toEqual([info.id]);
    const reference = await loadLanguageModel(GPT, { modelsDir: MODELS_DIR, device: 'wasm', dtype: 'q8' });
    try {
      expect((await svc.lmTokenLogProbs(info.id, TEXT))[0]!.total).toBe((await reference.tokenLogProbs(TEXT))[0]!.total);
    } finally {
      await reference.dispose();
      await svc.lmUnload(info.id);
    }
  });
});
