// LLM Decision Bias (Bai et al. 2024): across iterations the model picks which of two generated
// profiles does which task; each parsed choice is stereotype-consistent or not. The statistic is
// the proportion of consistent choices, tested against ½ with the central exact binomial test and
// given the Clopper–Pearson interval that inverts it. Unparsable choices (null) are excluded and counted.
import type { TestInterval } from '../../intervals';
import { asPValue, type PValue } from '../../units';
import { centralBinomialP, clopperPearsonInterval } from '../../stats/centralBinomialTest';
import { InvalidLmInputError } from '../../errors';

export interface DecisionChoice {
  id: string;
  /** true = stereotype-consistent, false = inconsistent, null = the answer could not be parsed. */
  stereotypeConsistent: boolean | null;
}

export interface DecisionBiasResult {
  consistent: number;
  /** Parsed choices (the binomial n). */
  parsed: number;
  unparsed: number;
  /** consistent/parsed. */
  proportion: number;
  /** Central two-sided exact binomial p against ½ (= scipy's binomtest p at ½); null when nothing parsed. */
  pValue: PValue | null;
  /** Clopper–Pearson interval of the proportion (excludes ½ exactly when p < 1 − level); null when nothing parsed; absent in older records. */
  ci?: TestInterval | null;
}

/**
 * Proportion of stereotype-consistent choices, its central exact two-sided binomial test against ½
 * and the Clopper–Pearson interval at `level`.
 * Source: Bai et al. (2024), arXiv:2402.04105 (LLM Relative Decision Test); scipy.stats.binomtest;
 * Clopper & Pearson (1934).
 * @throws {InvalidLmInputError} when there are no choices or ids repeat
 */
export function analyzeDecisionBias(choices: readonly DecisionChoice[], level = 0.95): DecisionBiasResult {
  if (choices.length === 0) throw new InvalidLmInputError('no decision choices');
  if (new Set(choices.map((c) => c.id)).size !== choices.length) throw new InvalidLmInputError('decision choice ids must be unique');
  const parsed = choices.filter((c) => c.stereotypeConsistent !== null).length;
  const consistent = choices.filter((c) => c.stereotypeConsistent === true).length;
  return {
    consistent,
    parsed,
    unparsed: choices.length - parsed,
    proportion: parsed ? consistent / parsed : Number.NaN,
    pValue: parsed ? asPValue(centralBinomialP(consistent, parsed, 0.5)) : null,
    ci: parsed ? clopperPearsonInterval(consistent, parsed, level, 0.5) : null,
  };
}
