// Mean Average Cosine (MAC), one of WEFE's metrics. Despite the name ("similarity") WEFE and
// Manzini et al.'s evalBias.py average the cosine DISTANCE 1 − cos. We follow current WEFE
// (metric_template (n, n)): the mean over every (target word, attribute set) pair. Older WEFE
// releases summed over the attribute sets instead (k times larger for k sets).
//
// Each vector is validated and its norm taken once, not once per pair (SEAT's hundreds of sentences
// made that the larger part of the suite's WEFE time); the cosine is cosineSimilarity's expression,
// dot(t, a) / (‖t‖ ‖a‖), so the value is the same to the last bit.
import { InvalidVectorError, InvalidWordSetError } from '../../errors';
import { assertFiniteVector, dot, norm, type NumericVector } from '../../linalg';

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
  const dim = target[0]!.length;
  const normOf = (v: NumericVector): number => {
    assertFiniteVector(v, dim, 'MAC vector');
    const length = norm(v);
    if (!(length > 0)) throw new InvalidVectorError('cosine similarity of a zero vector is undefined');
    return length;
  };
  const attributeNorms = attributeSets.map((set) => set.map(normOf));
  let total = 0;
  for (const t of target) {
    const targetNorm = normOf(t);
    attributeSets.forEach((attributeSet, k) => {
      const norms = attributeNorms[k]!;
      const meanDistance = attributeSet.reduce((acc, a, i) => acc + (1 - dot(t, a) / (targetNorm * norms[i]!)), 0) / attributeSet.length;
      total += meanDistance;
    });
  }
  return total / (target.length * attributeSets.length);
}
