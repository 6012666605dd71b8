// LMS-k's CSV in the long form of families/shared/longCsv.ts. Summary rows (scope, metric):
//   test:clean / test:linear-randomised / test:slabs-randomised, accuracy   n = test examples
//   train, accuracy                                                          n = training examples
// No test, so the interval and p cells are empty. Item rows: the loss curve, one per epoch
// (item_id epoch:<e>, epoch, train_loss).
import { num } from '../shared/csvCells';
import { longCsv } from '../shared/longCsv';
import type { CsvRow } from '../types';
import type { SimplicityLmsResult } from './run';

const noTest = { test_ci_low: null, test_ci_high: null, test_ci_level: null, test_ci_method: null, robust_ci_low: null, robust_ci_high: null, robust_ci_level: null, robust_ci_method: null, p_value: null, p_method: null, permutations: null, p_holm: null, p_bh: null };

const metricRows = (r: SimplicityLmsResult): CsvRow[] => [
  { scope: 'test:clean', metric: 'accuracy', value: num(r.cleanAccuracy), ...noTest, n: r.settings.testSize },
  { scope: 'test:linear-randomised', metric: 'accuracy', value: num(r.linearRandomisedAccuracy), ...noTest, n: r.settings.testSize },
  { scope: 'test:slabs-randomised', metric: 'accuracy', value: num(r.slabsRandomisedAccuracy), ...noTest, n: r.settings.testSize },
  { scope: 'train', metric: 'accuracy', value: num(r.trainAccuracy), ...noTest, n: r.settings.trainSize },
];

export const simplicityLmsCsv = longCsv<SimplicityLmsResult>({
  metricRows,
  itemColumns: ['epoch', 'train_loss'],
  itemRows: (r) => r.lossCurve.map((e) => ({ item_id: `epoch:${e.epoch}`, epoch: e.epoch, train_loss: num(e.trainLoss) })),
});
