// The CLI as a user runs it (a subprocess through bin/bias-workbench.mjs): listings, a run whose
// numbers must equal the in-process core on the same asset, CSV output, and clear failures with
// the right exit codes. WEAT-9 is used for runs because its p is exact (C(12,6) = 924) and fast.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { COMMON_COLUMNS } from '../../src/probes/export/runToCsv';
import { WIDE_ASSOCIATION_COLUMNS as CSV_COLUMNS, WORD_ITEM_COLUMNS as ITEM_CSV_COLUMNS } from '../../src/probes/families/shared/associationCsv';

const root = join(import.meta.dirname, '..', '..');
const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'bias-workbench.mjs'), ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const reference = JSON.parse(readFileSync(join(root, 'tests/fixtures/reference/glove-caliskan-weat.json'), 'utf8')) as {
  tests: { probeId: string; effectSizeSample: number; exactP: { p: number } | null }[];
};
const ref9 = reference.tests.find((t) => t.probeId === 'caliskan-weat-9')!;

describe('bias-workbench CLI', () => {
  it('lists the built-in probes of every family and the suites as JSON', () => {
    const r = cli('probes', '--format', 'json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { families: { id: string; modality: string }[]; probes: { id: string; family: string }[]; suites: { id: string; probes: string[] }[] };
    expect(out.families.filter((f) => f.modality === 'vectors').map((f) => f.id)).toEqual(['weat', 'seat', 'ripa', 'human-iat', 'representation-probe']);
    expect(out.families).toHaveLength(23);
    expect(out.families.filter((f) => f.modality === 'none').map((f) => f.id)).toEqual(['simplicity-lms', 'inductive-bias']);
    expect(out.probes.slice(0, 20).map((p) => p.id)).toEqual([
      ...Array.from({ length: 10 }, (_, i) => `caliskan-weat-${i + 1}`),
      ...Array.from({ length: 10 }, (_, i) => `caliskan-seat-${i + 1}`),
    ]);
    expect(new Set(out.probes.map((p) => p.family))).toEqual(
      new Set(['weat', 'seat', 'counterfactual-pairs', 'counterfactual-template', 'decision-template', 'mcq-position', 'pairwise-position', 'lm-iat', 'llm-iat-prompt', 'llm-decision-prompt', 'ripa', 'simplicity-lms', 'inductive-bias', 'coref-likelihood', 'human-iat', 'human-iat-lm', 'judge-verbosity', 'representation-probe', 'representation-probe-lm', 'discrim-eval']),
    );
    const suites = Object.fromEntries(out.suites.map((s) => [s.id, s.probes.length]));
    expect(suites).toMatchObject({ 'caliskan-weat': 10, 'caliskan-seat': 10, 'iat-caliskan': 10, 'iat-lm-caliskan': 10 });
    expect(Object.keys(suites)).toEqual(expect.arrayContaining(['lm-causal', 'lm-instruction']));
  });

  it('scores a text under the embedded tiny GPT with the torch fixture\'s numbers (BOS-prefixed convention)', () => {
    // tests/fixtures/lm/tiny-gpt2.logprobs.json was computed in torch by scripts/lm/export_gpt.py.
    const fixture = JSON.parse(readFileSync(join(root, 'tests/fixtures/lm/tiny-gpt2.logprobs.json'), 'utf8')) as {
      sentences: { text: string; bos: { total: number; logprobs: number[] } }[];
    };
    const sentence = fixture.sentences[0]!;
    const r = cli('score', '--model', 'workbench/tiny-gpt2', '--text', sentence.text);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { method: string; total: number; contextTokens: number; tokens: { logProb: number }[] };
    expect(out).toMatchObject({ method: 'token-log-probs', contextTokens: 1 });
    expect(out.total).toBeCloseTo(sentence.bos.total, 4);
    expect(out.tokens.map((t) => t.logProb)).toHaveLength(sentence.bos.logprobs.length);
    out.tokens.forEach((t, i) => expect(t.logProb).toBeCloseTo(sentence.bos.logprobs[i]!, 4));
  });

  it('scores a continuation given a prefix (total = sum of per-token log-probs)', () => {
    const r = cli('score', '--model', 'workbench/tiny-gpt2', '--prefix', 'The President said that', '--text', ' the people');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { method: string; total: number; tokens: { logProb: number }[]; model: { id: string } };
    expect(out).toMatchObject({ method: 'continuation', model: { id: 'workbench/tiny-gpt2' } });
    expect(out.tokens.length).toBeGreaterThan(0);
    expect(out.total).toBeCloseTo(out.tokens.reduce((a, t) => a + t.logProb, 0), 9);
    expect(out.tokens.every((t) => t.logProb < 0)).toBe(true);
  });

  it('lists the embedded GloVe model', () => {
    const r = cli('models', '--format', 'json');
    expect(r.code).toBe(0);
    const models = (JSON.parse(r.stdout) as { models: { id: string; kind: string }[] }).models;
    expect(models).toContainEqual(expect.objectContaining({ id: 'glove-6b-100d', kind: 'word-embedding' }));
    expect(models).toContainEqual(expect.objectContaining({ id: 'workbench/tiny-gpt2', kind: 'causal-lm', needsInternet: false }));
    expect(models).toContainEqual(expect.objectContaining({ id: 'workbench/tiny-bert', kind: 'masked-lm', needsInternet: false }));
  });

  it('runs a WEAT and prints the full run record with the reference numbers', () => {
    const r = cli('run', 'caliskan-weat-9', '--model', 'glove-6b-100d', '--seed', '7', '--bootstrap', '200', '--format', 'json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const record = JSON.parse(r.stdout);
    expect(record).toMatchObject({ format: 'bias-workbench-run@2', seed: 7, app: { name: 'bias-probe-workbench' }, model: { id: 'glove-6b-100d', dtype: 'q13', precision: expect.stringMatching(/^unit vectors as 13-bit integers/), backend: 'node' } });
    expect(record.model.assetSha256).toMatch(/^[0-9a-f]{64}$/);
    const [result] = record.results;
    expect(Object.keys(result)).toEqual(expect.arrayContaining(['probeId', 'title', 'kind', 'words', 'oov', 'sizes', 'statistic', 'effectSize', 'sd', 'pValue', 'pMethod', 'permutations', 'ci', 'pHolm', 'pBH', 'items']));
    expect(result.effectSize).toBeCloseTo(ref9.effectSizeSample, 9);
    expect(result.pValue).toBe(ref9.exactP!.p);
    expect(result).toMatchObject({ pMethod: 'exact', permutations: 924, sd: 'sample', ci: { level: 0.95, method: 'percentile', resamples: 200 } });
    expect(result.ci.low).toBeLessThan(result.effectSize);
    expect(result.ci.high).toBeGreaterThan(result.effectSize);
    // Same seed ⇒ same numbers, including the bootstrap CI.
    const again = JSON.parse(cli('run', 'caliskan-weat-9', '--model', 'glove-6b-100d', '--seed', '7', '--bootstrap', '200').stdout);
    expect(again.results[0].ci).toEqual(result.ci);
  });

  it('writes tidy CSV per test and per word', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bpw-cli-'));
    const perTest = cli('run', 'caliskan-weat-9', '--model', 'glove-6b-100d', '--bootstrap', '0', '--format', 'csv', '--out', join(dir, 't.csv'));
    expect(perTest.code).toBe(0);
    const tests = Papa.parse<Record<string, string>>(readFileSync(join(dir, 't.csv'), 'utf8'), { header: true, skipEmptyLines: true });
    expect(tests.meta.fields).toEqual([...CSV_COLUMNS, ...COMMON_COLUMNS]);
    expect(tests.data).toHaveLength(1);
    expect(Number(tests.data[0]!.effect_size)).toBeCloseTo(ref9.effectSizeSample, 9);
    const perWord = cli('run', 'caliskan-weat-9', '--model', 'glove-6b-100d', '--bootstrap', '0', '--format', 'csv', '--items');
    const items = Papa.parse<Record<string, string>>(perWord.stdout, { header: true, skipEmptyLines: true });
    expect(items.meta.fields).toEqual([...ITEM_CSV_COLUMNS, ...COMMON_COLUMNS]);
    expect(items.data).toHaveLength(26); // 6 + 6 target words, then 7 + 7 attribute words of WEAT-9
    expect(items.data.filter((row) => row.set === 'A' || row.set === 'B')).toHaveLength(14);
  });

  it('fails clearly: unknown probe, bad flag value, unknown model, invalid probe file', () => {
    const unknown = cli('run', 'no-such-probe', '--model', 'glove-6b-100d');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/“no-such-probe” is neither a built-in probe/);
    const badFlag = cli('run', 'caliskan-weat-9', '--model', 'glove-6b-100d', '--permutations', 'lots');
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toContain('--permutations must be a whole number from 1 to 10,000,000, written in plain digits');
    const badModel = cli('run', 'caliskan-weat-9', '--model', 'glove-42d');
    expect(badModel.code).toBe(1);
    expect(badModel.stderr).toMatch(/unknown model 'glove-42d'/);
    const dir = mkdtempSync(join(tmpdir(), 'bpw-cli-'));
    writeFileSync(join(dir, 'p.json'), JSON.stringify({ family: 'weat', id: 'x', title: 't', targets: { X: { label: 'a', words: ['one'] } } }));
    const invalid = cli('run', join(dir, 'p.json'), '--model', 'glove-6b-100d');
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/ProbeValidationError/);
  });
});
