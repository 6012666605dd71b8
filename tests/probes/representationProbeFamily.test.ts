// The representation-probe family through the one run path (runProbes) on a word table made of the
// independent reference's toy vectors (tests/fixtures/reference/representation-probe.json, from
// scripts/reference/representation_probe_reference.py with scipy): the family's lookup must hand core
// exactly those vectors (a capitalised word found lower-cased, an unknown word dropped and listed),
// so Δ, the set means and the exact p are scipy's; the CSV and summary carry them; the built-ins
// validate and lint catches what the schema cannot. On the embedded GloVe table the five built-ins
// give the numbers of scripts/reference/representation_glove_reference.py (the same table read out
// of the ONNX file, scipy's fit, itertools' enumeration: tests/fixtures/reference/glove-representation.json).
import Papa from 'papaparse';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RepresentationProbeResult } from '../../src/core/association/representationProbe';
import { DEFAULT_ASSOCIATION_OPTIONS } from '../../src/core/association/types';
import type { Embedder } from '../../src/core/embeddings/embedder';
import { getAnyBuiltinProbe, resolveAnyProbeOrSuite } from '../../src/probes/builtin';
import { runToCsv } from '../../src/probes/export/runToCsv';
import { anyProbeSchema, familyOf } from '../../src/probes/families';
import type { RepresentationProbe } from '../../src/probes/families/representation-probe/schema';
import { runProbes } from '../../src/probes/runProbes';
import { loadEmbeddedModel } from '../../src/runtime/node';

const ref = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'reference', 'representation-probe.json'), 'utf8')) as {
  case: Record<'A' | 'B' | 'X' | 'Y', number[][]>;
  setMeans: { X: number; Y: number };
  difference: number;
  pValue: number;
};
const KEYS = ['X', 'Y', 'A', 'B'] as const;
const wordsOf = (key: (typeof KEYS)[number]) => ref.case[key].map((_, i) => `${key.toLowerCase()}${i}`);
const table = new Map<string, Float32Array>(KEYS.flatMap((key) => ref.case[key].map((v, i): [string, Float32Array] => [`${key.toLowerCase()}${i}`, Float32Array.from(v)])));
const embedder: Embedder = { embedWords: async (words) => words.map((w) => table.get(w) ?? null) };

const probe: RepresentationProbe = {
  family: 'representation-probe',
  id: 'toy-representation',
  title: 'Toy representation probe',
  // "X0" is found as "x0"; "zzz" is out of vocabulary.
  targets: { X: { label: 'Xs', words: ['X0', ...wordsOf('X').slice(1), 'zzz'] }, Y: { label: 'Ys', words: wordsOf('Y') } },
  attributes: { A: { label: 'As', words: wordsOf('A') }, B: { label: 'Bs', words: wordsOf('B') } },
};

describe('representation-probe family', () => {
  it('runs through runProbes to scipy’s numbers, with the OOV word listed', async () => {
    const [r] = (await runProbes([probe], { embedder, options: { ...DEFAULT_ASSOCIATION_OPTIONS, seed: 3 } })) as RepresentationProbeResult[];
    expect(r!.oov).toEqual({ X: ['zzz'], Y: [], A: [], B: [] });
    expect(r!.words.X[0]).toBe('X0');
    expect(r!.difference).toBeCloseTo(ref.difference, 7);
    expect(r!.setMeans.X).toBeCloseTo(ref.setMeans.X, 7);
    expect(r!.pValue).toBeCloseTo(ref.pValue, 14);
    // A batch of one is adjusted too, as the word-vector families record it.
    expect(r!.pHolm).toBeCloseTo(ref.pValue, 14);
    const s = familyOf('representation-probe').summarize(r!);
    expect(s.significance).toMatchObject({ significant: true });
    expect(s.plain!.direction).toMatch(/^Xs lie further towards as \(and away from bs\) than ys do, along the direction a linear probe learned/);
    expect(s.groups!.map((g) => g.n)).toEqual([4, 4]);
    const rows = Papa.parse<Record<string, string>>(runToCsv([r!], { modelId: 'toy', seed: 3 }), { header: true, skipEmptyLines: true }).data;
    const headline = rows.find((row) => row.metric === 'alignment_asymmetry')!;
    expect(Number(headline.value)).toBeCloseTo(ref.difference, 7);
    expect(Number(headline.p_value)).toBeCloseTo(3 / 70, 14);
    expect(headline.p_method).toBe('exact');
  });

  it('the five built-ins validate and lint clean', () => {
    const probes = resolveAnyProbeOrSuite('representation-caliskan');
    expect(probes).toHaveLength(5);
    for (const p of probes) {
      expect(anyProbeSchema.safeParse(p).success).toBe(true);
      expect(familyOf(p.family).lint(p)).toEqual([]);
    }
  });

  it('lint refuses a word in both reference concepts and warns about a target that trains the probe', () => {
    const p = getAnyBuiltinProbe('representation-flowers-insects') as RepresentationProbe;
    const bad = { ...p, attributes: { A: p.attributes.A, B: { ...p.attributes.B, words: [...p.attributes.B.words, p.attributes.A.words[0]!] } }, targets: { ...p.targets, X: { ...p.targets.X, words: [...p.targets.X.words, p.attributes.A.words[1]!] } } };
    const issues = familyOf('representation-probe').lint(bad);
    expect(issues.map((i) => [i.severity, i.code])).toEqual([
      ['error', 'word-in-two-sets'],
      ['warning', 'target-is-attribute'],
    ]);
  });
});

const gloveBuilt = existsSync(join(import.meta.dirname, '..', '..', 'public', 'models', 'glove-6b-100d', 'model.onnx'));
const glove = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'reference', 'glove-representation.json'), 'utf8')) as {
  tests: { probeId: string; alignments: number[]; difference: number; trainingAccuracy: number; pValue: number | null }[];
};

describe.skipIf(!gloveBuilt)('representation-probe built-ins on the embedded GloVe table', () => {
  it('give the reference’s alignments, Δ, probe accuracy and (for the 8 + 8 tests) exact p', async () => {
    const model = await loadEmbeddedModel('glove-6b-100d');
    try {
      const results = (await runProbes(resolveAnyProbeOrSuite('representation-caliskan'), { embedder: model, options: { ...DEFAULT_ASSOCIATION_OPTIONS, seed: 1, permutations: 999 } })) as RepresentationProbeResult[];
      expect(results.map((r) => r.probeId)).toEqual(glove.tests.map((t) => t.probeId));
      results.forEach((r, i) => {
        const t = glove.tests[i]!;
        // Newton (app) and BFGS (scipy) reach the same minimiser to ~1e-10 here.
        r.items.forEach((item, k) => expect(Math.abs(item.alignment - t.alignments[k]!)).toBeLessThan(1e-8));
        expect(Math.abs(r.difference - t.difference)).toBeLessThan(1e-8);
        expect(r.probe.trainingAccuracy).toBe(t.trainingAccuracy);
        if (t.pValue !== null) expect(r).toMatchObject({ pMethod: 'exact', pValue: t.pValue });
      });
      expect(glove.tests.filter((t) => t.pValue !== null)).toHaveLength(3);
    } finally {
      await model.dispose();
    }
  });
});
