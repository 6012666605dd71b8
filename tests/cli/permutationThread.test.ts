// The CLI's second thread for permutation tests (src/cli/permutationThread.ts). A test handed to the
// worker must come back as the one computed on the main thread would: every field, typed arrays and
// −∞ included, exact and Monte Carlo; a failing test must throw the error it throws on the main
// thread; the thread takes one test at a time and declines the rest. Then the CLI as users run it,
// with the thread: the SEAT suite's p-values, test intervals, null histograms and bootstrap
// intervals equal the reference run recorded before there was a second thread.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permutationTest, type PermutationTestOptions } from '../../src/core/stats/permutationTest';
import { startPermutationThread, type PermutationThread } from '../../src/cli/permutationThread';
import { buildPermutationWorkerSource } from '../../bin/cliBundle.mjs';

const root = join(import.meta.dirname, '..', '..');
const scoresOf = (n: number, salt: number) => Float64Array.from({ length: n }, (_, i) => Math.sin(i * 12.9898 + salt) * 0.3 + (i % 7) * 0.01);

describe('permutation tests on the worker thread', () => {
  let thread: PermutationThread;
  /** The starter once the worker listens (it declines until then). */
  const startWhenReady = async (scores: Float64Array, sizeX: number, options: Omit<PermutationTestOptions, 'onProgress'>) => {
    for (let i = 0; i < 200; i++) {
      const finish = thread.starter(scores, sizeX, options);
      if (finish) return finish;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('the worker never became ready');
  };

  beforeAll(async () => {
    thread = startPermutationThread((await buildPermutationWorkerSource()).source, 2)!;
  });
  afterAll(async () => {
    await thread.close();
  });

  it.each([
    ['exact (C(12, 6) = 924 partitions)', 12, 6, { permutations: 1000, exactLimit: 100_000, seed: 3, inversionAlpha: 0.05, histogramBins: 10, keepNull: true }],
    ['Monte Carlo (C(80, 40) partitions, 20,000 draws)', 80, 40, { permutations: 20_000, exactLimit: 100_000, seed: 11, inversionAlpha: 0.05, histogramBins: 40 }],
    ['a test that rejects nothing (its bound is −∞)', 4, 2, { permutations: 100, exactLimit: 100, seed: 1, inversionAlpha: 0.05 }],
  ] as const)('%s: the main thread’s result, every field', async (_name, n, k, options) => {
    const scores = scoresOf(n, n + k);
    const finish = await startWhenReady(scores, k, options);
    const here = permutationTest(scores, k, options);
    const there = finish();
    expect(there).toEqual(here);
    expect(Object.is(there.shiftLowerBound, here.shiftLowerBound)).toBe(true);
    expect(there.nullStatistics?.constructor).toBe(here.nullStatistics?.constructor);
  });

  it('throws the error the main thread throws for a test that cannot run', async () => {
    const finish = await startWhenReady(scoresOf(5, 0), 5, { permutations: 10, exactLimit: 10, seed: 1 });
    expect(finish).toThrow(/needs \|X\| ≥ 1 and \|Y\| ≥ 1, got 5 and 0/);
    expect(finish).toThrowError(expect.objectContaining({ name: 'InvalidWordSetError' }));
  });

  it('holds one test at a time: a second start while one is out is left to the caller', async () => {
    const options = { permutations: 5000, exactLimit: 0, seed: 2 };
    const first = await startWhenReady(scoresOf(30, 1), 15, options);
    expect(thread.starter(scoresOf(30, 2), 15, options)).toBeNull();
    expect(first().pValue).toBe(permutationTest(scoresOf(30, 1), 15, options).pValue);
    expect(thread.starter(scoresOf(30, 2), 15, options)).not.toBeNull();
  });
});

describe('the CLI with its permutation thread', () => {
  it('gives the SEAT suite’s recorded p-values, test intervals, null histograms and bootstrap intervals', () => {
    const recorded = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'reference-runs', 'glove-6b-100d', 'caliskan-seat.json'), 'utf8')) as {
      seed: number;
      results: { probeId: string; pValue: number; pMethod: string; permutations: number; testCi: unknown; ci: unknown; nullHistogram: unknown; pHolm: number }[];
    };
    const r = spawnSync(process.execPath, [join(root, 'bin', 'bias-workbench.mjs'), 'run', 'caliskan-seat', '--model', 'glove-6b-100d', '--seed', String(recorded.seed), '--format', 'json'], { cwd: root, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const fresh = (JSON.parse(r.stdout) as typeof recorded).results;
    const pick = ({ probeId, pValue, pMethod, permutations, testCi, ci, nullHistogram, pHolm }: (typeof fresh)[number]) => ({ probeId, pValue, pMethod, permutations, testCi, ci, nullHistogram, pHolm });
    expect(fresh.map(pick)).toEqual(recorded.results.map(pick));
    expect(fresh.filter((t) => t.pMethod === 'monte-carlo').length).toBeGreaterThan(0);
  }, 60_000);
});
