// Relative Negative Sentiment Bias (RNSB), one of WEFE's metrics. The classifier is the only
// non-trivial part: WEFE trains sklearn's LogisticRegression on a random train/test split of the
// attribute words (older WEFE: solver lbfgs, multinomial, max_iter 2000, 67/33 split; current
// WEFE: solver liblinear, max_iter 10000, stratified 80/20 holdout, `holdout=False` to train on all
// words), so WEFE's number changes from run to run unless random_state is fixed. We train on ALL
// attribute words with the exact minimiser of the same L2 objective (C = 1), which is
// deterministic; our value equals WEFE's with holdout=False (and the matching intercept
// convention) up to solver tolerance, and is an approximation of WEFE's default split runs.
import { InvalidWordSetError } from '../../errors';
import { type NumericVector } from '../../linalg';
import { fitLogisticRegression, predictNegative, type LogisticRegressionOptions } from '../logisticRegression';

export interface RnsbResult {
  /** KL(P ‖ uniform) of the normalised negative probabilities (natural log). */
  value: number;
  /** P(negative | t) for every target word, target sets concatenated in order. */
  negativeProbabilities: number[];
  /** negativeProbabilities / their sum. */
  distribution: number[];
  converged: boolean;
}

/**
 * RNSB: fit logistic regression with positive attribute words labelled +1 and negative ones −1;
 * p_t = P(negative | t) for every target word t (all target sets pooled); P = p / Σp;
 * RNSB = KL(P ‖ U) = Σ_t P_t log(P_t · n), U uniform over the n target words.
 * Source: Sweeney & Najafian (2019), ACL, "A Transparent Framework for Evaluating Unintended
 * Demographic Bias in Word Embeddings"; WEFE `wefe/metrics/RNSB.py` (`_calc_rnsb`).
 * @throws {InvalidWordSetError} when there are no target words or an attribute set is empty
 */
export function relativeNegativeSentimentBias(
  targetSets: readonly (readonly NumericVector[])[],
  positive: readonly NumericVector[],
  negative: readonly NumericVector[],
  options: LogisticRegressionOptions = {},
): RnsbResult {
  const targets = targetSets.flat();
  if (targets.length === 0) throw new InvalidWordSetError('RNSB needs at least one target word');
  if (positive.length === 0 || negative.length === 0) throw new InvalidWordSetError('RNSB needs non-empty positive and negative attribute sets');
  const rows = [...positive, ...negative];
  const labels = [...positive.map(() => 1), ...negative.map(() => -1)];
  const model = fitLogisticRegression(rows, labels, options);
  const negativeProbabilities = targets.map((t) => predictNegative(model, t));
  const total = negativeProbabilities.reduce((acc, p) => acc + p, 0);
  const distribution = negativeProbabilities.map((p) => p / total);
  const n = distribution.length;
  const value = distribution.reduce((acc, p) => (p > 0 ? acc + p * Math.log(p * n) : acc), 0);
  return { value, negativeProbabilities, distribution, converged: model.converged };
}
