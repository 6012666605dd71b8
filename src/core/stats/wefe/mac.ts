// Mean Average Cosine (MAC), one of WEFE's metrics. Despite the name ("similarity") WEFE and
// Manzini et al.'s evalBias.py average the cosine DISTANCE 1 − cos. We follow current WEFE
// (metric_template (n, n)): the mean over every (target word, attribute set) pair. Older WEFE
// releases summed over the attribute sets instead (k times larger for k sets).
import { InvalidWordSetError } from '../../errors';
import { type NumericVector } from '../../linalg';
import { cosineSimilarity } from '../cosine';

/**
 * MAC(T, {A_1..A_k}) = (1/(|T|·k)) Σ_{t∈T} Σ_{j=1..k} (1/|A_j|) Σ_{a∈A_j} (1 − cos(t, a)), in [0, 2];
 * 1 means no association either way. For several target sets WEFE pools their words, i.e. takes
 * the |T_i|-weighted mean of the per-set values returned here.
 * Source: Manzini, Lim, Black & Tsvetkov (2019), NAACL, "Black is to criminal as caucasian is to
 * police"; WEFE `wefe/metrics/MAC.py` (`_calc_mac`).
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
  return total / (target.length * attributeSets.length);
}
