// `bias-workbench run <HolisticBias folder | combined JSON>` as a user runs it (a child process) on
// the embedded GPT and the fixture dataset (tests/fixtures/holistic-bias/dataset): the folder's files
// are combined and detected, the record holds the imported probe with its sample, and its result is
// exactly the family's runner's on the same model; a combined JSON's "sample" is the run's sample;
// the page's import of the same files (the import worker's code) gives the same probe.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Comlink from 'comlink';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LM_RUN_OPTIONS } from '../../src/core/lmRun/types';
import { familyOf, type AnyProbe } from '../../src/probes/families';
import type { HolisticBiasResult } from '../../src/probes/families/holistic-bias/result';
import { holisticBiasBundleText, importHolisticBiasJson } from '../../src/probes/import/holisticBias';
import { validateLmDraft } from '../../src/probes/import/lmImport';
import { loadLanguageModel, type LanguageModel } from '../../src/runtime/lm/node';
import { createImportApi } from '../../src/worker/importApi';

const root = join(import.meta.dirname, '..', '..');
const hasGpt = existsSync(join(root, 'public', 'models', 'workbench/tiny-gpt2', 'onnx', 'model.onnx'));
const folder = join(root, 'tests/fixtures/holistic-bias/dataset');
const FILES = ['descriptors.json', 'nouns.json', 'sentence_templates.json', 'standalone_noun_phrases.json'];
const bundle = () => holisticBiasBundleText(FILES.map((name) => ({ name, text: readFileSync(join(folder, name), 'utf8') })));
const SEED = 5;

const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'bias-workbench.mjs'), ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const recordOf = (r: ReturnType<typeof cli>) => {
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { probes: AnyProbe[]; results: HolisticBiasResult[] };
};

let gpt: LanguageModel;

describe.skipIf(!hasGpt)('bias-workbench run <HolisticBias> on workbench/tiny-gpt2', () => {
  beforeAll(async () => {
    gpt = await loadLanguageModel('workbench/tiny-gpt2');
  }, 120_000);
  afterAll(async () => {
    await gpt?.dispose();
  });

  it('the dataset folder: the imported probe, the family runner\'s numbers, the page\'s probe', async () => {
    const record = recordOf(cli('run', folder, '--model', 'workbench/tiny-gpt2', '--seed', String(SEED)));
    const probe = importHolisticBiasJson(bundle(), { id: 'dataset' }).probe;
    expect(record.probes).toEqual([probe]);
    const core = await familyOf('holistic-bias').run(probe, { scorer: gpt, options: { ...DEFAULT_LM_RUN_OPTIONS, seed: SEED } });
    expect(record.results).toEqual([JSON.parse(JSON.stringify(core))]);
    expect(record.results[0]!.sample).toMatchObject({ perCell: 8, seed: 1 });
    const page = await createImportApi().importInput('holistic-bias-json', { name: 'dataset', text: bundle() }, Comlink.proxy(() => undefined));
    expect(validateLmDraft(page.text!).probe).toEqual(record.probes[0]);
  }, 120_000);

  it('a combined JSON with its own sample; a folder without the dataset\'s files is refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bpw-hb-'));
    const file = join(dir, 'hb.json');
    writeFileSync(file, JSON.stringify({ ...JSON.parse(bundle()), sample: { perCell: 2, templates: 1, seed: 9 }, axes: ['age'] }));
    const r = recordOf(cli('run', file, '--model', 'workbench/tiny-gpt2')).results[0]!;
    expect(r.sample).toMatchObject({ perCell: 2, seed: 9, sentences: 4 * 2 });
    expect(r.sample.templates).toHaveLength(1);
    expect(r.axes.map((a) => a.axis)).toEqual(['age']);
    const notDataset = cli('run', dir, '--model', 'workbench/tiny-gpt2');
    expect(notDataset.code).toBe(2);
    expect(notDataset.stderr).toContain('is a folder, not a probe file');
  }, 120_000);
});
