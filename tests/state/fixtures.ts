// A hand-made AssociationResult for formatting/export tests (numbers are illustrative, not computed).
import { DEFAULT_ASSOCIATION_OPTIONS, type AssociationResult } from '../../src/core/association/types';
import { getBuiltinProbe } from '../../src/probes/builtin';
import { buildStoredRun, vectorRunModel } from '../../src/state/runRecord';
import type { EffectSize, PValue } from '../../src/core/units';

export const flowersResult = (over: Partial<AssociationResult> = {}): AssociationResult => ({
  probeId: 'caliskan-weat-1',
  title: 'WEAT 1: Flowers vs insects × pleasant vs unpleasant',
  kind: 'weat',
  labels: { X: 'Flowers', Y: 'Insects', A: 'Pleasant', B: 'Unpleasant' },
  words: { X: ['rose', 'tulip'], Y: ['ant', 'flea'], A: ['love', 'peace'], B: ['war', 'agony'] },
  oov: { X: ['gladiola'], Y: [], A: [], B: [] },
  sizes: { X: 2, Y: 2, A: 2, B: 2 },
  statistic: 1.7,
  effectSize: 1.17 as EffectSize,
  sd: 'sample',
  pValue: 0.0001 as PValue,
  pMethod: 'monte-carlo',
  permutations: 100_000,
  ci: { level: 0.95, low: 0.63, high: 1.52, method: 'percentile', resamples: 2000 },
  pHolm: null,
  pBH: null,
  items: [
    { word: 'rose', set: 'X', association: 0.1 },
    { word: '=HYPERLINK("x")', set: 'X', association: 0.05 },
    { word: 'ant', set: 'Y', association: -0.1 },
    { word: 'flea', set: 'Y', association: -0.02 },
  ],
  nullHistogram: { min: -2, max: 2, counts: [1, 5, 1], observed: 1.7 },
  ...over,
});

/** A stored WEAT 1 run on GloVe (seed 3) that finished at `finished`, with flowersResult() as its result. */
export const weat1StoredRun = (finished: string) =>
  buildStoredRun({
    probeId: 'caliskan-weat-1',
    title: 'WEAT 1',
    probes: [getBuiltinProbe('caliskan-weat-1')],
    model: vectorRunModel({ id: 'glove-6b-100d', kind: 'word-embedding' as const, title: 'GloVe', backend: 'wasm' as const, dims: 100, vocabularySize: 50_000, assetSha256: 'a'.repeat(64), dtype: 'int8' }),
    options: { ...DEFAULT_ASSOCIATION_OPTIONS, seed: 3 },
    startedAt: new Date(Date.parse(finished) - 1000),
    finishedAt: new Date(finished),
    results: [flowersResult()],
  });

/** A Map-backed localStorage; `raw` is the map, to read what was written. */
export const fakeStorage = () => {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k), raw: m };
};
