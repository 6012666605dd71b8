// The ten Caliskan WEATs on the real embedded GloVe asset, against an independent numpy reference
// that reads the table out of model.onnx with the `onnx` package (no ORT, no TypeScript):
//   npx bias-workbench run caliskan-weat --model glove-6b-100d --seed 1 --bootstrap 0 --out /tmp/weat.json
//   /usr/bin/python3 scripts/reference/weat_glove_reference.py /tmp/weat.json
// If a built-in probe's stimuli change, regenerate the fixture with the two commands above.
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildAssociationInput, runAssociationTest, DEFAULT_ASSOCIATION_OPTIONS, type AssociationInput } from '../../src/core/association';
import { resolveProbeOrSuite } from '../../src/probes/builtin';
import { loadEmbeddedModel } from '../../src/runtime/node';
import type { WordEmbeddingModel } from '../../src/runtime/types';

interface RefTest {
  probeId: string;
  sizes: Record<'X' | 'Y' | 'A' | 'B', number>;
  oov: Record<'X' | 'Y' | 'A' | 'B', string[]>;
  statistic: number;
  effectSizeSample: number;
  effectSizePopulation: number;
  exactP: { count: number; total: number; p: number } | null;
}
const reference = JSON.parse(readFileSync(new URL('../fixtures/reference/glove-caliskan-weat.json', import.meta.url), 'utf8')) as {
  assetSha256: string;
  tests: RefTest[];
};

describe('Caliskan WEAT 1–10 on embedded GloVe vs the numpy reference', () => {
  let model: WordEmbeddingModel;
  const inputs = new Map<string, AssociationInput>();

  beforeAll(async () => {
    model = await loadEmbeddedModel('glove-6b-100d');
    for (const probe of resolveProbeOrSuite('caliskan-weat')) inputs.set(probe.id, await buildAssociationInput(probe, model));
  });
  afterAll(async () => model?.dispose());

  it('covers the ten tests of the suite', () => {
    // The fixture records the asset hash it was computed on (provenance). The asset's hash also
    // changes when a new probe word is force-included, so equality of the vectors actually used is
    // what the per-test checks below establish (d and S to 1e-9 cannot agree on other vectors).
    expect(reference.assetSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(reference.tests.map((t) => t.probeId)).toEqual([...inputs.keys()]);
  });

  it.each(reference.tests.map((t) => [t.probeId, t] as const))('%s: sizes, OOV, S, d (both SDs) and exact p', (id, ref) => {
    const input = inputs.get(id)!;
    const options = { ...DEFAULT_ASSOCIATION_OPTIONS, bootstrap: 0, permutations: 2_000 };
    const sample = runAssociationTest(input, options);
    const population = runAssociationTest(input, { ...options, sd: 'population' });
    expect(sample.sizes).toEqual(ref.sizes);
    expect(sample.oov).toEqual(ref.oov);
    expect(sample.statistic).toBeCloseTo(ref.statistic, 9);
    expect(sample.effectSize).toBeCloseTo(ref.effectSizeSample, 9);
    expect(population.effectSize).toBeCloseTo(ref.effectSizePopulation, 9);
    if (ref.exactP) {
      expect(sample.pMethod).toBe('exact');
      expect(sample.permutations).toBe(ref.exactP.total);
      expect(sample.pValue).toBe(ref.exactP.p);
    } else {
      expect(sample.pMethod).toBe('monte-carlo');
      expect(sample.permutations).toBe(2_000);
    }
  });
});
