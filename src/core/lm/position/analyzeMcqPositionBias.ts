// Entry point of the MCQ position-bias family. One pass over (question, presentation) gives the
// model's chosen position; from those choices: choice rate by position, per-ID recall and RStd when
// the correct answers are known, and the share of questions whose chosen CONTENT changes when only
// the order changes. PriDe's prior is estimated from the same presentations and the debiased
// choices are re-scored in-sample (the paper estimates the prior on a 5% subset and applies it to
// the rest; with a held-out split, call pridePrior on the subset and prideDebias on the others).
import type { TestInterval } from '../../intervals';
import { clopperPearsonInterval } from '../../stats/centralBinomialTest';
import { InvalidLmInputError } from '../../errors';
import { argmax, normalizedLabelLogProbs } from './labelDistribution';
import type { McqQuestion } from './mcqTypes';
import { prideDebias, pridePrior } from './pridePrior';
import { recallStd, type RecallByPosition } from './recallStd';

export interface McqPositionBiasResult {
  /** Options per question (k). */
  options: number;
  questions: number;
  presentations: number;
  /** Fraction of presentations in which position p was chosen. */
  choiceRate: number[];
  /** Per-ID recall, RStd (population SD, %) and accuracy; null when any question lacks `correct`. */
  recall: RecallByPosition | null;
  /** Fraction of questions (with ≥ 2 presentations) whose chosen content is not the same in every order. */
  contentChangeRate: number;
  /** Clopper–Pearson interval of contentChangeRate at `level`, descriptive (no test); null when no question is comparable. */
  contentChangeCi: TestInterval | null;
  /** Questions whose chosen content changed, by id. */
  changedQuestions: string[];
  /** PriDe prior over option IDs (mean of per-question priors). */
  pridePrior: number[];
  /** Choice rate by position after PriDe debiasing (in-sample). */
  debiasedChoiceRate: number[];
  /** Recall/RStd after PriDe debiasing (in-sample); null without `correct`. */
  debiasedRecall: RecallByPosition | null;
  /** Per presentation: chosen position and content, before and after debiasing. */
  items: { questionId: string; presentation: number; chosen: number; chosenContent: string; debiasedChosen: number; gold: number | null }[];
}

/**
 * Position-bias metrics for MCQs presented in several orders.
 * Definitions: chosen position = argmax of the label scores (ties → lowest position); choice rate
 * by position; recall and RStd per Zheng et al. (2024) (population SD of recall·100); content change
 * rate = #questions whose chosen content differs between orders / #questions with ≥ 2 orders;
 * PriDe prior and debiased choices (pridePrior.ts).
 * Source: Zheng et al. (2024), ICLR, chujiezheng/LLM-MCQ-Bias; Pezeshkpour & Hruschka (2024) for
 * the order-sensitivity ("content changes") view.
 * @throws {InvalidLmInputError} when there are no questions, option counts differ, an order is not
 *   a permutation of the question's options, ids repeat, or `correct` is not among the options
 * @throws {InvalidLmScoreError} on unusable label scores
 */
export function analyzeMcqPositionBias(questions: readonly McqQuestion[], level = 0.95): McqPositionBiasResult {
  if (questions.length === 0) throw new InvalidLmInputError('no questions to analyse');
  const empty = questions.find((q) => q.presentations.length === 0);
  if (empty) throw new InvalidLmInputError(`question "${empty.id}" has no presentations`);
  const k = questions[0]!.presentations[0]!.order.length;
  if (k < 2) throw new InvalidLmInputError(`question "${questions[0]!.id}" has fewer than 2 options`);
  const ids = new Set<string>();
  for (const question of questions) {
    if (ids.has(question.id)) throw new InvalidLmInputError(`duplicate question id "${question.id}"`);
    ids.add(question.id);
    const contents = [...question.presentations[0]!.order].sort();
    if (new Set(contents).size !== contents.length) throw new InvalidLmInputError(`question "${question.id}" repeats an option`);
    question.presentations.forEach((presentation, r) => {
      if (presentation.order.length !== k) throw new InvalidLmInputError(`question "${question.id}", presentation ${r}: ${presentation.order.length} options, expected ${k} (every question needs the same number)`);
      const sorted = [...presentation.order].sort();
      if (sorted.some((c, i) => c !== contents[i])) throw new InvalidLmInputError(`question "${question.id}", presentation ${r}: the order is not a permutation of the question's options`);
    });
    if (question.correct !== undefined && !contents.includes(question.correct)) throw new InvalidLmInputError(`question "${question.id}": correct option "${question.correct}" is not among its options`);
  }
  const withGold = questions.every((q) => q.correct !== undefined);
  const { prior } = pridePrior(questions);

  const items: McqPositionBiasResult['items'] = [];
  const changedQuestions: string[] = [];
  let comparable = 0;
  for (const question of questions) {
    const chosenContents = new Set<string>();
    question.presentations.forEach((presentation, r) => {
      const logs = normalizedLabelLogProbs(presentation, `question "${question.id}", presentation ${r}`);
      const chosen = argmax(logs);
      const debiasedChosen = argmax(prideDebias(logs, prior));
      const gold = question.correct === undefined ? null : presentation.order.indexOf(question.correct);
      chosenContents.add(presentation.order[chosen]!);
      items.push({ questionId: question.id, presentation: r, chosen, chosenContent: presentation.order[chosen]!, debiasedChosen, gold });
    });
    if (question.presentations.length >= 2) {
      comparable++;
      if (chosenContents.size > 1) changedQuestions.push(question.id);
    }
  }
  const rate = (pick: (item: (typeof items)[number]) => number) => {
    const counts = new Array<number>(k).fill(0);
    for (const item of items) counts[pick(item)]!++;
    return counts.map((c) => c / items.length);
  };
  const golds = items.map((item) => item.gold ?? -1);
  return {
    options: k,
    questions: questions.length,
    presentations: items.length,
    choiceRate: rate((item) => item.chosen),
    recall: withGold ? recallStd(items.map((item) => item.chosen), golds, k) : null,
    contentChangeRate: comparable > 0 ? changedQuestions.length / comparable : Number.NaN,
    contentChangeCi: comparable > 0 ? { ...clopperPearsonInterval(changedQuestions.length, comparable, level), method: 'clopper-pearson (descriptive)' } : null,
    changedQuestions,
    pridePrior: Array.from(prior),
    debiasedChoiceRate: rate((item) => item.debiasedChosen),
    debiasedRecall: withGold ? recallStd(items.map((item) => item.debiasedChosen), golds, k) : null,
    items,
  };
}
