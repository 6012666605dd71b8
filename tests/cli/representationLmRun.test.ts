// `bias-workbench run` for the representation probe on a language model's hidden states, as a user
// runs it (a subprocess), on the all-MiniLM-L6-v2 stand-in folder (tests/fixtures/feature-extraction/
// minilm): the record's results equal the one run path's (runProbes) in-process on the same model,
// seed and options, with the family's kind, every word kept (a tokenizer has no out-of-vocabulary
// words) and an exact p over the 12,870 re-partitions of 8 + 8 target words. A model whose export
// outputs logits only (the hub-matrix BERT row) is refused with the named error and what to pick.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunRecord, RunResult } from '../../src/core/runRecord';
import { DEFAULT_LM_RUN_OPTIONS } from '../../src/core/lmRun/types';
import { resolveAnyProbeOrSuite } from '../../src/probes/builtin';
import type { AnyProbe } from '../../src/probes/families';
import { runProbes } from '../../src/probes/runProbes';
import { loadLanguageModel } from '../../src/runtime/lm/node';

const root = join(import.meta.dirname, '..', '..');
const MINILM = join(root, 'tests', 'fixtures', 'feature-extraction', 'minilm');

const cli = (...args: string[]) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [join(root, 'bin', 'bias-workbench.mjs'), ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });

const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('bias-workbench run representation-lm-career-family on a feature-extraction export', () => {
  it('prints the run path’s result on the model’s hidden states', async () => {
    const out = await cli('run', 'representation-lm-career-family', '--model', MINILM, '--seed', '1', '--format', 'json');
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const record = JSON.parse(out.stdout) as RunRecord<AnyProbe, RunResult>;
    const lm = await loadLanguageModel(MINILM);
    try {
      const fresh = await runProbes(resolveAnyProbeOrSuite('representation-lm-career-family'), { scorer: lm, options: { ...DEFAULT_LM_RUN_OPTIONS, seed: 1 } });
      expect(record.results).toEqual(json(fresh));
    } finally {
      await lm.dispose();
    }
    expect(record.results[0]).toMatchObject({ kind: 'representation-probe-lm', sizes: { X: 8, Y: 8, A: 8, B: 8 }, oov: { X: [], Y: [], A: [], B: [] }, pMethod: 'exact', permutations: 12_870 });
  });

  it('refuses a logits-only export by name, saying to pick a feature-extraction export', async () => {
    const out = await cli('run', 'representation-lm-career-family', '--model', join(root, 'tests', 'fixtures', 'hub-matrix', 'matrix', 'bert'), '--format', 'json');
    expect(out.code).not.toBe(0);
    expect(out.stderr).toMatch(/UnsupportedModelError: .*outputs no hidden states .*feature-extraction export/);
  });
});
