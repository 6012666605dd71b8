// The RIPA family end to end: the built-ins run through the one run path (runProbes) on the embedded
// GloVe table and give the numbers of an independent numpy reference that reads the same table out of
// the ONNX file (scripts/reference/ripa_glove_reference.py → tests/fixtures/reference/glove-ripa.json);
// the batch's Holm p's, the CSV and the summary carry those numbers; words and pairs a table lacks
// are dropped and listed; lint catches what the schema cannot.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RipaResult } from '../../src/core/association/ripa';
import { DEFAULT_ASSOCIATION_OPTIONS } from '../../src/core/association/types';
import type { Embedder } from '../../src/core/embeddings/embedder';
import { getAnyBuiltinProbe, resolveAnyProbeOrSuite } from '../../src/probes/builtin';
import { lmProbeFromJsonFile, validateLmDraft } from '../../src/probes/import/lmImport';
import { familyOf } from '../../src/probes/families';
import type { RipaProbe } from '../../src/probes/families/ripa/schema';
import { runToCsv } from '../../src/probes/export/runToCsv';
import { runProbes } from '../../src/probes/runProbes';
import { loadEmbeddedModel } from '../../src/runtime/node';
import type { WordEmbeddingModel } from '../../src/runtime/types';

const root = join(import.meta.dirname, '..', '..');
const built = existsSync(join(root, 'public', 'models', 'glove-6b-100d', 'model.onnx'));
const reference = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'reference', 'glove-ripa.json'), 'utf8')) as {
  assetSha256: string;
  tests: { probeId: string; wordMeans: number[]; wordSpreads: number[]; setMeans: { X: number; Y: number }; difference: number; pValue: number; partitions: number }[];
};
const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
const OPTIONS = { ...DEFAULT_ASSOCIATION_OPTIONS, bootstrap: 500 };

describe.skipIf(!built)('RIPA built-ins on the embedded GloVe table', () => {
  let model: WordEmbeddingModel;
  let results: RipaResult[];
  beforeAll(async () => {
    model = await loadEmbeddedModel('glove-6b-100d');
    results = (await runProbes(resolveAnyProbeOrSuite('ripa-gender'), { embedder: model, options: OPTIONS })) as RipaResult[];
  });
  afterAll(async () => model?.dispose());

  it('the reference read the same table', () => {
    expect(model.info.assetSha256).toBe(reference.assetSha256);
  });

  it('every word, set mean, difference and exact p equals numpy’s', () => {
    expect(results.map((r) => r.probeId)).toEqual(reference.tests.map((t) => t.probeId));
    results.forEach((r, i) => {
      const ref = reference.tests[i]!;
      r.items.forEach((item, k) => {
        close(item.ripa, ref.wordMeans[k]!);
        close(item.spread, ref.wordSpreads[k]!);
      });
      close(r.setMeans.X, ref.setMeans.X);
      close(r.setMeans.Y, ref.setMeans.Y);
      close(r.difference, ref.difference);
      expect(r.pMethod).toBe('exact');
      expect(r.permutations).toBe(ref.partitions);
      close(r.pValue, ref.pValue);
      expect(r.droppedPairs).toEqual([]);
    });
  });

  it('Holm across the three tests, by the step-down formula on the reference p’s', () => {
    const ps = reference.tests.map((t) => t.pValue);
    const order = ps.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0]);
    const holm: number[] = [];
    let running = 0;
    order.forEach(([p, i], rank) => {
      running = Math.max(running, Math.min(1, (ps.length - rank) * p));
      holm[i] = running;
    });
    results.forEach((r, i) => close(r.pHolm!, holm[i]!));
  });

  it('the summary states the reference number and the verdict of the one rule', () => {
    const s = familyOf('ripa').summarize(results[0]!);
    expect(s.headline.value).toBe(results[0]!.difference);
    expect(s.headline.shown).toBe(reference.tests[0]!.difference.toFixed(3));
    expect(s.significance?.significant).toBe(true);
    expect(s.headline.ci!.low).toBeGreaterThan(0);
    expect(s.plain?.direction).toBe('Career words lean further towards male terms than family words do (along the male terms − female terms direction).');
    expect(s.groups?.map((g) => g.value)).toEqual([results[0]!.setMeans.X, results[0]!.setMeans.Y]);
  });

  it('the CSV holds the reference numbers: the difference, each set’s RIPA and every word', () => {
    const summary = Papa.parse<Record<string, string>>(runToCsv(results, { modelId: 'glove-6b-100d', seed: 1 }).trim(), { header: true }).data;
    const first = summary.filter((row) => row.probe_id === 'ripa-gender-career-family');
    close(Number(first.find((row) => row.metric === 'ripa_difference')!.value), reference.tests[0]!.difference);
    close(Number(first.find((row) => row.scope === 'set:Y')!.value), reference.tests[0]!.setMeans.Y);
    expect(first.filter((row) => row.metric === 'pair_difference')).toHaveLength(8);
    const items = Papa.parse<Record<string, string>>(runToCsv(results, { modelId: 'glove-6b-100d', seed: 1 }, { items: true }).trim(), { header: true }).data;
    const words = items.filter((row) => row.probe_id === 'ripa-gender-career-family');
    words.forEach((row, k) => close(Number(row.ripa), reference.tests[0]!.wordMeans[k]!));
  });

  it('a stored result validates against the family’s result schema', () => {
    for (const r of results) expect(familyOf('ripa').resultSchema.safeParse(JSON.parse(JSON.stringify(r))).success).toBe(true);
  });
});

const probe = (over: Partial<RipaProbe> = {}): RipaProbe => ({
  family: 'ripa',
  id: 'toy',
  title: 'toy',
  targets: { X: { label: 'X words', words: ['Alpha', 'beta'] }, Y: { label: 'Y words', words: ['gamma', 'delta', 'missing'] } },
  attributePairs: { firstLabel: 'First', secondLabel: 'Second', pairs: [['p', 'q'], ['r', 'absent'], ['s', 't']] },
  ...over,
});

describe('RIPA family on a table of four dimensions', () => {
  const table = new Map<string, number[]>([
    ['alpha', [2, 0, 0, 0]], ['beta', [1, 1, 0, 0]], ['gamma', [-1, 0, 1, 0]], ['delta', [0, 0, 0, 1]],
    ['p', [1, 0, 0, 0]], ['q', [-1, 0, 0, 0]], ['r', [0, 1, 0, 0]], ['s', [3, 0, 0, 0]], ['t', [0, 0, 0, 0]],
  ]);
  const embedder: Embedder = { embedWords: async (ws) => ws.map((w) => (table.has(w) ? Float32Array.from(table.get(w)!) : null)) };

  it('looks words up as given then lower-cased, and lists the words and pairs it dropped', async () => {
    const r = (await familyOf('ripa').run(probe(), { embedder, options: DEFAULT_ASSOCIATION_OPTIONS })) as RipaResult;
    expect(r.words).toEqual({ X: ['Alpha', 'beta'], Y: ['gamma', 'delta'] });
    expect(r.oov).toEqual({ X: [], Y: ['missing'] });
    expect(r.droppedPairs).toEqual([{ first: 'r', second: 'absent', reason: 'out of vocabulary: absent' }]);
    // Both usable pairs give b = (1, 0, 0, 0): alpha 2, beta 1, gamma −1, delta 0; Δ = 1.5 − (−0.5) = 2.
    expect(r.items.map((i) => i.ripa)).toEqual([2, 1, -1, 0]);
    expect(r.difference).toBe(2);
    expect(r.pairs.map((p) => p.difference)).toEqual([2, 2]);
  });

  it('lint: a word in both target sets and a pair of one word are errors; a repeated pair and a target that is a pair word are warnings', () => {
    const issues = familyOf('ripa').lint(
      probe({
        targets: { X: { label: 'X', words: ['a', 'b'] }, Y: { label: 'Y', words: ['b', 'p'] } },
        attributePairs: { firstLabel: 'F', secondLabel: 'S', pairs: [['p', 'q'], ['he', 'He'], ['p', 'q']] },
      }),
    );
    expect(issues.map((i) => [i.severity, i.code])).toEqual([
      ['error', 'word-in-two-sets'],
      ['error', 'pair-of-one-word'],
      ['warning', 'duplicate-pair'],
      ['warning', 'target-is-attribute'],
    ]);
  });

  it('the schema refuses a probe without pairs', () => {
    expect(familyOf('ripa').schema.safeParse(probe({ attributePairs: { firstLabel: 'F', secondLabel: 'S', pairs: [] } })).success).toBe(false);
  });
});

describe('the JSON editor', () => {
  it('takes a RIPA probe (no word-set form edits it) and still sends WEAT to the word-set editor', () => {
    const ripa = validateLmDraft(JSON.stringify(getAnyBuiltinProbe('ripa-gender-math-arts')));
    expect(ripa.errors).toBe(0);
    expect(ripa.probe?.family).toBe('ripa');
    const weat = validateLmDraft(JSON.stringify(getAnyBuiltinProbe('caliskan-weat-1')));
    expect(weat.probe).toBeNull();
    expect(weat.issues.map((i) => i.path)).toEqual(['family']);
    expect(lmProbeFromJsonFile(JSON.stringify(getAnyBuiltinProbe('ripa-gender-math-arts')), 'ripa.json').id).toBe('ripa-gender-math-arts');
    expect(() => lmProbeFromJsonFile(JSON.stringify(getAnyBuiltinProbe('caliskan-weat-1')), 'weat.json')).toThrow(/WEAT\/SEAT editor/);
  });
});
