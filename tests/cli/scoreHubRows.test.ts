// `bias-workbench score` on Hub-layout model folders (tests/fixtures/hub-matrix/matrix/<row>) as a
// user runs it: the GQA Llama without head_dim that used to fail with "Got invalid dimensions for
// input: past_key_values.0.key", on --device node (and its old word cpu) and wasm and with --dtype;
// the numbers equal the in-process runtime's on the same folder, device and dtype; the backend is
// named in the one vocabulary (cpu is reported as node); a broken folder is one sentence on stderr
// with exit code 1.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLanguageModel, scoreText, type ScoreResult } from '../../src/runtime/lm/node';

const root = join(import.meta.dirname, '..', '..');
const LLAMA = join(root, 'tests', 'fixtures', 'hub-matrix', 'matrix', 'llama');
const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'bias-workbench.mjs'), ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('bias-workbench score on a Hub-layout folder', () => {
  it.each([
    ['node', 'auto', 'fp32', 'node'],
    ['wasm', 'auto', 'fp32', 'wasm'],
    ['cpu', 'q4f16', 'q4f16', 'node'],
    ['wasm', 'q8', 'q8', 'wasm'],
  ] as const)('--device %s --dtype %s: the in-process numbers (%s on %s)', async (flag, dtype, expected, device) => {
    const r = cli('score', '--model', LLAMA, '--text', 'The doctor said', '--device', flag, '--dtype', dtype);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as ScoreResult;
    expect([out.model.backend, out.model.dtype]).toEqual([device, expected]);
    const lm = await loadLanguageModel(LLAMA, { device, dtype });
    try {
      const ref = await scoreText(lm, 'The doctor said');
      expect(out.tokens).toEqual(ref.tokens);
      expect(out.total).toBe(ref.total);
    } finally {
      await lm.dispose();
    }
  });

  it('a folder without tokenizer.json: one sentence naming it, exit code 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-broken-'));
    try {
      cpSync(LLAMA, dir, { recursive: true });
      rmSync(join(dir, 'tokenizer.json'));
      const r = cli('score', '--model', dir, '--text', 'The doctor said');
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toBe(`bias-workbench: MissingTokenizerError: ${dir} has no tokenizer.json; a transformers.js model folder needs tokenizer.json and tokenizer_config.json.`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
