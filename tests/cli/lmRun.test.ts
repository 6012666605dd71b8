// `bias-workbench run` on LM probes, one test per family, on the embedded causal LM
// (workbench/tiny-gpt2) and, for masked PLL, the embedded masked LM (workbench/tiny-bert). Each test
// runs the CLI as a user does (a subprocess) and compares its results (after the JSON round trip,
// which writes NaN as null) with a side the CLI does not compute: for built-ins run by id, the
// reference run recorded before the families refactor (tests/fixtures/reference-runs, same seed and
// default options); for cut-down probes, the family's core runner (src/core/lmRun) called directly on
// the same model with the same options. Plus the structural values each family must show.
// Large built-ins are cut down (first questions/iterations) and written to a temporary probe file so
// the suite stays fast; the cheap built-ins run by id. Skipped while the models are not built.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_LM_RUN_OPTIONS,
  runDecisionTemplate,
  runLlmDecisionPrompt,
  runLlmIatPrompt,
  runMcqPosition,
  runPairwisePosition,
  type LanguageModelScorer,
  type LmRunOptions,
} from '../../src/core/lmRun';
import type { RunRecord, RunResult } from '../../src/core/runRecord';
import { getAnyBuiltinProbe, type AnyProbe, type LmProbe } from '../../src/probes';
import { COMMON_COLUMNS } from '../../src/probes/export/runToCsv';
import { LONG_SUMMARY_COLUMNS } from '../../src/probes/families/shared/longCsv';
import { loadLanguageModel, type LanguageModel } from '../../src/runtime/lm/node';

const root = join(import.meta.dirname, '..', '..');
const modelDir = (id: string) => join(root, 'public', 'models', id, 'onnx', 'model.onnx');
const hasGpt = existsSync(modelDir('workbench/tiny-gpt2'));
const hasBert = existsSync(modelDir('workbench/tiny-bert'));

const cli = (...args: string[]) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [join(root, 'bin', 'bias-workbench.mjs'), ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });

const SEED = 5;
const FLAGS = ['--seed', String(SEED), '--permutations', '2000', '--bootstrap', '200'];
const OPTIONS: LmRunOptions = { ...DEFAULT_LM_RUN_OPTIONS, seed: SEED, permutations: 2000, bootstrap: 200 };
const dir = mkdtempSync(join(tmpdir(), 'lm-cli-'));

/** A built-in cut down to a small probe file (new id, so it is clearly not the built-in). */
const cutDown = (id: string, edit: (p: Record<string, unknown>) => void): { file: string; probe: LmProbe } => {
  const probe = structuredClone(getAnyBuiltinProbe(id)!) as unknown as Record<string, unknown>;
  probe.id = `${id}-small`;
  edit(probe);
  const file = join(dir, `${probe.id}.json`);
  writeFileSync(file, JSON.stringify(probe));
  return { file, probe: probe as unknown as LmProbe };
};

/** stderr of a prompt-family run on the tiny GPT (no chat template): the warning before the run, the readable answers after it. */
const noTemplateNotes = (probe: LmProbe, answers: string) =>
  `Warning: “${probe.title}” needs an instruction (chat) model: workbench/tiny-gpt2 has no chat template, so it will most likely not answer in the requested format. Choose an instruction model to get a result.\n` +
  `${probe.id}: ${answers}.\n`;

let gpt: LanguageModel;

/** The CLI's run record of `ref`, after checking its stderr (no notes unless the family warns or reports readable answers), exit code, model and probes. */
async function cliRecord(model: string, ref: string, probe: LmProbe, flags: string[], stderr: string): Promise<RunRecord<AnyProbe, RunResult>> {
  const out = await cli('run', ref, '--model', model, ...flags, '--format', 'json');
  expect(out.stderr).toBe(stderr);
  expect(out.code).toBe(0);
  const record = JSON.parse(out.stdout) as RunRecord<AnyProbe, RunResult>;
  expect(record.model).toMatchObject({ id: model, backend: 'node', dtype: 'fp32' });
  expect(record.model.assetSha256).toMatch(/^[0-9a-f]{64}$/);
  expect(record.probes).toEqual([probe]);
  return record;
}

const REFERENCE = join(root, 'tests', 'fixtures', 'reference-runs');

/** A built-in by id: the CLI's results equal the reference run's (recorded before the refactor with the same seed and default options). */
async function sameAsReference(model: 'workbench/tiny-gpt2' | 'workbench/tiny-bert', id: string): Promise<RunRecord<AnyProbe, RunResult>> {
  const reference = JSON.parse(readFileSync(join(REFERENCE, model.replace('/', '_'), `${id}.json`), 'utf8')) as RunRecord<AnyProbe, RunResult>;
  const record = await cliRecord(model, id, getAnyBuiltinProbe(id) as LmProbe, ['--seed', String(reference.seed)], '');
  expect(record.options).toEqual(reference.options);
  expect(record.results).toEqual(reference.results);
  return record;
}

/** A probe file: the CLI's results equal the family's core runner's, called here on the same model with the same options. */
async function sameAsCore(ref: string, probe: LmProbe, core: (lm: LanguageModelScorer) => Promise<unknown>, stderr = ''): Promise<RunRecord<AnyProbe, RunResult>> {
  const record = await cliRecord('workbench/tiny-gpt2', ref, probe, FLAGS, stderr);
  expect(record.options).toEqual(OPTIONS);
  expect(record.results).toEqual([JSON.parse(JSON.stringify(await core(gpt)))]);
  return record;
}

describe.skipIf(!hasGpt)('bias-workbench run: LM families on workbench/tiny-gpt2', () => {
  beforeAll(async () => {
    gpt = await loadLanguageModel('workbench/tiny-gpt2');
  }, 120_000);
  afterAll(async () => {
    await gpt?.dispose();
  });

  it('counterfactual-pairs (built-in lm-counterfactual-basic): CLI = reference run; 24 pairs, 6 categories', async () => {
    const record = await sameAsReference('workbench/tiny-gpt2', 'lm-counterfactual-basic');
    const r = record.results[0]!;
    if (r.kind !== 'counterfactual-pairs') throw new Error(r.kind);
    expect(r.summary.n).toBe(24);
    expect(r.byCategory).toHaveLength(6);
    expect(r.summary.signFlip).toMatchObject({ method: 'monte-carlo', permutations: 100_000 });
    expect(r.summary.ci?.resamples).toBe(2000);
    for (const item of r.items) {
      expect(item.scoreMore).toBeLessThan(0);
      expect(item.delta).toBeCloseTo(item.scoreMore - item.scoreLess, 10);
    }
  }, 180_000);

  it('counterfactual-template (built-in lm-counterfactual-occupations): CLI = reference run; 48 pairs scored conditionally', async () => {
    const record = await sameAsReference('workbench/tiny-gpt2', 'lm-counterfactual-occupations');
    const r = record.results[0]!;
    if (r.kind !== 'counterfactual-template') throw new Error(r.kind);
    expect(r.scoring).toBe('conditional');
    expect(r.items).toHaveLength(48);
    expect(r.items[0]).toMatchObject({ moreContext: 'The woman', moreScored: ' worked as a nurse.', lessContext: 'The man' });
    expect(r.byCategory.map((c) => [c.category, c.summary.n])).toEqual([
      ['stereotypically Female terms', 24],
      ['stereotypically Male terms', 24],
    ]);
  }, 180_000);

  it('decision-template (cut down): CLI = core; logits finite, one comparison per non-reference value', async () => {
    const { file, probe } = cutDown('lm-decision-basic', (p) => {
      p.questions = (p.questions as unknown[]).slice(0, 2);
      p.attributes = [
        { slot: 'age', values: ['20', '60'], reference: '20' },
        { slot: 'gender', values: ['man', 'woman'], reference: 'man' },
        { slot: 'race', values: ['white', 'Black'], reference: 'white' },
      ];
    });
    const record = await sameAsCore(file, probe, (lm) => runDecisionTemplate(probe as never, lm, OPTIONS));
    const r = record.results[0]!;
    if (r.kind !== 'decision-template') throw new Error(r.kind);
    expect(r.items).toHaveLength(2 * 8);
    expect(r.items.every((i) => Number.isFinite(i.logit) && i.pNormYes > 0 && i.pNormYes < 1)).toBe(true);
    expect(r.comparisons.map((c) => `${c.attribute}=${c.value}`)).toEqual(['age=60', 'gender=woman', 'race=Black']);
    // 2 questions × C(8, 4) relabelings within each question = 4,900 ≤ exactLimit → exact.
    expect(r.comparisons.every((c) => c.pMethod === 'exact' && c.permutations === 4900)).toBe(true);
  }, 180_000);

  it('mcq-position (first 8 of lm-mcq-position-40): CLI = core; 4 positions, 4 cyclic orders per question', async () => {
    const { file, probe } = cutDown('lm-mcq-position-40', (p) => {
      p.questions = (p.questions as unknown[]).slice(0, 8);
    });
    const record = await sameAsCore(file, probe, (lm) => runMcqPosition(probe as never, lm, OPTIONS));
    const r = record.results[0]!;
    if (r.kind !== 'mcq-position') throw new Error(r.kind);
    expect(r).toMatchObject({ options: 4, questions: 8, ordersPerQuestion: 4, presentations: 32, labels: ['A', 'B', 'C', 'D'] });
    expect(r.choiceRate.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(r.pridePrior.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(r.recall!.support).toEqual([8, 8, 8, 8]);
    expect(r.items.slice(0, 4).map((i) => i.order)).toEqual([
      [0, 1, 2, 3],
      [1, 2, 3, 0],
      [2, 3, 0, 1],
      [3, 0, 1, 2],
    ]);
  }, 180_000);

  it('pairwise-position (first 10 of lm-pairwise-position-30): CLI = core; every pair judged in both orders', async () => {
    const { file, probe } = cutDown('lm-pairwise-position-30', (p) => {
      p.items = (p.items as unknown[]).slice(0, 10);
    });
    const record = await sameAsCore(file, probe, (lm) => runPairwisePosition(probe as never, lm, OPTIONS));
    const r = record.results[0]!;
    if (r.kind !== 'pairwise-position') throw new Error(r.kind);
    expect(r.summary.pairs).toBe(10);
    expect(r.summary.consistent + r.summary.primacy + r.summary.recency + r.summary.invalid).toBe(10);
    expect(r.items.every((i) => i.originalLogProbs.every((x) => x < 0) && i.swappedLogProbs.every((x) => x < 0))).toBe(true);
    expect(r.summary.preferenceFairness).toBeGreaterThanOrEqual(-1);
    expect(r.summary.preferenceFairness).toBeLessThanOrEqual(1);
    expect(r.accuracy).not.toBeNull();
  }, 180_000);

  it('lm-iat (built-in lm-iat-career-family): CLI = reference run; a WEAT-shaped result with an exact p', async () => {
    const record = await sameAsReference('workbench/tiny-gpt2', 'lm-iat-career-family');
    const r = record.results[0]!;
    if (r.kind !== 'lm-iat') throw new Error(r.kind);
    expect(r.sizes).toEqual({ X: 8, Y: 8, A: 8, B: 8 });
    expect(r).toMatchObject({ pMethod: 'exact', permutations: 12870, sd: 'sample' });
    expect(Number.isFinite(r.effectSize)).toBe(true);
    expect(r.items).toHaveLength(16);
  }, 180_000);

  // Exact quantities (scores, d, the exact permutation p and its inverted interval) equal the reference run's; the bootstrap
  // stream is seeded by (seed, probe id), so its interval differs with the id and is compared by shape only.
  it('human-iat-lm (built-in iat-lm-caliskan-weat-6): the model side equals the reference run of the likelihood IAT on the same words and frames', async () => {
    const reference = JSON.parse(readFileSync(join(REFERENCE, 'workbench_tiny-gpt2', 'lm-iat-career-family.json'), 'utf8')) as RunRecord<AnyProbe, RunResult>;
    const probe = getAnyBuiltinProbe('iat-lm-caliskan-weat-6') as LmProbe;
    const record = await cliRecord('workbench/tiny-gpt2', 'iat-lm-caliskan-weat-6', probe, ['--seed', String(reference.seed)], '');
    expect(record.options).toEqual(reference.options);
    const { kind, probeId, title, design, stimuli, ci, ...modelSide } = record.results[0] as unknown as Record<string, unknown>;
    const { kind: refKind, probeId: refId, title: refTitle, ci: refCi, ...referenceSide } = reference.results[0] as unknown as Record<string, unknown>;
    expect(ci).toMatchObject({ method: (refCi as { method: string }).method, resamples: (refCi as { resamples: number }).resamples, level: 0.95 });
    expect([kind, probeId, refKind, refId]).toEqual(['human-iat-lm', 'iat-lm-caliskan-weat-6', 'lm-iat', 'lm-iat-career-family']);
    expect([title, refTitle]).toEqual([probe.title, reference.probes[0]!.title]);
    expect(modelSide).toEqual(referenceSide);
    expect(design).toEqual({ blockLengths: [20, 20, 20, 40, 40, 20, 40], firstPairing: 'counterbalanced', seed: 1 });
    expect((stimuli as Record<"X", { words: string[] }>).X.words).toEqual((reference.results[0] as unknown as { words: { X: string[] } }).words.X);
  }, 180_000);

  it('llm-iat-prompt (2 iterations): CLI = core; every iteration used or counted as excluded', async () => {
    const { file, probe } = cutDown('lm-llm-iat-gender-career', (p) => {
      p.iterations = 2;
      p.generation = { maxNewTokens: 12, temperature: 0 };
    });
    const record = await sameAsCore(file, probe, (lm) => runLlmIatPrompt(probe as never, lm, OPTIONS), noTemplateNotes(probe, 'None of the 2 answers could be read: the model did not answer in the requested format — use an instruction model'));
    const r = record.results[0]!;
    if (r.kind !== 'llm-iat-prompt') throw new Error(r.kind);
    expect(r.iterations).toBe(2);
    expect(r.used + r.excluded).toBe(2);
    expect(r.items[0]!.prompt).toMatch(/^Here is a list of words\. For each word pick a word — \w+ or \w+ — and write it after the word\. The words are \['/);
  }, 180_000);

  it('llm-decision-prompt (2 iterations × 1 scenario, sampled): CLI = core; parsed + unparsed = prompts', async () => {
    const { file, probe } = cutDown('lm-llm-decision-gender-career', (p) => {
      p.iterations = 2;
      p.scenarios = (p.scenarios as unknown[]).slice(0, 1);
      p.generation = { maxNewTokens: 12, temperature: 0.8, topK: 20 };
    });
    const record = await sameAsCore(file, probe, (lm) => runLlmDecisionPrompt(probe as never, lm, OPTIONS), noTemplateNotes(probe, 'None of the 2 answers could be read: the model did not answer in the requested format — use an instruction model'));
    const r = record.results[0]!;
    if (r.kind !== 'llm-decision-prompt') throw new Error(r.kind);
    expect(r.items).toHaveLength(2);
    expect(r.summary.parsed + r.summary.unparsed).toBe(2);
  }, 180_000);

  it.skipIf(!hasBert)('counterfactual-pairs masked-pll (built-in lm-counterfactual-masked) on workbench/tiny-bert: CLI = reference run', async () => {
    const record = await sameAsReference('workbench/tiny-bert', 'lm-counterfactual-masked');
    const r = record.results[0]!;
    if (r.kind !== 'counterfactual-pairs') throw new Error(r.kind);
    expect(r.scoring).toBe('masked-pll');
    expect(r.items.every((i) => i.tokensMore === i.tokensLess && i.tokensMore > 0)).toBe(true);
  }, 180_000);

  it('--device wasm records the backend that ran (wasm), not the CLI as a whole', async () => {
    const out = await cli('run', 'lm-counterfactual-basic', '--model', 'workbench/tiny-gpt2', '--device', 'wasm', ...FLAGS, '--format', 'json');
    expect(out.code).toBe(0);
    const record = JSON.parse(out.stdout) as RunRecord<AnyProbe, RunResult>;
    expect(record.model).toMatchObject({ id: 'workbench/tiny-gpt2', backend: 'wasm', title: 'workbench/tiny-gpt2 (gpt2 causal-lm, fp32, wasm)' });
  }, 180_000);

  it('CSV output: per-probe long form and per-item rows', async () => {
    const summary = await cli('run', 'lm-counterfactual-basic', '--model', 'workbench/tiny-gpt2', ...FLAGS, '--format', 'csv');
    expect(summary.code).toBe(0);
    const rows = Papa.parse<Record<string, string>>(summary.stdout, { header: true, skipEmptyLines: true });
    expect(rows.meta.fields).toEqual([...LONG_SUMMARY_COLUMNS, ...COMMON_COLUMNS]);
    expect(new Set(rows.data.map((r) => r.model_dtype))).toEqual(new Set(['fp32']));
    const json = JSON.parse((await cli('run', 'lm-counterfactual-basic', '--model', 'workbench/tiny-gpt2', ...FLAGS, '--format', 'json')).stdout) as RunRecord<AnyProbe, RunResult>;
    const pairs = json.results[0]!;
    if (pairs.kind !== 'counterfactual-pairs') throw new Error(pairs.kind);
    expect(Number(rows.data.find((r) => r.scope === 'all' && r.metric === 'pct_stereotype')!.value)).toBe(pairs.summary.pctStereotype);
    const items = await cli('run', 'lm-counterfactual-basic', '--model', 'workbench/tiny-gpt2', ...FLAGS, '--format', 'csv', '--items');
    expect(Papa.parse(items.stdout, { header: true, skipEmptyLines: true }).data).toHaveLength(24);
  }, 180_000);

  it('clear errors: a masked-LM probe on a causal LM (exit 1), word-vector and LM probes mixed (exit 2)', async () => {
    const wrong = await cli('run', 'lm-counterfactual-masked', '--model', 'workbench/tiny-gpt2');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/UnsupportedModelError: .*causal LM/);
    const mixed = join(dir, 'mixed.json');
    writeFileSync(mixed, JSON.stringify({ probes: [getAnyBuiltinProbe('caliskan-weat-1'), getAnyBuiltinProbe('lm-counterfactual-basic')] }));
    const r = await cli('run', mixed, '--model', 'workbench/tiny-gpt2');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/mixes word-vector probes/);
  }, 180_000);
});
