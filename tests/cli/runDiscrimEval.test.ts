// `bias-workbench run explicit.jsonl` on discrim-eval rows, run as a user runs it (a child process):
// the format is detected from the content, the record holds the imported probe, its results are
// exactly those of the family's runner called here on the same model with the same options, and the
// page's import of the same bytes (the import worker's code, as the LM editor sends a .jsonl file)
// gives the same probe; a bad line is listed with its line number (--limit: discrimEval.test.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Comlink from 'comlink';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LM_RUN_OPTIONS } from '../../src/core/lmRun/types';
import { familyOf, type AnyProbe } from '../../src/probes/families';
import { importDiscrimEvalJsonl } from '../../src/probes/import/discrimEval';
import { validateLmDraft } from '../../src/probes/import/lmImport';
import { loadLanguageModel, type LanguageModel } from '../../src/runtime/lm/node';
import { createImportApi } from '../../src/worker/importApi';

const root = join(import.meta.dirname, '..', '..');
const hasGpt = existsSync(join(root, 'public', 'models', 'workbench/tiny-gpt2', 'onnx', 'model.onnx'));
const fixture = join(root, 'tests/fixtures/discrim-eval/explicit-excerpt.jsonl');
const SEED = 3;
// Fewer resamples than the defaults: the comparison with the runner is exact either way.
const TEST_OPTIONS = ['--seed', String(SEED), '--permutations', '999', '--bootstrap', '200'];
const OPTIONS = { ...DEFAULT_LM_RUN_OPTIONS, seed: SEED, permutations: 999, bootstrap: 200 };

const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'bias-workbench.mjs'), ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

const recordOf = (r: ReturnType<typeof cli>) => {
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { probes: AnyProbe[]; results: { comparisons: unknown[]; items: unknown[] }[] };
};

let gpt: LanguageModel;

describe.skipIf(!hasGpt)('bias-workbench run <discrim-eval JSONL> on workbench/tiny-gpt2', () => {
  beforeAll(async () => {
    gpt = await loadLanguageModel('workbench/tiny-gpt2');
  }, 120_000);
  afterAll(async () => {
    await gpt?.dispose();
  });

  it('the imported probe and the family runner\'s numbers; a bad line listed; the page imports the same probe', async () => {
    const text = readFileSync(fixture, 'utf8');
    const lines = text.trimEnd().split('\n');
    const file = join(mkdtempSync(join(tmpdir(), 'bpw-de-')), 'explicit.jsonl');
    writeFileSync(file, [lines[0], '{"filled_template": 7, "decision_question_id": 0, "age": 20.0, "gender": "male", "race": "white"}', ...lines.slice(1)].join('\n'));
    const out = cli('run', file, '--model', 'workbench/tiny-gpt2', ...TEST_OPTIONS, '--format', 'json');
    expect(out.stderr).toContain('explicit.jsonl: skipped JSONL line 2: filled_template is missing or not text');
    const record = recordOf(out);
    const probe = importDiscrimEvalJsonl(text, { id: 'explicit' }).probe;
    expect(record.probes).toEqual([{ ...probe, source: 'Imported from discrim-eval JSONL (60 prompts of 2 questions, 1 line skipped).' }]);
    const core = JSON.parse(JSON.stringify(await familyOf('discrim-eval').run(probe, { scorer: gpt, options: OPTIONS }))) as unknown;
    expect(record.results).toEqual([core]);
    expect(record.results[0]!.comparisons).toHaveLength(7);
    const page = await createImportApi().importInput('bbq-jsonl', { name: 'explicit.jsonl', file: new Blob([readFileSync(file, 'utf8')]) }, Comlink.proxy(() => undefined));
    expect(page.skipped).toEqual(['JSONL line 2: filled_template is missing or not text']);
    expect(validateLmDraft(page.text!).probe).toEqual(record.probes[0]);
  }, 240_000);
});
