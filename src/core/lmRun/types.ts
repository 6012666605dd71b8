// Options and tidy results of LM probe runs. Every result carries `kind` = its probe family, so the
// run record's results are one union (AssociationResult | LmProbeResult) discriminated by `kind`
// (the likelihood IAT returns an AssociationResult of kind 'lm-iat', which the WEAT views, CSV and
// forest plot already understand). Each result has per-item rows (`items`, one per pair / prompt /
// question order / iteration) and a summary with CIs and p-values computed by src/core/lm.
import { DEFAULT_ASSOCIATION_OPTIONS, type AssociationOptions } from '../association/types';
import type { DeltaSummary } from '../lm/counterfactual/types';
import type { AttributeComparison } from '../lm/decision/attributeDifferences';
import type { DecisionBiasResult } from '../lm/iat/decisionBias';
import type { JudgeConsistencySummary } from '../lm/position/judgeConsistency';
import type { RecallByPosition } from '../lm/position/recallStd';
import type { OneSampleTTestResult } from '../stats/oneSampleTTest';
import type { TestInterval } from '../intervals';
import type { CounterfactualScoring, TemplateScoring } from './definitions';

/**
 * Options of an LM probe run: the association options (seed, permutations, bootstrap, confidence
 * level, SD convention, exact limit for the likelihood IAT's re-partitions and the decision test's
 * relabelings) plus the LM-specific ones.
 */
export interface LmRunOptions extends AssociationOptions {
  /** Requests per scorer call (1 = one by one). Does not change the numbers. */
  batchSize: number;
  /** Counterfactual sign-flip test: enumerate all 2^n sign vectors when n ≤ this (≤ 30). */
  signFlipExactLimit: number;
}

export const DEFAULT_LM_RUN_OPTIONS: LmRunOptions = {
  ...DEFAULT_ASSOCIATION_OPTIONS,
  batchSize: 32,
  signFlipExactLimit: 20,
};

/** Summary of paired differences (pct_stereotype, likelihood_diff, mean Δ + CI, sign-flip and sign tests). */
export type { DeltaSummary };

export interface CounterfactualPairRow {
  id: string;
  category: string | null;
  direction: 'stereo' | 'antistereo' | null;
  more: string;
  less: string;
  /** Score of each sentence (log-likelihood, or PLL over the shared tokens). */
  scoreMore: number;
  scoreLess: number;
  /** Tokens scored in each sentence. */
  tokensMore: number;
  tokensLess: number;
  /** Δ on the probe's scale (sum, or mean per token for causal-mean). */
  delta: number;
  deltaSum: number;
  deltaPerToken: number;
}

export interface CounterfactualPairsResult {
  kind: 'counterfactual-pairs';
  probeId: string;
  title: string;
  scoring: CounterfactualScoring;
  scale: 'sum' | 'mean-per-token';
  summary: DeltaSummary;
  byCategory: { category: string; summary: DeltaSummary }[];
  /** CrowS-Pairs bookkeeping: pct_stereotype within stereo and antistereo pairs (metric.py). */
  byDirection: { direction: 'stereo' | 'antistereo'; n: number; stereotypical: number; pctStereotype: number }[];
  items: CounterfactualPairRow[];
}

export interface CounterfactualTemplateRow {
  id: string;
  /** Values of the non-group slots. */
  fill: Record<string, string>;
  termIndex: number;
  /** Group id treated as "more stereotypical" for this row, and the other. */
  moreGroup: string;
  lessGroup: string;
  moreTerm: string;
  lessTerm: string;
  /** What was scored for each variant: the prefix conditioned on ('' for full-sentence) and the scored text. */
  moreContext: string;
  moreScored: string;
  lessContext: string;
  lessScored: string;
  scoreMore: number;
  scoreLess: number;
  tokensMore: number;
  tokensLess: number;
  delta: number;
}

export interface CounterfactualTemplateResult {
  kind: 'counterfactual-template';
  probeId: string;
  title: string;
  /** The scoring actually used ('auto' resolved). */
  scoring: Exclude<TemplateScoring, 'auto'>;
  summary: DeltaSummary;
  /** Per stereotyped group (rows oriented towards it). */
  byCategory: { category: string; summary: DeltaSummary }[];
  items: CounterfactualTemplateRow[];
}

export interface DecisionTemplateRow {
  id: string;
  questionId: string;
  attributes: Record<string, string>;
  /** log p(answer | prompt) for each yes and no answer string. */
  answerLogProbs: Record<string, number>;
  pNormYes: number;
  logit: number;
}

export interface DecisionTemplateResult {
  kind: 'decision-template';
  probeId: string;
  title: string;
  /** Per attribute and non-reference value: mean-logit difference vs the reference, CI, p, Holm/BH. */
  comparisons: AttributeComparison[];
  meanLogit: number;
  items: DecisionTemplateRow[];
}

export interface McqPositionRow {
  questionId: string;
  /** 0-based index of the order among the presented orders (0 = canonical). */
  presentation: number;
  /** order[p] = index (in the canonical options) of the option shown at position p. */
  order: number[];
  /** log p(label | prompt) per position. */
  labelLogProbs: number[];
  chosen: number;
  chosenContent: string;
  debiasedChosen: number;
  gold: number | null;
}

export interface McqPositionResult {
  kind: 'mcq-position';
  probeId: string;
  title: string;
  labels: string[];
  orders: 'cyclic' | 'all';
  /** Options per question (= positions). */
  options: number;
  questions: number;
  /** Orders shown per question (k for cyclic, k! for all). */
  ordersPerQuestion: number;
  presentations: number;
  choiceRate: number[];
  recall: RecallByPosition | null;
  contentChangeRate: number;
  /** Clopper–Pearson interval of contentChangeRate (changed of all questions), descriptive: no test; absent in older records. */
  contentChangeCi?: TestInterval;
  changedQuestions: string[];
  pridePrior: number[];
  debiasedChoiceRate: number[];
  debiasedRecall: RecallByPosition | null;
  items: McqPositionRow[];
}

export interface PairwisePositionRow {
  id: string;
  category: string | null;
  /** log p(label) for labels [first, second], with the answers in canonical order and swapped. */
  originalLogProbs: [number, number];
  swappedLogProbs: [number, number];
  original: 'first' | 'second' | 'tie';
  swapped: 'first' | 'second' | 'tie';
  class: 'consistent' | 'primacy' | 'recency' | 'invalid';
  /** Canonical index (0/1) of the answer preferred in each order. null for a tie. */
  winnerOriginal: 0 | 1 | null;
  winnerSwapped: 0 | 1 | null;
  better: 0 | 1 | null;
}

export interface PairwisePositionResult {
  kind: 'pairwise-position';
  probeId: string;
  title: string;
  labels: [string, string];
  summary: JudgeConsistencySummary;
  byCategory: { category: string; summary: JudgeConsistencySummary }[];
  /** Share of the 2n verdicts that picked the better answer (null when no item says which is better). */
  accuracy: number | null;
  items: PairwisePositionRow[];
}

export interface LlmIatPromptRow {
  id: string;
  group0: string;
  group1: string;
  prompt: string;
  response: string;
  a: number;
  b: number;
  c: number;
  d: number;
  /** D of this iteration (null when nothing could be parsed). */
  dScore: number | null;
  parsedPairs: number;
  missing: string[];
  conflicting: string[];
  unparsedLines: string[];
}

export interface LlmIatPromptResult {
  kind: 'llm-iat-prompt';
  probeId: string;
  title: string;
  iterations: number;
  used: number;
  excluded: number;
  meanD: number;
  test: OneSampleTTestResult | null;
  /** The t interval of mean D that inverts `test`; absent in records made before it existed. */
  testCi?: TestInterval | null;
  totals: { unparsedLines: number; conflicting: number; missing: number };
  /** Whether the prompts went through the model's chat template (absent in runs recorded before it was recorded). */
  chatTemplate?: boolean;
  items: LlmIatPromptRow[];
}

export interface LlmDecisionPromptRow {
  id: string;
  scenarioId: string;
  person0: string;
  person1: string;
  task0: string;
  task1: string;
  prompt: string;
  response: string;
  /** Who got the stigma task, as parsed: 'stigma' | 'default', or null when unparsable. */
  stigmaTaskTo: 'stigma' | 'default' | null;
  stereotypeConsistent: boolean | null;
}

export interface LlmDecisionPromptResult {
  kind: 'llm-decision-prompt';
  probeId: string;
  title: string;
  summary: DecisionBiasResult;
  /** Whether the prompts went through the model's chat template (absent in runs recorded before it was recorded). */
  chatTemplate?: boolean;
  items: LlmDecisionPromptRow[];
}

export type LmProbeResult =
  | CounterfactualPairsResult
  | CounterfactualTemplateResult
  | DecisionTemplateResult
  | McqPositionResult
  | PairwisePositionResult
  | LlmIatPromptResult
  | LlmDecisionPromptResult;

export type LmProbeResultKind = LmProbeResult['kind'];
