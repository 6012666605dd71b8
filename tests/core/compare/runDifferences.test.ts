import { describe, expect, it } from 'vitest';
import { runDifferences } from '../../../src/core/compare';

const base = { model: { id: 'glove-6b-100d', dtype: 'int8' }, seed: 1, options: { sd: 'sample', permutations: 1000, seed: 1 } };

describe('runDifferences', () => {
  it('names only what differs, model fields and seed first, options by name with every value', () => {
    const runs = [
      base,
      { ...base, seed: 2, options: { ...base.options, sd: 'population', seed: 2 } },
      { model: { id: 'glove-6b-100d', dtype: 'fp32' }, seed: 1, options: { ...base.options, batchSize: 8 } },
    ];
    expect(runDifferences(runs)).toEqual([
      { field: 'dtype', option: false, values: ['int8', 'int8', 'fp32'] },
      { field: 'seed', option: false, values: ['1', '2', '1'] },
      { field: 'batchSize', option: true, values: ['—', '—', '8'] },
      { field: 'sd', option: true, values: ['sample', 'population', 'sample'] },
    ]);
  });

  it('finds nothing between runs that differ in nothing', () => {
    expect(runDifferences([base, structuredClone(base)])).toEqual([]);
  });
});
