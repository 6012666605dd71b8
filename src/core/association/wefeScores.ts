// WEFE's other metrics on an association probe's four sets, so a result can show them next to
// WEAT. The mapping from WEFE's query templates to X/Y/A/B is fixed here and documented in
// WefeScores (types.ts): RND and ECT take two targets and ONE attribute set, so each is reported
// for A and for B; MAC takes one target set, so it is reported for X and for Y; RNSB treats A as
// the "positive" and B as the "negative" attribute set, as WEFE's (positive, negative) order.
import { embeddingCoherence } from '../stats/wefe/ect';
import { relativeNegativeSentimentBias } from '../stats/wefe/rnsb';
import { relativeNormDistance } from '../stats/wefe/rnd';
import { meanAverageCosineOfRows } from './meanAverageCosineOfRows';
import type { AssociationInput, WefeScores } from './types';

/**
 * RND (mean), RNSB (C = 1, intercept not penalised), MAC and ECT on the raw (un-normalised)
 * vectors, as WEFE's defaults (normalize=False); MAC from the test's cosine matrices (rows X then Y;
 * cosines do not depend on the vectors' norms). Input must already be validated (prepareSets).
 * @throws {InvalidVectorError} only on invalid vectors (validated upstream)
 */
export function computeWefeScores(input: AssociationInput, cosines: { cosA: Float64Array; cosB: Float64Array }): WefeScores {
  const { X, Y, A, B } = input.sets;
  const macOfRows = (first: number, count: number) => meanAverageCosineOfRows(cosines.cosA, A.vectors.length, cosines.cosB, B.vectors.length, first, count);
  return {
    rnd: { A: relativeNormDistance(X.vectors, Y.vectors, A.vectors).value, B: relativeNormDistance(X.vectors, Y.vectors, B.vectors).value },
    rnsb: relativeNegativeSentimentBias([X.vectors, Y.vectors], A.vectors, B.vectors).value,
    mac: { X: macOfRows(0, X.vectors.length), Y: macOfRows(X.vectors.length, Y.vectors.length) },
    ect: { A: embeddingCoherence(X.vectors, Y.vectors, A.vectors), B: embeddingCoherence(X.vectors, Y.vectors, B.vectors) },
  };
}
