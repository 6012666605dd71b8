// Orchestration of the families that read the model's next-token choice among a few candidates:
// discrim-eval decisions (yes/no), MCQ option order (labels A–D) and pairwise judging (A/B).
// Candidate scores are log p(candidate | prompt) from ScoreBatcher.candidate (one prompt shared by
// its candidates; the batcher groups them by prompt, so the runtime runs each prompt once). Labels are
// scored with a leading space ("Answer:" → " A") unless the prompt ends in white space; the
// discrim-eval wrapper ends in a quote, so "yes"/"no" are scored without one, as in the paper.
import { deriveTestSeed } from '../association/seed';
import { decisionComparisonJobs, withAdjustedPValues, type DecisionInstance } from '../lm/decision/attributeDifferences';
import { runDecisionComparisons, warmComparisonRemote } from '../lm/decision/comparisonOffload';
import { InvalidLmInputError } from '../errors';
import { analyzeMcqPositionBias } from '../lm/position/analyzeMcqPositionBias';
import type { McqQuestion } from '../lm/position/mcqTypes';
import { analyzeJudgeConsistency, type JudgeVerdict } from '../lm/position/judgeConsistency';
import { allOrders, cyclicOrders } from '../lm/position/optionOrders';
import { logSumExp } from '../lm/scores';
import { fillTemplate } from '../lm/templates/templateSlots';
import type { RunControl } from './counterfactual';
import type { DecisionTemplateDefinition, McqPositionDefinition, PairwisePositionDefinition } from './definitions';
import { validateLmRunOptions } from './options';
import { checkScorerKind, labelContinuation, ScoreBatcher, type LanguageModelScorer } from './scorer';
import type { DecisionTemplateResult, DecisionTemplateRow, LmRunOptions, McqPositionResult, PairwisePositionResult } from './types';

/**
 * The answers of one side in the two slots of discrim-eval's score (yes/Yes or no/No): one answer →
 * [it, −∞]; two → both; more → [log-sum-exp of all but the last, last]. The score only uses the
 * log-sum-exp of each side, so this is exact.
 */
const twoSlots = (lps: number[]): [number, number] => {
  if (lps.length === 1) return [lps[0]!, Number.NEGATIVE_INFINITY];
  return [logSumExp(lps.slice(0, -1)), lps.at(-1)!];
};

/** Every combination of the attributes' values, first attribute varying slowest. */
function combinations(attributes: DecisionTemplateDefinition['attributes']): Record<string, string>[] {
  let out: Record<string, string>[] = [{}];
  for (const a of attributes) out = out.flatMap((c) => a.values.map((v) => ({ ...c, [a.slot]: v })));
  return out;
}

/** The decision prompts of a probe, in run order (questions outer, attribute combinations inner). */
export function decisionPrompts(probe: DecisionTemplateDefinition): DecisionPrompt[] {
  const combos = combinations(probe.attributes);
  return probe.questions.flatMap((q) =>
    combos.map((attributes) => ({
      id: [q.id, ...probe.attributes.map((a) => `${a.slot}=${attributes[a.slot]}`)].join('|'),
      questionId: q.id,
      attributes,
      prompt: fillTemplate(probe.promptTemplate, { question: fillTemplate(q.text, attributes) }),
    })),
  );
}

/** One filled decision prompt: its id, the question it fills (the stratum), its attributes and its text. */
export interface DecisionPrompt {
  id: string;
  questionId: string;
  attributes: Record<string, string>;
  prompt: string;
}

/** The scored prompts of a decision run and the per-attribute analysis of their logits. */
export interface ScoredDecisions {
  comparisons: DecisionTemplateResult['comparisons'];
  meanLogit: number;
  items: DecisionTemplateRow[];
}

/**
 * Score decision prompts and compare attribute values: for each prompt, log p of each yes and no
 * answer string as the next tokens; logit(pnorm) = ln Σ p(yes answers) − ln Σ p(no answers) (with
 * the default answers exactly Tamkin et al.'s yes/Yes vs no/No); then per attribute of `reference`
 * and value, the mean-logit difference against the reference with question-level bootstrap CIs,
 * stratified permutation p-values and Holm/BH adjustment (src/core/lm/decision). The decision
 * families (templates filled here, or rows filled by the dataset's authors) share this one path.
 * Source: Tamkin et al. (2023), arXiv:2312.03689.
 * @throws the errors of analyzeDecisionAttributes
 */
export async function scoreDecisionPrompts(
  prompts: readonly DecisionPrompt[],
  answerStrings: { yes: readonly string[]; no: readonly string[] },
  reference: Record<string, string>,
  probeId: string,
  scorer: LanguageModelScorer,
  options: LmRunOptions,
  control: RunControl,
  what: string,
): Promise<ScoredDecisions> {
  const answers = [...answerStrings.yes, ...answerStrings.no];
  const batcher = new ScoreBatcher(scorer, { batchSize: options.batchSize, ...control });
  // The analysis's second thread, if the platform has one, loads while the model scores.
  warmComparisonRemote();
  const keys = prompts.map((p) => answers.map((a) => batcher.candidate(p.prompt, a)));
  await batcher.flush(what);

  const instances: DecisionInstance[] = [];
  const rows = prompts.map((p, i) => {
    const answerLogProbs = Object.fromEntries(answers.map((a, j) => [a, batcher.continuationScore(keys[i]![j]!).total]));
    const [yes, Yes] = twoSlots(answerStrings.yes.map((a) => answerLogProbs[a]!));
    const [no, No] = twoSlots(answerStrings.no.map((a) => answerLogProbs[a]!));
    instances.push({ id: p.id, questionId: p.questionId, attributes: p.attributes, logProbs: { yes, Yes, no, No } });
    return { id: p.id, questionId: p.questionId, attributes: p.attributes, answerLogProbs };
  });
  control.onProgress?.({ stage: 'analyze', done: 0, total: 1 });
  const { scores, jobs } = decisionComparisonJobs(
    instances,
    {
      reference,
      bootstrap: options.bootstrap,
      confidenceLevel: options.confidenceLevel,
      permutations: options.permutations,
      exactLimit: options.exactLimit,
      seed: options.seed,
    },
    probeId,
  );
  const analysis = { scores, comparisons: withAdjustedPValues(await runDecisionComparisons(jobs)) };
  control.onProgress?.({ stage: 'analyze', done: 1, total: 1 });
  const items = rows.map((r, i) => ({ ...r, pNormYes: analysis.scores[i]!.pNormYes, logit: analysis.scores[i]!.logit }));
  return { comparisons: analysis.comparisons, meanLogit: items.reduce((s, r) => s + r.logit, 0) / items.length, items };
}

/**
 * Run a discrim-eval-style decision probe: every question × attribute combination filled into the
 * prompt, then scoreDecisionPrompts with the attributes' reference values.
 * @throws {UnsupportedModelError} for a masked LM
 * @throws the errors of analyzeDecisionAttributes
 */
export async function runDecisionTemplate(
  probe: DecisionTemplateDefinition,
  scorer: LanguageModelScorer,
  options: LmRunOptions,
  control: RunControl = {},
): Promise<DecisionTemplateResult> {
  validateLmRunOptions(options);
  const what = `"${probe.id}"`;
  checkScorerKind(scorer, 'causal', what);
  const reference = Object.fromEntries(probe.attributes.map((a) => [a.slot, a.reference]));
  const scored = await scoreDecisionPrompts(decisionPrompts(probe), probe.answers, reference, probe.id, scorer, options, control, what);
  return { kind: 'decision-template', probeId: probe.id, title: probe.title, ...scored };
}

/** The prompt of one MCQ presentation: option lines in the given order under the probe's labels. */
export function mcqPrompt(probe: McqPositionDefinition, question: McqPositionDefinition['questions'][number], order: readonly number[]): string {
  const options = order.map((o, p) => fillTemplate(probe.optionTemplate, { label: probe.labels[p]!, option: question.options[o]! })).join('\n');
  return fillTemplate(probe.promptTemplate, { question: question.question, options });
}

/**
 * Run an MCQ position-bias probe: each question in every cyclic (or every) order of its options;
 * the score of each position is log p(label | prompt); then choice rate by position, recall/RStd,
 * PriDe prior and debiased choices, and the content-change rate (src/core/lm/position).
 * Source: Zheng et al. (2024), ICLR (RStd, PriDe, cyclic permutations).
 * @throws {UnsupportedModelError} for a masked LM
 * @throws {InvalidLmInputError} when a question's option count differs from the labels
 */
export async function runMcqPosition(
  probe: McqPositionDefinition,
  scorer: LanguageModelScorer,
  options: LmRunOptions,
  control: RunControl = {},
): Promise<McqPositionResult> {
  validateLmRunOptions(options);
  const what = `"${probe.id}"`;
  checkScorerKind(scorer, 'causal', what);
  const k = probe.labels.length;
  const batcher = new ScoreBatcher(scorer, { batchSize: options.batchSize, ...control });
  const plan = probe.questions.map((q) => {
    if (q.options.length !== k) throw new InvalidLmInputError(`question "${q.id}" has ${q.options.length} options for ${k} labels`);
    const indices = q.options.map((_, i) => i);
    const orders = probe.orders === 'all' ? allOrders(indices) : cyclicOrders(indices);
    return {
      q,
      presentations: orders.map((order) => {
        const prompt = mcqPrompt(probe, q, order);
        return { order, keys: probe.labels.map((label) => batcher.candidate(prompt, labelContinuation(prompt, label))) };
      }),
    };
  });
  await batcher.flush(what);
  const questions: McqQuestion[] = plan.map(({ q, presentations }) => ({
    id: q.id,
    correct: q.options[q.answer]!,
    presentations: presentations.map((p) => ({ order: p.order.map((o) => q.options[o]!), labelLogProbs: p.keys.map((key) => batcher.continuationScore(key).total) })),
  }));
  control.onProgress?.({ stage: 'analyze', done: 0, total: 1 });
  const a = analyzeMcqPositionBias(questions, options.confidenceLevel);
  control.onProgress?.({ stage: 'analyze', done: 1, total: 1 });
  const flat = plan.flatMap(({ presentations }, qi) => presentations.map((p, r) => ({ order: p.order, labelLogProbs: questions[qi]!.presentations[r]!.labelLogProbs! })));
  return {
    kind: 'mcq-position',
    probeId: probe.id,
    title: probe.title,
    labels: [...probe.labels],
    orders: probe.orders,
    options: a.options,
    questions: a.questions,
    ordersPerQuestion: plan[0]!.presentations.length,
    presentations: a.presentations,
    choiceRate: a.choiceRate,
    recall: a.recall,
    contentChangeRate: a.contentChangeRate,
    ...(a.contentChangeCi ? { contentChangeCi: a.contentChangeCi } : {}),
    changedQuestions: a.changedQuestions,
    pridePrior: a.pridePrior,
    debiasedChoiceRate: a.debiasedChoiceRate,
    debiasedRecall: a.debiasedRecall,
    items: a.items.map((item, i) => ({ ...item, order: [...flat[i]!.order], labelLogProbs: [...flat[i]!.labelLogProbs] })),
  };
}

const verdictOf = (lp: readonly [number, number]): 'first' | 'second' | 'tie' => (lp[0] > lp[1] ? 'first' : lp[0] < lp[1] ? 'second' : 'tie');

/** The judge prompt with the two answers in the given order. */
export function judgePrompt(probe: PairwisePositionDefinition, item: PairwisePositionDefinition['items'][number], swapped: boolean): string {
  const [first, second] = swapped ? [item.answers[1], item.answers[0]] : [item.answers[0], item.answers[1]];
  return fillTemplate(probe.judgePrompt, { question: item.question, answer_a: first, answer_b: second });
}

/**
 * Run a pairwise-judge position probe: each pair judged as (A, B) and as (B, A); the verdict of an
 * order is the label with the higher log p(label | prompt) (equal = tie). Then positional
 * consistency and preference fairness (src/core/lm/position/judgeConsistency) and, where items say
 * which answer is better, the judge's accuracy over all 2n verdicts (ties count as wrong).
 * Source: Shi et al. (2024), arXiv:2406.07791.
 * @throws {UnsupportedModelError} for a masked LM
 */
export async function runPairwisePosition(
  probe: PairwisePositionDefinition,
  scorer: LanguageModelScorer,
  options: LmRunOptions,
  control: RunControl = {},
): Promise<PairwisePositionResult> {
  validateLmRunOptions(options);
  const what = `"${probe.id}"`;
  checkScorerKind(scorer, 'causal', what);
  const batcher = new ScoreBatcher(scorer, { batchSize: options.batchSize, ...control });
  const plan = probe.items.map((item) => {
    const keysFor = (swapped: boolean) => {
      const prompt = judgePrompt(probe, item, swapped);
      return probe.labels.map((label) => batcher.candidate(prompt, labelContinuation(prompt, label))) as [string, string];
    };
    return { item, original: keysFor(false), swapped: keysFor(true) };
  });
  await batcher.flush(what);
  const lp = (keys: [string, string]): [number, number] => [batcher.continuationScore(keys[0]).total, batcher.continuationScore(keys[1]).total];
  const rows = plan.map(({ item, original, swapped }) => {
    const originalLogProbs = lp(original);
    const swappedLogProbs = lp(swapped);
    const vo = verdictOf(originalLogProbs);
    const vs = verdictOf(swappedLogProbs);
    return {
      id: item.id,
      category: item.category ?? null,
      originalLogProbs,
      swappedLogProbs,
      original: vo,
      swapped: vs,
      winnerOriginal: vo === 'tie' ? null : vo === 'first' ? (0 as const) : (1 as const),
      winnerSwapped: vs === 'tie' ? null : vs === 'first' ? (1 as const) : (0 as const),
      better: item.better ?? null,
    };
  });
  control.onProgress?.({ stage: 'analyze', done: 0, total: 1 });
  const analysis = analyzeJudgeConsistency(
    rows.map((r) => ({ id: r.id, ...(r.category ? { category: r.category } : {}), original: r.original as JudgeVerdict, swapped: r.swapped as JudgeVerdict })),
    'all-pairs',
    options.confidenceLevel,
  );
  control.onProgress?.({ stage: 'analyze', done: 1, total: 1 });
  const known = rows.filter((r) => r.better !== null);
  const accuracy = known.length
    ? known.reduce((s, r) => s + (r.winnerOriginal === r.better ? 1 : 0) + (r.winnerSwapped === r.better ? 1 : 0), 0) / (2 * known.length)
    : null;
  return {
    kind: 'pairwise-position',
    probeId: probe.id,
    title: probe.title,
    labels: [probe.labels[0], probe.labels[1]],
    summary: analysis.overall,
    byCategory: analysis.byCategory,
    accuracy,
    items: rows.map((r, i) => ({ ...r, class: analysis.items[i]!.class })),
  };
}

/** Seed of the i-th prompt of a prompt-based probe (independent of other probes and iterations). */
export const iterationSeed = (seed: number, probeId: string, i: number): number => deriveTestSeed(seed, `${probeId}#${i}`, 'permutation');
