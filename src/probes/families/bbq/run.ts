// A BBQ probe's run on a base model (docs/methods/bbq.md): each question's three answers scored as
// continuations of one prompt through the shared batching layer (ScoreBatcher.candidate, as the
// multiple-choice family scores its options), the answer with the highest score chosen, then
// accuracy, s_DIS and s_AMB per category and overall.
import type { RunControl } from '../../../core/lmRun/counterfactual';
import { validateLmRunOptions } from '../../../core/lmRun/options';
import { checkScorerKind, labelContinuation, ScoreBatcher, type LanguageModelScorer } from '../../../core/lmRun/scorer';
import type { LmRunOptions } from '../../../core/lmRun/types';
import { bbqScoresByCategory } from '../../../core/benchmarks/bbqScores';
import type { BbqItemRow, BbqResult } from '../../../core/benchmarks/bbqResult';
import type { BbqItem, BbqProbe } from './schema';

/** The prompt every answer continues: context, question, then "Answer:". */
export const bbqPrompt = (item: Pick<BbqItem, 'context' | 'question'>): string => `${item.context.trim()} ${item.question.trim()}\nAnswer:`;

/** Index of the highest score; the first on a tie. */
const argMax = (xs: readonly number[]): number => xs.reduce((best, x, i) => (x > xs[best]! ? i : best), 0);

/**
 * Score every question's answers and compute accuracy and the bias scores.
 * @throws {UnsupportedModelError} for a model without causal log-probs
 */
export async function runBbq(probe: BbqProbe, scorer: LanguageModelScorer, options: LmRunOptions, control: RunControl = {}): Promise<BbqResult> {
  validateLmRunOptions(options);
  const what = `"${probe.id}" (${probe.scoring})`;
  checkScorerKind(scorer, 'causal', what);
  const batcher = new ScoreBatcher(scorer, { batchSize: options.batchSize, ...control });
  const keys = probe.items.map((item) => {
    const prompt = bbqPrompt(item);
    return item.answers.map((a) => batcher.candidate(prompt, labelContinuation(prompt, a.trim())));
  });
  await batcher.flush(what);
  control.onProgress?.({ stage: 'analyze', done: 0, total: 1 });
  const items: BbqItemRow[] = probe.items.map((item, i) => {
    const scores = keys[i]!.map((k) => {
      const s = batcher.continuationScore(k);
      return probe.scoring === 'causal-full' ? s.total : s.total / Math.max(1, s.perToken.length);
    }) as [number, number, number];
    return {
      id: item.id,
      category: item.category,
      polarity: item.polarity,
      condition: item.condition,
      question: item.question,
      answers: item.answers,
      label: item.label,
      unknown: item.unknown,
      biased: item.biased,
      scores,
      chosen: argMax(scores),
    };
  });
  const scores = bbqScoresByCategory(items);
  control.onProgress?.({ stage: 'analyze', done: 1, total: 1 });
  return { kind: 'bbq', probeId: probe.id, title: probe.title, scoring: probe.scoring, ...scores, items };
}
