// A counterfactual pair as a dot of the Δ plot: "more / less" sentences, its CrowS-Pairs category.
import type { CounterfactualPairsResult } from '../../../core/lmRun/types';
import type { DeltaPoint } from '../shared/deltaPoints';

export const pairPoints = (r: CounterfactualPairsResult): DeltaPoint[] =>
  r.items.map((i) => ({ id: i.id, label: `${i.more} / ${i.less}`, category: i.category ?? 'all', delta: i.delta }));
