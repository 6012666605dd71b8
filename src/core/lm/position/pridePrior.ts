// PriDe's prior over option IDs (Zheng et al. 2024). For one question shown in several orders, the
// model's label distribution is modelled as P_obs(ID = p | order) ∝ P_prior(p) · P_debiased(content
// at p); averaging log P_obs over orders that put every content at every position cancels the
// content term, so softmax of that average estimates the prior. The prior of a probe is the
// arithmetic mean of the per-question priors (`np.mean(all_priors, axis=0)` in the reference code).
import { InvalidLmInputError } from '../../errors';
import { logSumExp } from '../scores';
import { normalizedLabelLogProbs } from './labelDistribution';
import type { McqQuestion } from './mcqTypes';

/**
 * Per-question prior: π_q = softmax_p( mean over presentations r of log p̃_{r,p} ), p̃ = label
 * probabilities renormalised over the k labels. Probe prior: π = mean_q π_q.
 * Source: Zheng et al. (2024), "Large Language Models Are Not Robust Multiple Choice Selectors",
 * ICLR, Eq. for the prior estimate; chujiezheng/LLM-MCQ-Bias `code/debias_utils.py` (`simple`:
 * `prior = softmax(np.log(observed + 1e-10).mean(axis=0))` after row normalisation) and
 * `code/debias_pride.py` (mean of the per-sample priors). This implementation omits the 1e-10 guards
 * (exact log space); results differ from the reference only when a label probability is < ~1e-8.
 * @throws {InvalidLmInputError} when there are no questions or option counts differ
 * @throws {InvalidLmScoreError} on unusable label scores
 */
export function pridePrior(questions: readonly McqQuestion[]): { prior: Float64Array; perQuestion: Float64Array[] } {
  if (questions.length === 0) throw new InvalidLmInputError('PriDe needs at least one question');
  const k = questions[0]!.presentations[0]?.order.length ?? 0;
  const perQuestion = questions.map((question) => {
    if (question.presentations.length === 0) throw new InvalidLmInputError(`question "${question.id}" has no presentations`);
    const meanLog = new Float64Array(k);
    question.presentations.forEach((presentation, r) => {
      if (presentation.order.length !== k) throw new InvalidLmInputError(`question "${question.id}": all questions need ${k} options`);
      const logs = normalizedLabelLogProbs(presentation, `question "${question.id}", presentation ${r}`);
      for (let p = 0; p < k; p++) meanLog[p]! += logs[p]! / question.presentations.length;
    });
    return softmax(meanLog);
  });
  const prior = new Float64Array(k);
  for (const q of perQuestion) for (let p = 0; p < k; p++) prior[p]! += q[p]! / perQuestion.length;
  return { prior, perQuestion };
}

/**
 * PriDe-debiased label scores: log P_obs(p) − log π(p) (the argmax is the debiased prediction).
 * Source: Zheng et al. (2024); LLM-MCQ-Bias `debias_pride.py`
 * (`np.log(observed) − np.log(prior)`, without the 1e-10 guards).
 * @throws {InvalidLmInputError} when the lengths differ
 */
export function prideDebias(labelLogProbs: ArrayLike<number>, prior: ArrayLike<number>): Float64Array {
  if (labelLogProbs.length !== prior.length) throw new InvalidLmInputError(`${labelLogProbs.length} label scores but a prior over ${prior.length} IDs`);
  return Float64Array.from({ length: prior.length }, (_, p) => labelLogProbs[p]! - Math.log(prior[p]!));
}

function softmax(values: Float64Array): Float64Array {
  const total = logSumExp(values);
  return values.map((v) => Math.exp(v - total));
}
