// Records the reference runs: every built-in probe and suite of every family on each embedded model
// it can run on, plus the two prompt families on the scripted fixtures that answer in format (the
// embedded tiny GPT-2 has no chat template, so on it those families read no answers). Each run goes
// through the CLI as a user would run it, with one fixed seed, and is written as the run record
// (JSON) and both CSV exports. tests/core/referenceRuns.test.ts re-runs every record's probes on
// its model with its options and compares the results field by field, so a refactor that moves a
// number by more than 1e-12 fails. Re-record only when a method changes on purpose, and say which
// numbers moved. Usage: npx tsx scripts/reference/record-reference-runs.ts
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { getAnyBuiltinProbe } from '../../src/probes/builtin';
import { familyOf } from '../../src/probes/families';

const OUT = 'tests/fixtures/reference-runs';
const SEED = '20261205';
const CLI = ['bin/bias-workbench.mjs'];

interface Listing {
  probes: { id: string; family: string }[];
  suites: { id: string; probes: string[] }[];
}

const cli = (args: string[]): string => execFileSync('node', [...CLI, ...args], { encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'] });
const listing = JSON.parse(cli(['probes', '--format', 'json'])) as Listing;
// No embedded model outputs hidden states (both export logits only), so those probes get no record.
const EMBEDDED_MODEL = { embedding: 'glove-6b-100d', causal: 'workbench/tiny-gpt2', generate: 'workbench/tiny-gpt2', masked: 'workbench/tiny-bert', 'hidden-states': null, nothing: null } as const;

/** The embedded model a built-in runs on: what its family says the probe needs. */
const modelsFor = (id: string): string[] => {
  const probe = getAnyBuiltinProbe(id)!;
  const model = EMBEDDED_MODEL[familyOf(probe.family).needs(probe)];
  return model ? [model] : [];
};

interface Entry {
  ref: string;
  model: string;
  file: string;
}
const runs: Entry[] = [];
for (const p of listing.probes) for (const m of modelsFor(p.id)) runs.push({ ref: p.id, model: m, file: '' });
for (const s of listing.suites) {
  const models = [...new Set(s.probes.flatMap(modelsFor))];
  if (models.length === 1) runs.push({ ref: s.id, model: models[0]!, file: '' });
}
// The prompt families on the scripted fixtures (their probes are written next to the records).
const SCRIPTED = 'tests/fixtures/hub-matrix/matrix';
runs.push({ ref: `${OUT}/inputs/scripted-iat-probe.json`, model: `${SCRIPTED}/scripted-iat`, file: '' });
runs.push({ ref: `${OUT}/inputs/scripted-decision-probe.json`, model: `${SCRIPTED}/scripted-decision`, file: '' });

const slug = (s: string) => s.replace(/^.*\/matrix\//, 'matrix-').replace(/[^A-Za-z0-9.-]+/g, '_').replace(/\.json$/, '').replace(/^tests_fixtures_reference-runs_inputs_/, '');
for (const r of runs) {
  const base = `${slug(r.model)}/${slug(r.ref)}`;
  mkdirSync(path.join(OUT, slug(r.model)), { recursive: true });
  const args = ['run', r.ref, '--model', r.model, '--seed', SEED];
  const json = cli([...args, '--format', 'json']);
  writeFileSync(path.join(OUT, `${base}.json`), json.endsWith('\n') ? json : `${json}\n`);
  const runId = (JSON.parse(json) as { runId: string }).runId;
  // The CSVs carry their own run id; write the record's so one id names the run.
  const csv = (extra: string[]) => {
    const out = cli([...args, '--format', 'csv', ...extra]);
    const id = /run-\d{8}T\d{6}Z-[0-9a-z]{8}/.exec(out)?.[0];
    return id ? out.split(id).join(runId) : out;
  };
  writeFileSync(path.join(OUT, `${base}.csv`), csv([]));
  writeFileSync(path.join(OUT, `${base}.items.csv`), csv(['--items']));
  r.file = base;
  console.log(`${base}  (${r.ref} on ${r.model})`);
}
const commit = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
writeFileSync(path.join(OUT, 'index.json'), `${JSON.stringify({ recordedAt: commit, seed: Number(SEED), runs }, null, 2)}\n`);
