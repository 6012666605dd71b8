// `bias-workbench run <built-in>` for the judge-verbosity and representation-probe families, as a
// user runs it (a subprocess): the record's results equal the one run path's (runProbes) in-process
// on the same model, seed and options, and the numbers that have an independent reference match it
// (the representation probe's exact p on WEAT 8's words, from scripts/reference/
// representation_glove_reference.py). Skipped while the embedded models are not built.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunRecord, RunResult } from '../../src/core/runRecord';
import { DEFAULT_ASSOCIATION_OPTIONS } from '../../src/core/association/types';
import { DEFAULT_LM_RUN_OPTIONS } from '../../src/core/lmRun/types';
import type { JudgeVerbosityResult } from '../../src/core/lmRun/judgeVerbosity';
import { resolveAnyProbeOrSuite } from '../../src/probes/builtin';
import type { AnyProbe } from '../../src/probes/families';
import { runProbes } from '../../src/probes/runProbes';
import { loadLanguageModel } from '../../src/runtime/lm/node';
import { loadEmbeddedModel } from '../../src/runtime/node';

const root = join(import.meta.dirname, '..', '..');
const hasGpt = existsSync(join(root, 'public', 'models', 'workbench', 'tiny-gpt2', 'onnx', 'model.onnx'));
const hasGlove = existsSync(join(root, 'public', 'models', 'glove-6b-100d', 'model.onnx'));

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

describe.skipIf(!hasGpt)('bias-workbench run lm-judge-verbosity-24 on workbench/tiny-gpt2', () => {
  it('prints the run path’s results; every item is classified from its two orders', async () => {
    const out = await cli('run', 'lm-judge-verbosity-24', '--model', 'workbench/tiny-gpt2', '--seed', '2', '--format', 'json');
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const record = JSON.parse(out.stdout) as RunRecord<AnyProbe, RunResult>;
    const gpt = await loadLanguageModel('workbench/tiny-gpt2');
    try {
      const fresh = await runProbes(resolveAnyProbeOrSuite('lm-judge-verbosity-24'), { scorer: gpt, options: { ...DEFAULT_LM_RUN_OPTIONS, seed: 2 } });
      expect(record.results).toEqual(json(fresh));
    } finally {
      await gpt.dispose();
    }
    const r = record.results[0] as JudgeVerbosityResult;
    const s = r.summary;
    expect(s.padded + s.short + s.first + s.second + s.tie).toBe(24);
    expect(r.items).toHaveLength(24);
  });
});

describe.skipIf(!hasGlove)('bias-workbench run representation-science-arts on glove-6b-100d', () => {
  it('prints the run path’s result, with the reference’s exact p', async () => {
    const out = await cli('run', 'representation-science-arts', '--model', 'glove-6b-100d', '--seed', '1', '--format', 'json');
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const record = JSON.parse(out.stdout) as RunRecord<AnyProbe, RunResult>;
    const glove = await loadEmbeddedModel('glove-6b-100d');
    try {
      const fresh = await runProbes(resolveAnyProbeOrSuite('representation-science-arts'), { embedder: glove, options: { ...DEFAULT_ASSOCIATION_OPTIONS, seed: 1 } });
      expect(record.results).toEqual(json(fresh));
    } finally {
      await glove.dispose();
    }
    const reference = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'reference', 'glove-representation.json'), 'utf8')) as { tests: { probeId: string; pValue: number | null }[] };
    expect(record.results[0]).toMatchObject({ kind: 'representation-probe', pMethod: 'exact', pValue: reference.tests.find((t) => t.probeId === 'representation-science-arts')!.pValue });
  });
});
