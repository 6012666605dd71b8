// Mean Average Cosine (MAC), one of WEFE's metrics. Despite the name ("similarity") WEFE and
// Manzini et al. average the cosine DISTANCE 1 − cos, summed over the attribute sets; we follow
// the code so numbers match.
import { InvalidWordSetError } from '../../errors';
import { type NumericVector } from '../../linalg';
import { cosineSimilarity } from '../cosine';

/**
 * MAC(T, {A_1..A_k}) = (1/|T|) Σ_{t∈T} Σ_{j=1..k} (1/|A_j|) Σ_{a∈A_j} (1 − cos(t, a)).
 * Source: Manzini, Lim, Black & Tsvetkov (2019), NAACL, "Black is to criminal…"; WEFE
 * `wefe/metrics/MAC.py` (`calc_mac`).
 * @throws {InvalidWordSetError} when T, the list of attribute sets, or an attribute set is empty
 * @throws {InvalidVectorError} on mismatched dimensions, non-finite entries or zero vectors
 */
export function meanAverageCosine(target: readonly NumericVector[], attributeSets: readonly (readonly NumericVector[])[]): number {
  if (target.length === 0 || attributeSets.length === 0 || attributeSets.some((set) => set.length === 0)) {
    throw new InvalidWordSetError('MAC needs a non-empty target set and non-empty attribute sets');
  }
  let total = 0;
  for (const t of target) {
    for (const attributeSet of attributeSets) {
      const meanDistance = attributeSet.reduce((acc, a) => acc + (1 - cosineSimilarity(t, a)), 0) / attributeSet.length;
      total += meanDistance;
    }
  }
  return total / target.length;
}
