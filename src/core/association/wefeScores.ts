// WEFE's other metrics on an association probe's four sets, so a result can show them next to
// WEAT. The mapping from WEFE's query templates to X/Y/A/B is fixed here and documented in
// WefeScores (types.ts): RND and ECT take two targets and ONE attribute set, so each is reported
// for A and for B; MAC takes one target set, so it is reported for X and for Y; RNSB treats A as
// the "positive" and B as the "negative" attribute set, as WEFE's (positive, negative) order.
import { embeddingCoherence } from '../stats/wefe/ect';
import { meanAverageCosine } from '../stats/wefe/mac';
import { relativeNegativeSentimentBias } from '../stats/wefe/rnsb';
import { relativeNormDistance } from '../stats/wefe/rnd';
import type { AssociationInput, WefeScores } from './types';

/**
 * RND (mean), RNSB (C = 1, intercept not penalised), MAC and ECT on the raw (un-normalised)
 * vectors, as WEFE's defaults (normalize=False). Input must already be validated (prepareSets).
 * @throws {InvalidVectorError} only on invalid vectors (validated upstream)
 */
export function computeWefeScores(input: AssociationInput): WefeScores {
  const { X, Y, A, B } = input.sets;
  return {
    rnd: { A: relativeNormDistance(X.vectors, Y.vectors, A.vectors).value, B: relativeNormDistance(X.vectors, Y.vectors, B.vectors).value },
    rnsb: relativeNegativeSentimentBias([X.vectors, Y.vectors], A.vectors, B.vectors).value,
    mac: { X: meanAverageCosine(X.vectors, [A.vectors, B.vectors]), Y: meanAverageCosine(Y.vectors, [A.vectors, B.vectors]) },
    ect: { A: embeddingCoherence(X.vectors, Y.vectors, A.vectors), B: embeddingCoherence(X.vectors, Y.vectors, B.vectors) },
  };
}
