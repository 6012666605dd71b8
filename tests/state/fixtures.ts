// A hand-made AssociationResult for formatting/export tests (numbers are illustrative, not computed).
import type { AssociationResult } from '../../src/core/association/types';
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
