// Pairwise-judge position bias (Shi et al. 2024, "Judging the Judges"). Each pair of solutions is
// judged twice, as (A, B) and as (B, A). Written in positions, the two verdicts classify the pair
// exactly as the paper's code does (Slimshilin/Position-Bias-Analyzer,
// `consistency_preference_calculation.py`, with A = first position, B = second, C = tie, N = no
// verdict extracted):
//   consistent: AB, BA, CC (the same content wins, or tie both times)
//   primacy-preferred: AA, AC, CA      recency-preferred: BB, BC, CB      invalid: any N
// PC = consistent/(consistent + primacy + recency).
// Preference fairness: raw PF = rec·rec% − pri·pri% with rec% = rec/(rec + pri) (which equals
// rec − pri), rescaled to [−1, 1] by the min/max attainable raw score ∓n (all n pairs inconsistent
// and on one side): PF = (raw + n)/(2n)·2 − 1 = raw/n. In the reference code n counts EVERY pair
// judged in both orders, including those with an unextractable verdict (`judge_task_counts`), while
// PC excludes them; `rescaleBy: 'all-pairs'` (default) follows the code, 'valid-pairs' uses the
// valid pairs only (then PF = ±1 is attainable whatever the extraction rate).
import { asPValue, type PValue } from '../../units';
import type { TestInterval } from '../../intervals';
import { centralBinomialP, clopperPearsonInterval } from '../../stats/centralBinomialTest';
import { InvalidLmInputError } from '../../errors';

/** Which position the judge preferred in one ordering ('invalid' = no verdict could be extracted). */
export type JudgeVerdict = 'first' | 'second' | 'tie' | 'invalid';

export interface PairwiseJudgment {
  id: string;
  /** e.g. the task or the evaluated model: the reference code's (judge, model, task) unit. */
  category?: string;
  /** Verdict with solution A shown first. */
  original: JudgeVerdict;
  /** Verdict with solution B shown first. */
  swapped: JudgeVerdict;
}

export type PairClass = 'consistent' | 'primacy' | 'recency' | 'invalid';

export interface JudgeConsistencySummary {
  pairs: number;
  valid: number;
  consistent: number;
  primacy: number;
  recency: number;
  invalid: number;
  /** PC = consistent/valid (NaN when no valid pair). */
  positionalConsistency: number;
  /** pri/(pri + rec) and rec/(pri + rec); 0 when no inconsistent pair (as the reference code). */
  primacyShare: number;
  recencyShare: number;
  /** rec·rec% − pri·pri%. */
  rawPreferenceFairness: number;
  /** raw/n ∈ [−1, 1]: > 0 recency-preferred, < 0 primacy-preferred. */
  preferenceFairness: number;
  /**
   * Central exact two-sided binomial test of recency vs primacy among inconsistent pairs (not in Shi et
   * al.), with the Clopper–Pearson interval of the recency share (absent in older records).
   */
  sideTest: { pValue: PValue; ci?: TestInterval } | null;
  /** Clopper–Pearson interval of PC, descriptive (no test); null when no valid pair; absent in older records. */
  consistencyCi?: TestInterval | null;
}

export interface JudgeConsistencyResult {
  overall: JudgeConsistencySummary;
  byCategory: { category: string; summary: JudgeConsistencySummary }[];
  items: { id: string; category: string | null; class: PairClass }[];
}

const LETTER: Record<JudgeVerdict, string> = { first: 'A', second: 'B', tie: 'C', invalid: 'N' };

/**
 * Classify one pair from its two positional verdicts (see the header table).
 * Source: Shi et al. (2024), arXiv:2406.07791, §3; Position-Bias-Analyzer reference code.
 * @throws {InvalidLmInputError} on a verdict outside first/second/tie/invalid
 */
export function classifyJudgment(original: JudgeVerdict, swapped: JudgeVerdict): PairClass {
  const a = LETTER[original];
  const b = LETTER[swapped];
  if (a === undefined || b === undefined) throw new InvalidLmInputError(`verdicts must be first, second, tie or invalid; got ${String(original)}, ${String(swapped)}`);
  const pair = a + b;
  if (pair.includes('N')) return 'invalid';
  if (pair === 'AB' || pair === 'BA' || pair === 'CC') return 'consistent';
  if (pair === 'AA' || pair === 'AC' || pair === 'CA') return 'primacy';
  return 'recency';
}

/**
 * PC and PF of a set of pairs judged in both orders, overall and per category.
 * Source: Shi et al. (2024), "Judging the Judges: A Systematic Study of Position Bias in
 * LLM-as-a-Judge", arXiv:2406.07791 (PC, PF); Slimshilin/Position-Bias-Analyzer
 * `judging_the_judges/calculate_consistency_and_preference/consistency_preference_calculation.py`.
 * @throws {InvalidLmInputError} when there are no pairs, ids repeat or a verdict is unknown
 */
export function analyzeJudgeConsistency(judgments: readonly PairwiseJudgment[], rescaleBy: 'all-pairs' | 'valid-pairs' = 'all-pairs', level = 0.95): JudgeConsistencyResult {
  if (judgments.length === 0) throw new InvalidLmInputError('no pairwise judgments to analyse');
  if (rescaleBy !== 'all-pairs' && rescaleBy !== 'valid-pairs') throw new InvalidLmInputError(`rescaleBy must be "all-pairs" or "valid-pairs", got ${String(rescaleBy)}`);
  const seen = new Set<string>();
  const items = judgments.map((j) => {
    if (seen.has(j.id)) throw new InvalidLmInputError(`duplicate judgment id "${j.id}"`);
    seen.add(j.id);
    return { id: j.id, category: j.category ?? null, class: classifyJudgment(j.original, j.swapped) };
  });
  const categories: string[] = [];
  for (const item of items) if (item.category !== null && !categories.includes(item.category)) categories.push(item.category);
  return {
    overall: summarize(items.map((i) => i.class), rescaleBy, level),
    byCategory: categories.map((category) => ({ category, summary: summarize(items.filter((i) => i.category === category).map((i) => i.class), rescaleBy, level) })),
    items,
  };
}

function summarize(classes: PairClass[], rescaleBy: 'all-pairs' | 'valid-pairs', level: number): JudgeConsistencySummary {
  const count = (c: PairClass) => classes.filter((x) => x === c).length;
  const consistent = count('consistent');
  const primacy = count('primacy');
  const recency = count('recency');
  const invalid = count('invalid');
  const valid = consistent + primacy + recency;
  const inconsistent = primacy + recency;
  const primacyShare = inconsistent ? primacy / inconsistent : 0;
  const recencyShare = inconsistent ? recency / inconsistent : 0;
  const rawPreferenceFairness = recency * recencyShare - primacy * primacyShare;
  const scale = rescaleBy === 'all-pairs' ? classes.length : valid;
  // Rescale (raw − min)/(max − min)·2 − 1 with min = −scale, max = +scale; 0 when min = max.
  const preferenceFairness = scale > 0 ? ((rawPreferenceFairness + scale) / (2 * scale)) * 2 - 1 : 0;
  return {
    pairs: classes.length,
    valid,
    consistent,
    primacy,
    recency,
    invalid,
    positionalConsistency: valid ? consistent / valid : Number.NaN,
    primacyShare,
    recencyShare,
    rawPreferenceFairness,
    preferenceFairness,
    sideTest: inconsistent ? { pValue: asPValue(centralBinomialP(recency, inconsistent, 0.5)), ci: clopperPearsonInterval(recency, inconsistent, level, 0.5) } : null,
    consistencyCi: valid ? { ...clopperPearsonInterval(consistent, valid, level), method: 'clopper-pearson (descriptive)' } : null,
  };
}
