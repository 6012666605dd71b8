// Per-item measures read from each family's item CSV rows: keys that match the same item across
// runs, the numeric columns, and the one compared first.
import { describe, expect, it } from 'vitest';
import type { CounterfactualPairsResult } from '../../src/core/lmRun/types';
import { itemMeasures } from '../../src/probes/export';
import { sampleResult } from '../fixtures/probes/sampleResult';

const pair = (id: string, delta: number): CounterfactualPairsResult['items'][number] => ({
  id,
  category: 'gender',
  direction: 'stereo',
  more: `more ${id}`,
  less: `less ${id}`,
  scoreMore: -10 + delta,
  scoreLess: -10,
  tokensMore: 5,
  tokensLess: 6,
  delta,
  deltaSum: delta,
  deltaPerToken: delta / 5,
});

describe('itemMeasures', () => {
  it('word rows: keyed by set, label and word; s(w, A, B) is the measure', () => {
    const m = itemMeasures(sampleResult());
    expect(m.columns).toEqual(['association']);
    expect(m.preferred).toBe('association');
    expect(m.values('association')).toEqual([
      { key: 'X · Flowers · aster', value: 0.0123456789 },
      { key: 'X · Flowers · =HYPERLINK("http://evil")', value: -0.25 },
      { key: 'Y · Insects · -ism', value: -1e-9 },
    ]);
  });

  it('long-form rows: keyed by item_id; every numeric column offered, the last fractional one first', () => {
    const result = { kind: 'counterfactual-pairs', probeId: 'p', title: 'p', items: [pair('a', 0.5), pair('b', -1.25)] } as unknown as CounterfactualPairsResult;
    const m = itemMeasures(result);
    expect(m.columns).toEqual(['score_more', 'score_less', 'tokens_more', 'tokens_less', 'delta', 'delta_sum', 'delta_per_token']);
    expect(m.preferred).toBe('delta_per_token');
    expect(m.values('delta')).toEqual([
      { key: 'a', value: 0.5 },
      { key: 'b', value: -1.25 },
    ]);
    expect(m.values('tokens_less').map((v) => v.value)).toEqual([6, 6]);
  });
});
