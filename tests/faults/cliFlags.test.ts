// Fault suite, CLI flags: `bias-workbench` run as a user runs it (a child process through
// bin/bias-workbench.mjs). A flag value the page's field would refuse is refused with the page's
// sentence (the flag in place of the label); a flag the command or the probe's kind does not read is
// refused instead of ignored; a probe file is refused as the page's import refuses the same bytes.
// Every refusal here happens before a model loads, so each case costs one CLI start.
import { execFile } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import { readOptionField } from '../../src/core/input/runOptionFields';
import { getBuiltinProbe } from '../../src/probes/builtin';
import { createImportApi } from '../../src/worker/importApi';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'bpw-cli-flags-'));
const cli = (...args: string[]) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [join(root, 'bin', 'bias-workbench.mjs'), ...args], { cwd: root, encoding: 'utf8' }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
const WEAT = ['run', 'caliskan-weat-9', '--model', 'glove-6b-100d'];
const pageMessage = async (name: string, text: string): Promise<string> =>
  createImportApi()
    .importInput('association-probe', { name, file: new Blob([text]) }, Comlink.proxy(() => undefined))
    .then(
      () => 'accepted',
      (e: Error) => e.message,
    );

describe('fault suite', () => {
  it.concurrent('CLI flags · malformed · --permutations 0x10 → exit 2 with the page field\'s sentence, not 16 permutations', async () => {
    const r = await cli(...WEAT, '--permutations', '0x10');
    expect(r.code).toBe(2);
    const field = readOptionField('permutations', '0x10');
    expect(field.ok).toBe(false);
    if (!field.ok) expect(r.stderr).toContain(`bias-workbench: UsageError: ${field.message.replace('Permutations', '--permutations')}`);
    expect(r.stdout).toBe('');
  });

  it.concurrent('CLI flags · malformed · --seed 1e5 and --bootstrap 10.0 → exit 2 each, plain digits asked for', async () => {
    const [seed, boot] = await Promise.all([cli(...WEAT, '--seed', '1e5'), cli(...WEAT, '--bootstrap', '10.0')]);
    expect([seed.code, boot.code]).toEqual([2, 2]);
    expect(seed.stderr).toContain('--seed must be a whole number from 0 to 2,147,483,647, written in plain digits');
    expect(boot.stderr).toContain('--bootstrap must be a whole number from 0 to 1,000,000, written in plain digits');
  });

  it.concurrent('CLI flags · oversized · --seed of 30 nines → exit 2, the range named, nothing rounded', async () => {
    const r = await cli(...WEAT, '--seed', '9'.repeat(30));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--seed must be a whole number from 0 to 2,147,483,647; got “${'9'.repeat(30)}”.`);
  });

  it.concurrent('CLI flags · hostile · a terminal escape in --seed → refused with the escape written out, never sent raw to the terminal', async () => {
    const r = await cli(...WEAT, '--seed', '\u001b[2J7');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('got “\\u001b[2J7”');
    expect(r.stderr.includes('\u001b')).toBe(false);
  });

  it.concurrent('CLI flags · malformed · --text on `run`, --seed on `score`, --model on `probes` → each refused, not ignored', async () => {
    const [run, score, probes] = await Promise.all([
      cli(...WEAT, '--text', 'hello'),
      cli('score', '--model', 'workbench/tiny-gpt2', '--text', ' she', '--seed', '3'),
      cli('probes', '--model', 'glove-6b-100d'),
    ]);
    expect([run.code, score.code, probes.code]).toEqual([2, 2, 2]);
    expect(run.stderr).toContain('--text is not read by `run` (they are for `score`); leave it out.');
    expect(score.stderr).toContain('--seed is not read by `score` (they are options of `run`); leave it out.');
    expect(probes.stderr).toContain('--model is not read by `probes`, which only lists; leave it out.');
  });

  it.concurrent('CLI flags · malformed · --batch-size on a WEAT, --sd on an LM probe → refused: that kind of probe does not read it', async () => {
    const [weat, lm] = await Promise.all([
      cli(...WEAT, '--batch-size', '8'),
      cli('run', 'lm-counterfactual-basic', '--model', 'workbench/tiny-gpt2', '--sd', 'population'),
    ]);
    expect([weat.code, lm.code]).toEqual([2, 2]);
    expect(weat.stderr).toContain('--batch-size is not read by word-vector probes such as caliskan-weat-9; leave it out.');
    expect(lm.stderr).toContain('--sd is not read by language-model probes such as lm-counterfactual-basic; leave it out.');
  });

  it.concurrent('CLI flags · malformed · --items with JSON output → refused, saying it is a CSV option', async () => {
    const r = await cli(...WEAT, '--items');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--items is not read by --format json (per-item rows are a CSV output: add --format csv); leave it out.');
  });

  it.concurrent('CLI flags · malformed · an empty probe collection → exit 1 with the sentence the page\'s import gives for the same file', async () => {
    const file = join(dir, 'empty.json');
    const text = '{"format": "bias-workbench-probe@1", "probes": []}';
    writeFileSync(file, text);
    const r = await cli('run', file, '--model', 'glove-6b-100d');
    expect(r.code).toBe(1);
    const page = await pageMessage('empty.json', text);
    expect(page).toMatch(/^empty\.json holds an empty list of probes/);
    expect(r.stderr).toContain(`bias-workbench: ProbeValidationError: ${page}`);
  });

  it.concurrent('CLI flags · malformed · a probe file with two probes of one id → exit 1, the page\'s sentence, nothing run', async () => {
    const file = join(dir, 'twice.json');
    const p = getBuiltinProbe('caliskan-weat-9');
    const text = JSON.stringify([p, { ...p, title: 'again' }]);
    writeFileSync(file, text);
    const r = await cli('run', file, '--model', 'glove-6b-100d');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`bias-workbench: ProbeValidationError: ${await pageMessage('twice.json', text)}`);
    expect(r.stderr).toContain('twice.json has two probes with the id “caliskan-weat-9” (probes 1 and 2)');
  });

  it.concurrent('CLI flags · malformed · a folder named as the probe file → exit 2, "a folder, not a probe file"', async () => {
    const folder = join(dir, 'probes.json');
    mkdirSync(folder, { recursive: true });
    const r = await cli('run', folder, '--model', 'glove-6b-100d');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${folder} is a folder, not a probe file; name the .json file inside it`);
  });

  it.concurrent('CLI flags · oversized · a 65 MB probe file → refused by the page\'s limit before a byte is read', async () => {
    const file = join(dir, 'huge.json');
    closeSync(openSync(file, 'w'));
    truncateSync(file, 65_000_000); // sparse: nothing is written, and the CLI must not read it
    const r = await cli('run', file, '--model', 'glove-6b-100d');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('huge.json is 65.0 MB; the limit for probe and word-set imports (probe JSON, WEFE JSON, CSV with a set column) is 64 MB.');
  });
});
