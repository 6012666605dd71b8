// `bias-workbench iat-score` as an analyst runs it (a subprocess through bin/bias-workbench.mjs) on
// the trials file scored by the numpy reference (scripts/reference/iat_reference.py): the JSON's
// D's and class summary are the reference's, the CSV has one row per participant, and bad input fails
// with the line that is wrong and the right exit code.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { IAT_SCORE_CSV_COLUMNS, IAT_SCORES_FORMAT } from '../../src/cli/commands/iatScore';

const root = join(import.meta.dirname, '..', '..');
const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'bias-workbench.mjs'), ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const trialsFile = join(root, 'tests/fixtures/iat/class-trials.csv');
const reference = JSON.parse(readFileSync(join(root, 'tests/fixtures/iat/expected-scores.json'), 'utf8'))['class-trials.csv'] as {
  participants: { participant: string; d: number | null; practice: { d: number | null }; test: { d: number | null } }[];
  summary: { n: number; meanD: number; ciLow: number; ciHigh: number };
};

describe('bias-workbench iat-score', () => {
  it('prints every participant’s D, both block-pair D’s and flags, and the class summary last, as the reference computes them', () => {
    const r = cli('iat-score', trialsFile, '--format', 'json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      format: string;
      participants: { participant: string; d: number | null; practice: { d: number | null }; test: { d: number | null }; flags: { fastResponder: boolean } }[];
      summary: { n: number; meanD: number; ci: { low: number; high: number } };
    };
    expect(out.format).toBe(IAT_SCORES_FORMAT);
    expect(Object.keys(out).at(-1)).toBe('summary');
    expect(out.participants.map((p) => p.participant)).toEqual(reference.participants.map((p) => p.participant));
    out.participants.forEach((p, i) => {
      const ref = reference.participants[i]!;
      for (const [mine, theirs] of [[p.d, ref.d], [p.practice.d, ref.practice.d], [p.test.d, ref.test.d]] as const) {
        if (theirs === null) expect(mine).toBeNull();
        else expect(mine!).toBeCloseTo(theirs, 12);
      }
    });
    expect(out.participants.find((p) => p.participant === 'p04')!.flags.fastResponder).toBe(true);
    expect(out.summary.n).toBe(reference.summary.n);
    expect(out.summary.meanD).toBeCloseTo(reference.summary.meanD, 12);
    expect(out.summary.ci.low).toBeCloseTo(reference.summary.ciLow, 9);
    expect(out.summary.ci.high).toBeCloseTo(reference.summary.ciHigh, 9);
  });

  it('writes one CSV row per participant to --out and the class summary to stderr', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'iat-score-')), 'scores.csv');
    const r = cli('iat-score', trialsFile, '--format', 'csv', '--out', out);
    expect(r.code).toBe(0);
    const parsed = Papa.parse<Record<string, string>>(readFileSync(out, 'utf8').trim(), { header: true });
    expect(parsed.meta.fields).toEqual([...IAT_SCORE_CSV_COLUMNS]);
    expect(parsed.data.map((row) => row.participant)).toEqual(reference.participants.map((p) => p.participant));
    const p01 = parsed.data[0]!;
    expect(Number(p01.d)).toBeCloseTo(reference.participants[0]!.d!, 12);
    expect(parsed.data.find((row) => row.participant === 'p05')).toMatchObject({ d: '', too_few_trials: 'true', included: 'false' });
    expect(r.stderr).toMatch(new RegExp(`^Class: mean D ${reference.summary.meanD.toFixed(3)}, 95% CI \\[${reference.summary.ciLow.toFixed(3)}, ${reference.summary.ciHigh.toFixed(3)}\\], n = 10 of 12 \\(1 fast responder, 1 with too few trials\\)\\.\\n$`));
  });

  it('fails with the bad line (exit 1), and refuses a missing file or a flag it does not read (exit 2)', () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'iat-score-')), 'bad.csv');
    writeFileSync(bad, 'participant,block,trial,category,stimulus,pairing,correct,latency_ms\np,3,1,F,rose,XA,1,fast\n');
    const parse = cli('iat-score', bad);
    expect(parse.code).toBe(1);
    expect(parse.stderr).toContain("ParseError: 1 row of the trials file cannot be scored. CSV line 2: latency_ms must be a number of milliseconds ≥ 0 in plain decimals, got 'fast'.");
    const missing = cli('iat-score', join(root, 'no-such-trials.csv'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such trials file');
    const flag = cli('iat-score', trialsFile, '--model', 'glove-6b-100d');
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('--model is not read by `iat-score`');
  });
});
