// Embedding Coherence Test (ECT), one of WEFE's metrics: do the two target groups rank the
// attribute words alike? 1 = identical ordering (no bias by this measure).
import { InvalidWordSetError } from '../../errors';
import { meanVector, type NumericVector } from '../../linalg';
import { cosineSimilarity } from '../cosine';
import { spearmanCorrelation } from '../spearman';

/**
 * ECT = Spearman ρ (average ranks) between [cos(mean(T₁), a)]_{a∈A} and [cos(mean(T₂), a)]_{a∈A}.
 * NaN when either similarity list is constant (as scipy).
 * Source: Dev & Phillips (2019), AISTATS, "Attenuating Bias in Word Vectors"; WEFE
 * `wefe/metrics/ECT.py`.
 * @throws {InvalidWordSetError} when a target set is empty or |A| < 2
 */
export function embeddingCoherence(target1: readonly NumericVector[], target2: readonly NumericVector[], attribute: readonly NumericVector[]): number {
  if (target1.length === 0 || target2.length === 0) throw new InvalidWordSetError('ECT needs two non-empty target sets');
  if (attribute.length < 2) throw new InvalidWordSetError('ECT needs at least two attribute words');
  const centre1 = meanVector(target1);
  const centre2 = meanVector(target2);
  const similarities1 = attribute.map((a) => cosineSimilarity(centre1, a));
  const similarities2 = attribute.map((a) => cosineSimilarity(centre2, a));
  return spearmanCorrelation(similarities1, similarities2);
}
