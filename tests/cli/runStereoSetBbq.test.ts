// `bias-workbench run <file>` on a StereoSet dev.json and a BBQ JSONL, run as a user runs it (a child
// process): the format is detected from the content, the record holds the imported probe, and its
// results are exactly those of the family's runner called here on the same model with the same
// options, and the page's import (the import worker's code on the same bytes, then the LM editor's
// validation of the text it shows) gives the same probe; --limit N runs the first N items; bad lines
// are listed with their line numbers on stderr and in the page's notice.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Comlink from 'comlink';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LM_RUN_OPTIONS } from '../../src/core/lmRun/types';
import { familyOf, type AnyProbe } from '../../src/probes/families';
import { importBbqJsonl } from '../../src/probes/import/bbqJsonl';
import { importStereoSetJson } from '../../src/probes/import/stereoSet';
import { validateLmDraft } from '../../src/probes/import/lmImport';
import { loadLanguageModel, type LanguageModel } from '../../src/runtime/lm/node';
import { createImportApi } from '../../src/worker/importApi';

const root = join(import.meta.dirname, '..', '..');
const hasGpt = existsSync(join(root, 'public', 'models', 'workbench/tiny-gpt2', 'onnx', 'model.onnx'));
const stereoSetFile = join(root, 'tests/fixtures/stereoset/dev-excerpt.json');
const bbqFile = join(root, 'tests/fixtures/bbq/bbq-excerpt.jsonl');
const SEED = 5;
const OPTIONS = { ...DEFAULT_LM_RUN_OPTIONS, seed: SEED };

const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'bias-workbench.mjs'), ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

interface CliRecord {
  probes: AnyProbe[];
  results: unknown[];
}
/** The page's import of a file chosen in the LM editor (.jsonl as BBQ, any other name as JSON). */
const pageImport = (name: string, text: string) =>
  createImportApi().importInput(name.endsWith('.jsonl') ? 'bbq-jsonl' : 'lm-probe-json', { name, file: new Blob([text]) }, Comlink.proxy(() => undefined));

const recordOf = (r: ReturnType<typeof cli>): CliRecord => {
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as CliRecord;
};

let gpt: LanguageModel;
const coreRun = async (probe: AnyProbe) => JSON.parse(JSON.stringify(await familyOf(probe.family).run(probe, { scorer: gpt, options: OPTIONS }))) as unknown;

describe.skipIf(!hasGpt)('bias-workbench run <StereoSet / BBQ file> on workbench/tiny-gpt2', () => {
  beforeAll(async () => {
    gpt = await loadLanguageModel('workbench/tiny-gpt2');
  }, 120_000);
  afterAll(async () => {
    await gpt?.dispose();
  });

  it('StereoSet dev.json: the imported probe, the family runner\'s numbers; --limit 2 runs the first two items', async () => {
    const record = recordOf(cli('run', stereoSetFile, '--model', 'workbench/tiny-gpt2', '--seed', String(SEED)));
    const probe = importStereoSetJson(readFileSync(stereoSetFile, 'utf8'), { id: 'dev-excerpt', title: 'StereoSet from dev-excerpt.json' }).probe;
    expect(record.probes).toEqual([probe]);
    expect(record.results).toEqual([await coreRun(probe)]);
    const page = await pageImport('dev-excerpt.json', readFileSync(stereoSetFile, 'utf8'));
    expect(validateLmDraft(page.text!).probe).toEqual(record.probes[0]);
    const limited = recordOf(cli('run', stereoSetFile, '--model', 'workbench/tiny-gpt2', '--seed', String(SEED), '--limit', '2'));
    expect((limited.results[0] as { overall: { items: number } }).overall.items).toBe(2);
  }, 120_000);

  it('BBQ JSONL: the imported probe, the family runner\'s numbers; a bad line is listed with its number and the rest run', async () => {
    const text = readFileSync(bbqFile, 'utf8');
    const lines = text.trimEnd().split('\n');
    const file = join(mkdtempSync(join(tmpdir(), 'bpw-bbq-')), 'bbq-bad.jsonl');
    writeFileSync(file, [lines[0], '{"example_id": 1,', ...lines.slice(1)].join('\n'));
    const out = cli('run', file, '--model', 'workbench/tiny-gpt2', '--seed', String(SEED));
    expect(out.stderr).toContain('bbq-bad.jsonl: skipped JSONL line 2: not valid JSON');
    const record = recordOf(out);
    const probe = importBbqJsonl(text, { id: 'bbq-bad' }).probe;
    expect(record.probes).toEqual([{ ...probe, source: 'Imported from BBQ JSONL (12 questions, 1 line skipped).' }]);
    expect(record.results).toEqual([await coreRun(probe)]);
    const page = await pageImport('bbq-bad.jsonl', readFileSync(file, 'utf8'));
    expect(page.skipped).toEqual([expect.stringMatching(/^JSONL line 2: not valid JSON/)]);
    expect(validateLmDraft(page.text!).probe).toEqual(record.probes[0]);
  }, 120_000);
});
