// A BBQ probe's run (docs/methods/bbq.md), by either path:
// - likelihood (base models): each question's three answers scored as continuations of one prompt
//   through the shared batching layer (ScoreBatcher.candidate, as the multiple-choice family scores
//   its options), the answer with the highest score chosen;
// - prompt (instruction models): the question asked with lettered options (./letterAnswer.ts),
//   a greedy answer generated through the chat template (the prompt families' generation settings,
//   core/lmRun/association.ts generateOptions), its letter read; unreadable answers are kept and
//   counted, and left out of the scores.
// Then accuracy, s_DIS and s_AMB per category and overall over the questions whose answer is known.
import { CancelledError } from '../../../core/errors';
import { generateOptions } from '../../../core/lmRun/association';
import type { RunControl } from '../../../core/lmRun/counterfactual';
import { validateLmRunOptions } from '../../../core/lmRun/options';
import { checkScorerKind, labelContinuation, ScoreBatcher, type LanguageModelScorer } from '../../../core/lmRun/scorer';
import type { LmRunOptions } from '../../../core/lmRun/types';
import { bbqScoresByCategory, type AnsweredBbqItem } from '../../../core/benchmarks/bbqScores';
import type { BbqItemRow, BbqResult } from '../../../core/benchmarks/bbqResult';
import { bbqLetterPrompt, parseBbqLetter } from './letterAnswer';
import type { BbqItem, BbqProbe } from './schema';

/** The prompt every answer continues on the likelihood path: context, question, then "Answer:". */
export const bbqPrompt = (item: Pick<BbqItem, 'context' | 'question'>): string => `${item.context.trim()} ${item.question.trim()}\nAnswer:`;

/** Index of the highest score; the first on a tie. */
const argMax = (xs: readonly number[]): number => xs.reduce((best, x, i) => (x > xs[best]! ? i : best), 0);

const itemRow = (item: BbqItem, answer: Pick<BbqItemRow, 'scores' | 'chosen' | 'response'>): BbqItemRow => ({
  id: item.id,
  category: item.category,
  polarity: item.polarity,
  condition: item.condition,
  question: item.question,
  answers: item.answers,
  label: item.label,
  unknown: item.unknown,
  biased: item.biased,
  ...answer,
});

/** Accuracy and bias scores over the questions whose answer is known (null: none is). */
function scoresOf(items: readonly BbqItemRow[]): Pick<BbqResult, 'overall' | 'byCategory'> {
  const answered = items.filter((i): i is BbqItemRow & AnsweredBbqItem => i.chosen !== null);
  return answered.length === 0 ? { overall: null, byCategory: [] } : bbqScoresByCategory(answered);
}

async function answerByLikelihood(probe: BbqProbe, scorer: LanguageModelScorer, options: LmRunOptions, control: RunControl, what: string): Promise<BbqItemRow[]> {
  checkScorerKind(scorer, 'causal', what);
  const batcher = new ScoreBatcher(scorer, { batchSize: options.batchSize, ...control });
  const keys = probe.items.map((item) => {
    const prompt = bbqPrompt(item);
    return item.answers.map((a) => batcher.candidate(prompt, labelContinuation(prompt, a.trim())));
  });
  await batcher.flush(what);
  return probe.items.map((item, i) => {
    const scores = keys[i]!.map((k) => {
      const s = batcher.continuationScore(k);
      return probe.scoring === 'causal-full' ? s.total : s.total / Math.max(1, s.perToken.length);
    }) as [number, number, number];
    return itemRow(item, { scores, chosen: argMax(scores) });
  });
}

async function answerByPrompt(probe: BbqProbe, scorer: LanguageModelScorer, control: RunControl, what: string): Promise<{ items: BbqItemRow[]; chatTemplate: boolean }> {
  checkScorerKind(scorer, 'generate', what);
  const items: BbqItemRow[] = [];
  let chatTemplate = false;
  for (const item of probe.items) {
    if (control.signal?.aborted) throw new CancelledError('The probe run was cancelled.');
    const prompt = bbqLetterPrompt(item);
    // Greedy: the seed is not read.
    const out = await scorer.generate!(prompt, generateOptions(scorer, prompt, { maxNewTokens: probe.maxNewTokens, temperature: 0 }, 0, control.signal));
    chatTemplate ||= out.chatTemplate === true;
    items.push(itemRow(item, { scores: null, chosen: parseBbqLetter(out.text, item.answers), response: out.text }));
    control.onProgress?.({ stage: 'generate', done: items.length, total: probe.items.length });
  }
  return { items, chatTemplate };
}

/**
 * Answer every question and compute accuracy and the bias scores.
 * @throws {UnsupportedModelError} for a model without causal log-probs (likelihood) or generation (prompt)
 */
export async function runBbq(probe: BbqProbe, scorer: LanguageModelScorer, options: LmRunOptions, control: RunControl = {}): Promise<BbqResult> {
  validateLmRunOptions(options);
  const head = { kind: 'bbq' as const, probeId: probe.id, title: probe.title };
  if (probe.answerBy === 'prompt') {
    const { items, chatTemplate } = await answerByPrompt(probe, scorer, control, `"${probe.id}" (prompted)`);
    control.onProgress?.({ stage: 'analyze', done: 0, total: 1 });
    const scores = scoresOf(items);
    control.onProgress?.({ stage: 'analyze', done: 1, total: 1 });
    return { ...head, answerBy: 'prompt', chatTemplate, ...scores, items };
  }
  const items = await answerByLikelihood(probe, scorer, options, control, `"${probe.id}" (${probe.scoring})`);
  control.onProgress?.({ stage: 'analyze', done: 0, total: 1 });
  const scores = scoresOf(items);
  control.onProgress?.({ stage: 'analyze', done: 1, total: 1 });
  return { ...head, answerBy: 'likelihood', scoring: probe.scoring, ...scores, items };
}
