// The numbers must not move: every reference run (tests/fixtures/reference-runs, recorded through the
// CLI with method version 3: test-consistent intervals, the 13-bit GloVe table, language models scored
// in covering rows) is run again in-process through the one run path
// (probes/runProbes.ts) — the record's probes, on its model, with its options — and its results are
// compared field by field with the recorded ones (numbers to 1e-12 relative, strings, booleans and
// array lengths exactly), and both CSV exports of the fresh results (probes/export/runToCsv.ts) byte
// for byte with the recorded files, under the record's run id. The association tests' Monte Carlo
// fields (a Monte Carlo p and the Holm/BH p's made from it, the inverted test's bound and the null
// histogram of a Monte Carlo test, the bootstrap interval and its skipped count) depend on the sampler
// (core/stats/samplerVersion.ts), so they are compared within tolerances derived from the number of
// draws (monteCarloTolerance.ts); then the fresh results with those fields set to the recorded ones
// must match the record strictly, JSON and CSVs alike. Records of method version 1 (the
// previous recordings, format @1) must still open and re-run as "identical but for the method
// change". Skipped while the embedded models are not built.
//
// A probe's numbers depend only on (seed, probe id), not on its batch, so each probe runs once: a
// suite record (caliskan-weat, lm-causal, …) takes the results of its probes run alone (runProbes of
// one probe, same options and model) and only the batch adjustment (pHolm/pBH, adjustAcrossBatch,
// the last step of runProbes) is computed for it — which is also the check that the batch does not
// move a probe's numbers. It keeps the test near a minute of one core.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lmRunModel } from '../../src/core/lmRunModel';
import { METHOD_VERSION } from '../../src/core/intervals';
import { reproducedRun } from '../../src/core/reproducedRun';
import { RUN_RECORD_FORMAT, type RunModelInfo, type RunRecord, type RunResult } from '../../src/core/runRecord';
import { familyOf, type AnyProbe } from '../../src/probes/families';
import type { FamilyRunContext } from '../../src/probes/families/types';
import { runToCsv } from '../../src/probes/export/runToCsv';
import { parseRunRecord } from '../../src/probes/runRecordSchema';
import { adjustAcrossBatch, runProbes } from '../../src/probes/runProbes';
import { loadLanguageModel } from '../../src/runtime/lm/node';
import { loadEmbeddedModel } from '../../src/runtime/node';
import type { AssociationResult } from '../../src/core/association/types';
import { histogramCdfDifferences, percentileEndTolerance, pValueTolerance, testIntervalBand, Z } from './monteCarloTolerance';

const root = join(import.meta.dirname, '..', '..');
const REFERENCE = join(root, 'tests', 'fixtures', 'reference-runs');

interface IndexEntry {
  ref: string;
  /** The model id, or the folder relative to the repository root. */
  model: string;
  file: string;
}
const index = JSON.parse(readFileSync(join(REFERENCE, 'index.json'), 'utf8')) as { runs: IndexEntry[] };
const stored = (file: string, ext: string) => readFileSync(join(REFERENCE, `${file}${ext}`), 'utf8');

const isFolder = (model: string) => model.includes('/fixtures/');
const built = (model: string) =>
  isFolder(model) ? existsSync(join(root, model, 'config.json')) : model === 'glove-6b-100d' ? existsSync(join(root, 'public', 'models', model)) : existsSync(join(root, 'public', 'models', model, 'onnx', 'model.onnx'));

interface Loaded {
  context: Pick<FamilyRunContext, 'embedder' | 'scorer'>;
  model: RunModelInfo;
  dispose(): Promise<void>;
}

/** Each model is loaded once, on first use, and disposed after the suite. */
const loaded = new Map<string, Promise<Loaded>>();
const load = (entry: IndexEntry, record: RunRecord<AnyProbe, RunResult>): Promise<Loaded> => {
  const cached = loaded.get(entry.model);
  if (cached) return cached;
  const modality = familyOf(record.probes[0]!.family).modality;
  const next =
    modality === 'vectors'
      ? loadEmbeddedModel(entry.model).then((m) => ({
          context: { embedder: m },
          model: { id: m.info.id, title: m.info.title, assetSha256: m.info.assetSha256, dtype: m.info.dtype, ...(m.info.precision ? { precision: m.info.precision } : {}), backend: 'node' as const },
          dispose: () => m.dispose(),
        }))
      : loadLanguageModel(isFolder(entry.model) ? join(root, entry.model) : entry.model).then((lm) => ({ context: { scorer: lm }, model: lmRunModel(lm.info), dispose: () => lm.dispose() }));
  loaded.set(entry.model, next);
  return next;
};
afterAll(async () => {
  for (const m of loaded.values()) await (await m).dispose();
});

/** One probe run alone through runProbes on a model with options, computed once (the single-probe records come before the suites in the index). */
const runs = new Map<string, Promise<RunResult>>();
const runAlone = (entry: IndexEntry, probe: AnyProbe, options: FamilyRunContext['options'], model: Loaded): Promise<RunResult> => {
  const key = JSON.stringify([entry.model, probe, options]);
  let result = runs.get(key);
  if (!result) {
    result = runProbes([probe], { ...model.context, options }).then(([r]) => r!);
    runs.set(key, result);
  }
  return result;
};

/** Differences between a fresh value and the recorded one: numbers within 1e-12 relative, everything else exactly. */
function differences(actual: unknown, expected: unknown, path = '', out: string[] = []): string[] {
  if (typeof expected === 'number' && typeof actual === 'number') {
    const scale = Math.max(Math.abs(actual), Math.abs(expected));
    if (actual !== expected && !(Math.abs(actual - expected) <= 1e-12 * scale)) out.push(`${path}: ${actual} ≠ ${expected}`);
  } else if (Array.isArray(expected) && Array.isArray(actual)) {
    if (actual.length !== expected.length) out.push(`${path}: length ${actual.length} ≠ ${expected.length}`);
    else expected.forEach((e, i) => differences(actual[i], e, `${path}[${i}]`, out));
  } else if (expected !== null && typeof expected === 'object' && actual !== null && typeof actual === 'object' && !Array.isArray(actual)) {
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    for (const k of keys) differences((actual as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k], path ? `${path}.${k}` : k, out);
  } else if (actual !== expected) out.push(`${path}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
  return out;
}

/** A top-level result made by the association engine (WEAT, SEAT, likelihood IAT). */
const isAssociation = (r: unknown): r is AssociationResult => typeof r === 'object' && r !== null && 'pMethod' in r && 'items' in r && 'sizes' in r;

const within = (path: string, actual: number | null | undefined, expected: number | null | undefined, tolerance: number, out: string[]) => {
  if (actual === expected) return;
  if (typeof actual !== 'number' || typeof expected !== 'number' || !(Math.abs(actual - expected) <= tolerance)) out.push(`${path}: ${actual} vs recorded ${expected} (tolerance ${tolerance})`);
};

/**
 * The Monte Carlo fields of the fresh association results against the recorded ones, within the
 * draw-derived tolerances (see the header), and the fresh results with those fields replaced by the
 * recorded values, for the strict comparison of everything else.
 */
function compareMonteCarlo(fresh: readonly RunResult[], recorded: readonly RunResult[], options: FamilyRunContext['options']): { differences: string[]; patched: RunResult[] } {
  const out: string[] = [];
  const patched = fresh.map((r) => structuredClone(r));
  const { seed, exactLimit, bootstrap } = options as { seed: number; exactLimit: number; bootstrap: number };
  const pTolerances = fresh.map((r, i) => {
    const was = recorded[i];
    return isAssociation(r) && isAssociation(was) && r.pMethod === 'monte-carlo' ? pValueTolerance(r.pValue, was.pValue, r.permutations) : 0;
  });
  // Holm's and BH's adjusted p's are Lipschitz in the raw p's with constant n (the batch size) in the max norm.
  const adjustedTolerance = fresh.length * Math.max(0, ...pTolerances);
  fresh.forEach((r, i) => {
    const was = recorded[i];
    const copy = patched[i];
    if (!isAssociation(r) || !isAssociation(was) || !isAssociation(copy)) return;
    const path = `[${i}]`;
    within(`${path}.pHolm`, r.pHolm, was.pHolm, adjustedTolerance, out);
    within(`${path}.pBH`, r.pBH, was.pBH, adjustedTolerance, out);
    Object.assign(copy, { pHolm: was.pHolm, pBH: was.pBH });
    if (r.ci && was.ci) {
      const tolerance = percentileEndTolerance(was.ci.low, was.ci.high, was.ci.level, bootstrap);
      within(`${path}.ci.low`, r.ci.low, was.ci.low, tolerance, out);
      within(`${path}.ci.high`, r.ci.high, was.ci.high, tolerance, out);
      const skipped = Math.max(r.ci.skipped ?? 0, was.ci.skipped ?? 0);
      within(`${path}.ci.skipped`, r.ci.skipped, was.ci.skipped, Z * Math.sqrt(2 * skipped) + 1, out);
      copy.ci = { ...copy.ci!, low: was.ci.low, high: was.ci.high, resamples: was.ci.resamples, skipped: was.ci.skipped };
    }
    if (r.pMethod !== 'monte-carlo' || was.pMethod !== 'monte-carlo') return;
    within(`${path}.pValue`, r.pValue, was.pValue, pTolerances[i]!, out);
    copy.pValue = was.pValue;
    if (r.testCi?.low != null && was.testCi?.low != null) {
      const band = testIntervalBand(r, { seed, exactLimit });
      const slack = 1e-12 * Math.abs(was.testCi.low);
      if (!(was.testCi.low >= band.low - slack && was.testCi.low <= band.high + slack)) out.push(`${path}.testCi.low: recorded ${was.testCi.low} outside the fresh band [${band.low}, ${band.high}]`);
      copy.testCi = { ...copy.testCi!, low: was.testCi.low };
    }
    if (r.nullHistogram && was.nullHistogram) {
      out.push(...histogramCdfDifferences(r.nullHistogram, was.nullHistogram, r.permutations, `${path}.nullHistogram`));
      copy.nullHistogram = was.nullHistogram;
    }
  });
  return { differences: out, patched };
}

/** A folder model's record without the id and title (they hold the path it was recorded from). */
const withoutPath = ({ id: _id, title: _title, ...rest }: RunModelInfo) => rest;

describe('reference runs: the stored records', () => {
  it.each(index.runs.map((r) => [r.file, r] as const))('%s validates as a record of the current method', (_, entry) => {
    const json = JSON.parse(stored(entry.file, '.json')) as RunRecord<AnyProbe, RunResult>;
    expect([json.format, json.methodVersion]).toEqual([RUN_RECORD_FORMAT, METHOD_VERSION]);
    const record = parseRunRecord(json);
    expect(differences(JSON.parse(JSON.stringify(record.results)), json.results)).toEqual([]);
  });
});

/**
 * Records of method version 1 (format @1: the recordings this suite held before the interval method
 * changed) still open, and re-running one today says that only what the method change moves moved:
 * on the unchanged tiny GPT-2 every estimate is identical, the intervals and two-sided randomisation
 * p's are listed as moved by the method.
 */
describe('records of method version 1', () => {
  const V1 = join(root, 'tests', 'fixtures', 'previous-version', 'method-v1');
  const v1 = (file: string) => JSON.parse(readFileSync(join(V1, file), 'utf8')) as RunRecord<AnyProbe, RunResult>;
  it('open through the migration, without a method version', () => {
    for (const file of ['glove-caliskan-weat.json', 'lm-counterfactual-basic.json', 'lm-decision-basic.json']) {
      const json = v1(file);
      expect([json.format, json.methodVersion]).toEqual(['bias-workbench-run@1', undefined]);
      expect(parseRunRecord(json).results).toHaveLength(json.results.length);
    }
  });
  it.each([['lm-counterfactual-basic.json'], ['lm-decision-basic.json']])(
    '%s re-run today on tiny GPT-2: identical but for what method versions 2 and 3 move',
    async (file) => {
      const original = v1(file);
      const entry = { ref: original.probes[0]!.id, model: 'workbench/tiny-gpt2', file };
      if (!built(entry.model)) return;
      const model = await load(entry, original);
      const results = await runProbes(original.probes, { ...model.context, options: original.options });
      const verdict = reproducedRun(original, { model: original.model, methodVersion: METHOD_VERSION, results: JSON.parse(JSON.stringify(results)) as unknown[] });
      expect(verdict).toMatchObject({ identical: true, firstDifference: null, methodChanged: true });
      expect(verdict.methodMoved.length).toBeGreaterThan(0);
    },
    120_000,
  );
});

describe('reference runs: the same numbers through the one run path', () => {
  it.each(index.runs.filter((r) => built(r.model)).map((r) => [r.file, r] as const))(
    '%s',
    async (_, entry) => {
      const record = JSON.parse(stored(entry.file, '.json')) as RunRecord<AnyProbe, RunResult>;
      const model = await load(entry, record);
      const alone = [];
      for (const probe of record.probes) alone.push(await runAlone(entry, probe, record.options, model));
      const fresh = record.probes.length === 1 ? alone : adjustAcrossBatch(alone);
      const monteCarlo = compareMonteCarlo(fresh, record.results, record.options);
      expect(monteCarlo.differences).toEqual([]);
      const results = monteCarlo.patched;
      // JSON writes NaN as null, as the record did.
      expect(differences(JSON.parse(JSON.stringify(results)), record.results)).toEqual([]);
      // A folder model's id and title hold the path it was recorded from.
      if (isFolder(entry.model)) expect(withoutPath(model.model)).toEqual(withoutPath(record.model));
      else expect(model.model).toEqual(record.model);
      const run = { runId: record.runId, model: record.model, seed: record.seed, results };
      expect(runToCsv(run)).toBe(stored(entry.file, '.csv'));
      expect(runToCsv(run, { items: true })).toBe(stored(entry.file, '.items.csv'));
    },
    120_000,
  );
});
