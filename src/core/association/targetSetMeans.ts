// The mean association s(w, A, B) of each target set's words: the two averages the result card,
// the word chart and class mode quote ("Flowers average 0.131, insects average -0.042"). Computed
// here, once, so no screen averages the items itself.
import type { AssociationItem, TargetKey } from './types';

export interface TargetSetMean {
  set: TargetKey;
  /** Mean of s(w, A, B) over the set's in-vocabulary words; NaN for an empty set. */
  mean: number;
  n: number;
}

/** Mean association of X's words and of Y's words, in that order. */
export function targetSetMeans(items: readonly AssociationItem[]): [TargetSetMean, TargetSetMean] {
  const of = (set: TargetKey): TargetSetMean => {
    let sum = 0;
    let n = 0;
    for (const item of items) {
      if (item.set !== set) continue;
      sum += item.association;
      n++;
    }
    return { set, mean: n > 0 ? sum / n : Number.NaN, n };
  };
  return [of('X'), of('Y')];
}
