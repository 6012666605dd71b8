// The class lab's lesson presets run headless, as a user runs them (a child process through
// bin/bias-workbench.mjs, no --model). LMS-k: on each of five seeds the preset reproduces Shah et
// al. (2020)'s result — test accuracy ≤ 0.6 with the linear coordinate randomised and ≥ 0.9 of clean
// accuracy with the slab coordinates randomised (their criterion, docs/methods/simplicity-bias.md).
// Inductive bias: the JSON carries every sampled loss, the fitted model and the bits; the empirical
// bits are recomputed here from the JSON's own losses by counting (−log₂ of the fraction ≤ target).
// CPU: each LMS-k run trains 15 epochs on 2 000 examples (~0.2 s of training, ~0.8 s with start-up).
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getAnyBuiltinProbe } from '../../src/probes/builtin';
import { runRecordSchema } from '../../src/probes/runRecordSchema';

const root = join(import.meta.dirname, '..', '..');
const cli = (...args: string[]) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [join(root, 'bin', 'bias-workbench.mjs'), ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });

interface LmsJson {
  model: { id: string; backend: string; assetSha256: string | null };
  seed: number;
  results: { kind: string; seed: number; cleanAccuracy: number; linearRandomisedAccuracy: number; slabsRandomisedAccuracy: number; lossCurve: { epoch: number; trainLoss: number }[] }[];
}

interface IbJson {
  results: { kind: string; target: number; classes: { label: string; losses: number[]; estimate: { bits: number; model: string; parameters: Record<string, number>; samples: number; empirical: { reaching: number; bits: number | null } } }[] }[];
}

describe('class lab presets, headless', () => {
  it.concurrent.each([1, 2, 3, 4, 5])('lesson-simplicity-lms --seed %i reproduces the paper: linear randomised ≤ 0.6, slabs randomised ≥ 0.9 of clean', async (seed) => {
    const r = await cli('run', 'lesson-simplicity-lms', '--seed', String(seed), '--format', 'json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const record = JSON.parse(r.stdout) as LmsJson;
    expect(runRecordSchema.safeParse(record).success).toBe(true);
    expect(record.model).toMatchObject({ id: 'none', backend: 'js', assetSha256: null });
    const [x] = record.results;
    expect(x!.kind).toBe('simplicity-lms');
    expect(x!.seed).toBe(seed);
    expect(x!.lossCurve).toHaveLength(15);
    expect(x!.linearRandomisedAccuracy).toBeLessThanOrEqual(0.6);
    expect(x!.slabsRandomisedAccuracy).toBeGreaterThanOrEqual(0.9 * x!.cleanAccuracy);
    // Clean accuracy is high (the data are separable with a margin), so the two criteria are not met trivially.
    expect(x!.cleanAccuracy).toBeGreaterThan(0.95);
  });

  it.concurrent('lesson-inductive-bias carries the losses, the fitted model and the bits; the empirical bits match a count over the JSON losses', async () => {
    const r = await cli('run', 'lesson-inductive-bias', '--seed', '1', '--format', 'json');
    expect(r.code).toBe(0);
    const record = JSON.parse(r.stdout) as IbJson;
    expect(runRecordSchema.safeParse(record).success).toBe(true);
    const [x] = record.results;
    expect(x!.kind).toBe('inductive-bias');
    expect(x!.classes).toHaveLength(2);
    for (const c of x!.classes) {
      expect(c.losses).toHaveLength(200);
      expect(c.estimate.samples).toBe(200);
      expect(c.estimate.model).toBe('scaled-noncentral-chi-squared');
      expect(Object.keys(c.estimate.parameters).sort()).toEqual(['degreesOfFreedom', 'noncentrality', 'scale']);
      expect(Number.isFinite(c.estimate.bits)).toBe(true);
      const reaching = c.losses.filter((l) => l <= x!.target).length;
      expect(c.estimate.empirical.reaching).toBe(reaching);
      if (reaching > 0) expect(c.estimate.empirical.bits).toBeCloseTo(-Math.log2(reaching / 200), 12);
      else expect(c.estimate.empirical.bits).toBeNull();
    }
  });

  it.concurrent('a lesson preset refuses --model and --permutations (it loads no model and runs no test)', async () => {
    const r = await cli('run', 'lesson-simplicity-lms', '--model', 'glove-6b-100d', '--permutations', '100');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--model, --permutations are not read by model-free (class lab) probes such as lesson-simplicity-lms (they need no model)');
    expect(r.stdout).toBe('');
  });

  it.concurrent('a file mixing a lesson with a WEAT is refused before anything runs', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'bpw-class-lab-')), 'mixed.json');
    writeFileSync(file, JSON.stringify({ probes: [getAnyBuiltinProbe('lesson-simplicity-lms'), getAnyBuiltinProbe('caliskan-weat-1')] }));
    const r = await cli('run', file, '--model', 'glove-6b-100d');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('mixes model-free (class lab) probes and word-vector probes; run them separately');
  });

  it.concurrent('the same seed gives the same numbers; another seed other ones', async () => {
    const [a, b, c] = await Promise.all([1, 1, 2].map((s) => cli('run', 'lesson-simplicity-lms', '--seed', String(s), '--format', 'csv')));
    const body = (out: string) => out.split('\n').slice(1).map((l) => l.replace(/run-\d{8}T\d{6}Z-[0-9a-z]{8}/, '')).join('\n');
    expect(body(a!.stdout)).toBe(body(b!.stdout));
    expect(body(a!.stdout)).not.toBe(body(c!.stdout));
    expect(a!.stdout.split('\r\n')[0]).toContain('scope,metric,value');
  });
});
