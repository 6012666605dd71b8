// `bias-workbench run` on a BBQ probe answered by prompt (docs/methods/bbq.md "Prompted path"), as a
// user runs it (a child process): the first three questions of the fixture, imported with a limit and
// saved with "answerBy": "prompt", as the LM editor exports it. On the scripted chat fixture
// (tests/fixtures/hub-matrix/matrix/scripted-decision: whatever it is asked, its greedy answer is
// "Julia: taking notes at the meeting\nBen: presenting the quarterly results") no answer can be read:
// stderr says so for the probe, the record keeps each answer and has no score, and it equals the
// family's runner called here on the same model. On the embedded GPT (no chat template) the run is
// preceded by the instruction-model warning for the prompted probe only, and its answers (newlines)
// are not read.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BbqResult } from '../../src/core/benchmarks/bbqResult';
import { DEFAULT_LM_RUN_OPTIONS } from '../../src/core/lmRun/types';
import { familyOf } from '../../src/probes/families';
import { importBbqJsonl } from '../../src/probes/import/bbqJsonl';
import { loadLanguageModel, type LanguageModel } from '../../src/runtime/lm/node';

const root = join(import.meta.dirname, '..', '..');
const SCRIPTED = join(root, 'tests', 'fixtures', 'hub-matrix', 'matrix', 'scripted-decision');
const hasGpt = existsSync(join(root, 'public', 'models', 'workbench/tiny-gpt2', 'onnx', 'model.onnx'));
const SCRIPTED_ANSWER = 'Julia: taking notes at the meeting\nBen: presenting the quarterly results';
const SEED = 3;

const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'bias-workbench.mjs'), ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

const likelihood = importBbqJsonl(readFileSync(join(root, 'tests/fixtures/bbq/bbq-excerpt.jsonl'), 'utf8'), { id: 'bbq-three', limit: 3 }).probe;
const prompted = { ...likelihood, id: 'bbq-three-prompted', answerBy: 'prompt' as const };

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bpw-bbq-prompt-'));
  writeFileSync(join(dir, 'prompted.json'), JSON.stringify(prompted));
  writeFileSync(join(dir, 'both.json'), JSON.stringify([likelihood, prompted]));
});

describe('bias-workbench run <BBQ probe answered by prompt>', () => {
  let scripted: LanguageModel;
  beforeAll(async () => {
    scripted = await loadLanguageModel(SCRIPTED, { device: 'node' });
  }, 120_000);
  afterAll(async () => {
    await scripted?.dispose();
  });

  it('on a chat model whose answers carry no letter: none read, said on stderr, each answer kept, the runner\'s record', async () => {
    const out = cli('run', join(dir, 'prompted.json'), '--model', SCRIPTED, '--seed', String(SEED));
    expect(out.code, out.stderr).toBe(0);
    expect(out.stderr).not.toContain('needs an instruction (chat) model');
    expect(out.stderr).toContain('bbq-three-prompted: None of the 3 answers could be read: the model did not answer in the requested format — its answers are in the items.');
    const record = JSON.parse(out.stdout) as { results: BbqResult[] };
    const r = record.results[0]!;
    expect(r).toMatchObject({ answerBy: 'prompt', chatTemplate: true, overall: null, byCategory: [] });
    expect(r.items.map((i) => [i.id, i.chosen, i.response])).toEqual([
      ['Age-0', null, SCRIPTED_ANSWER],
      ['Age-1', null, SCRIPTED_ANSWER],
      ['Age-2', null, SCRIPTED_ANSWER],
    ]);
    const core = await familyOf('bbq').run(prompted, { scorer: scripted, options: { ...DEFAULT_LM_RUN_OPTIONS, seed: SEED } });
    expect(record.results).toEqual([JSON.parse(JSON.stringify(core))]);
  }, 180_000);
});

describe.skipIf(!hasGpt)('bias-workbench run <BBQ probes> on workbench/tiny-gpt2 (no chat template)', () => {
  it('warns before the run for the prompted probe only, and reports its count of readable answers', () => {
    const out = cli('run', join(dir, 'both.json'), '--model', 'workbench/tiny-gpt2', '--seed', String(SEED));
    expect(out.code, out.stderr).toBe(0);
    const warnings = out.stderr.split('\n').filter((l) => l.startsWith('Warning:'));
    expect(warnings).toEqual([
      `Warning: “${prompted.title}” needs an instruction (chat) model: workbench/tiny-gpt2 has no chat template, so it will most likely not answer in the requested format. Choose an instruction model to get a result.`,
    ]);
    const record = JSON.parse(out.stdout) as { results: BbqResult[] };
    expect(record.results.map((r) => r.answerBy)).toEqual(['likelihood', 'prompt']);
    expect(record.results[1]!.chatTemplate).toBe(false);
    // Its greedy continuation of each question is 32 newlines: nothing to read.
    expect(record.results[1]!.items.map((i) => [i.chosen, i.response])).toEqual(Array.from({ length: 3 }, () => [null, '\n'.repeat(32)]));
    expect(out.stderr).toContain('bbq-three-prompted: None of the 3 answers could be read: the model did not answer in the requested format — use an instruction model.');
  }, 180_000);
});
