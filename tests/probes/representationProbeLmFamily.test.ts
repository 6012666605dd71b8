// The representation probe on a language model's hidden states (family representation-probe-lm)
// through the one run path (runProbes):
//  - a stub scorer whose hiddenStates returns the independent reference's toy vectors
//    (tests/fixtures/reference/representation-probe.json, scipy's BFGS fit and itertools'
//    enumeration) must give scipy's Δ, set means and exact p — the family hands core exactly the
//    model's vectors, under its own kind, with the LM steps' progress;
//  - a model that offers no hidden states is refused before any work, by name;
//  - on the all-MiniLM-L6-v2 stand-in through the real runtime (onnxruntime-node), the numbers equal
//    the probe computed in Python on torch's pooled hidden states (tests/fixtures/feature-extraction/
//    minilm/reference.json, scripts/lm/fixtures/build_feature_extraction.py).
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UnsupportedModelError } from '../../src/core/errors';
import { DEFAULT_LM_RUN_OPTIONS } from '../../src/core/lmRun/types';
import type { LanguageModelScorer } from '../../src/core/lmRun/scorer';
import { runToCsv } from '../../src/probes/export/runToCsv';
import { anyResultSchema, familyOf, type AnyProbe } from '../../src/probes/families';
import type { RepresentationProbeLmResult } from '../../src/core/association/representationProbe';
import type { RepresentationProbeLm } from '../../src/probes/families/representation-probe-lm/schema';
import { runProbes } from '../../src/probes/runProbes';
import { loadLanguageModel } from '../../src/runtime/lm/node';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const toy = JSON.parse(readFileSync(join(FIXTURES, 'reference', 'representation-probe.json'), 'utf8')) as {
  case: Record<'A' | 'B' | 'X' | 'Y', number[][]>;
  alignments: number[];
  setMeans: { X: number; Y: number };
  difference: number;
  pValue: number;
};
const KEYS = ['X', 'Y', 'A', 'B'] as const;
const wordsOf = (key: (typeof KEYS)[number]) => toy.case[key].map((_, i) => `${key.toLowerCase()}${i}`);
const table = new Map<string, Float32Array>(KEYS.flatMap((key) => toy.case[key].map((v, i): [string, Float32Array] => [`${key.toLowerCase()}${i}`, Float32Array.from(v)])));

const probeOf = (sets: Record<(typeof KEYS)[number], readonly string[]>, id = 'toy-representation-lm'): RepresentationProbeLm => ({
  family: 'representation-probe-lm',
  id,
  title: 'Toy representation probe on hidden states',
  targets: { X: { label: 'Xs', words: [...sets.X] }, Y: { label: 'Ys', words: [...sets.Y] } },
  attributes: { A: { label: 'As', words: [...sets.A] }, B: { label: 'Bs', words: [...sets.B] } },
});
const OPTIONS = { ...DEFAULT_LM_RUN_OPTIONS, seed: 3, batchSize: 4 };

describe('representation-probe-lm family', () => {
  it('runs on the model’s hidden states to scipy’s numbers, under its own kind', async () => {
    const asked: string[][] = [];
    const scorer: LanguageModelScorer = {
      info: { id: 'stub', kind: 'masked-lm' },
      hiddenStates: async (texts, o) => {
        asked.push([...texts]);
        o?.onProgress?.({ done: texts.length, total: texts.length });
        return texts.map((t) => table.get(t)!);
      },
    };
    const steps = new Set<string>();
    const probe = probeOf({ X: wordsOf('X'), Y: wordsOf('Y'), A: wordsOf('A'), B: wordsOf('B') });
    const [r] = (await runProbes([probe] as AnyProbe[], { scorer, options: OPTIONS, onProgress: (p) => steps.add(p.stage) })) as RepresentationProbeLmResult[];
    expect(r!.kind).toBe('representation-probe-lm');
    // Every word of the four sets asked for once, in one call.
    expect(asked).toHaveLength(1);
    expect(new Set(asked[0])).toEqual(new Set(table.keys()));
    expect(r!.oov).toEqual({ X: [], Y: [], A: [], B: [] });
    r!.items.forEach((item, i) => expect(item.alignment).toBeCloseTo(toy.alignments[i]!, 7));
    expect(r!.difference).toBeCloseTo(toy.difference, 7);
    expect(r!.setMeans.Y).toBeCloseTo(toy.setMeans.Y, 7);
    expect(r!.pValue).toBeCloseTo(3 / 70, 14);
    expect(r!.pMethod).toBe('exact');
    expect([...steps]).toEqual(['score', 'analyze']);
    expect(anyResultSchema.safeParse(JSON.parse(JSON.stringify(r))).success).toBe(true);
    const s = familyOf('representation-probe-lm').summarize(r!);
    expect(s.significance).toMatchObject({ significant: true });
    const rows = Papa.parse<Record<string, string>>(runToCsv([r!], { modelId: 'stub', seed: 3 }), { header: true, skipEmptyLines: true }).data;
    const headline = rows.find((row) => row.metric === 'alignment_asymmetry')!;
    expect(Number(headline.value)).toBeCloseTo(toy.difference, 7);
    expect(Number(headline.p_value)).toBeCloseTo(3 / 70, 14);
  });

  it('refuses a model that outputs no hidden states before any work, saying what to pick', async () => {
    const scorer: LanguageModelScorer = { info: { id: 'workbench/tiny-gpt2', kind: 'causal-lm' }, tokenLogProbs: async () => [] };
    const probe = probeOf({ X: wordsOf('X'), Y: wordsOf('Y'), A: wordsOf('A'), B: wordsOf('B') });
    const err = await runProbes([probe] as AnyProbe[], { scorer, options: OPTIONS }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnsupportedModelError);
    expect((err as Error).message).toMatch(/"workbench\/tiny-gpt2" does not offer them\. .*feature-extraction export/);
  });
});

const minilm = JSON.parse(readFileSync(join(FIXTURES, 'feature-extraction', 'minilm', 'reference.json'), 'utf8')) as {
  probe: { concepts: Record<(typeof KEYS)[number], string[]>; trainingAccuracy: number; alignments: number[]; difference: number; pValue: number; partitions: number };
};

describe('representation-probe-lm on the all-MiniLM-L6-v2 stand-in (onnxruntime-node)', () => {
  it('gives the numbers of the probe computed on torch’s hidden states with scipy', async () => {
    const lm = await loadLanguageModel(join(FIXTURES, 'feature-extraction', 'minilm'), { device: 'node' });
    try {
      const [r] = (await runProbes([probeOf(minilm.probe.concepts, 'minilm-gender')] as AnyProbe[], { scorer: lm, options: OPTIONS })) as RepresentationProbeLmResult[];
      r!.items.forEach((item, i) => expect(Math.abs(item.alignment - minilm.probe.alignments[i]!)).toBeLessThan(1e-5));
      expect(Math.abs(r!.difference - minilm.probe.difference)).toBeLessThan(1e-5);
      expect(r!.probe.trainingAccuracy).toBe(minilm.probe.trainingAccuracy);
      expect(r).toMatchObject({ pMethod: 'exact', pValue: minilm.probe.pValue, permutations: minilm.probe.partitions });
    } finally {
      await lm.dispose();
    }
  });
});
