// Orchestration of the judge-verbosity family (docs/methods/judge-verbosity.md): each answer is
// padded by the probe's stated rule, and the judge prompt is scored with the padded and the short
// answer in both orders; the verdict of an order is the label with the higher log p(label | prompt),
// read exactly as the pairwise-position family reads it (ScoreBatcher.candidate + labelContinuation).
// The definition and result types live here, beside the one runner that reads and makes them,
// rather than in the shared definitions/types unions that the older families fill.
import { InvalidLmInputError } from '../errors';
import { analyzeJudgeVerbosity, type VerbosityItem, type VerbositySummary } from '../lm/verbosity/analyzeJudgeVerbosity';
import { fillTemplate } from '../lm/templates/templateSlots';
import type { RunControl } from './counterfactual';
import type { LmProbeBase } from './definitions';
import { validateLmRunOptions } from './options';
import { checkScorerKind, labelContinuation, ScoreBatcher, type LanguageModelScorer } from './scorer';
import type { LmRunOptions } from './types';

export interface VerbosityItemDefinition {
  id: string;
  question: string;
  /** The answer as written (the short form). */
  answer: string;
  /** The padded form, when the item gives its own; otherwise the probe's padding template makes it. */
  padded?: string;
  category?: string;
}

export interface JudgeVerbosityDefinition extends LmProbeBase {
  family: 'judge-verbosity';
  items: readonly VerbosityItemDefinition[];
  /** Judge prompt with {question}, {answer_a}, {answer_b}; the next token is the label of the winner. */
  judgePrompt: string;
  /** Labels of the first and second position (default A, B). */
  labels: readonly [string, string];
  /** The padding rule: {answer} is the short answer. */
  paddingTemplate: string;
}

export interface JudgeVerbosityRow extends VerbosityItem {
  /** The padded answer the judge saw. */
  padded: string;
  /** log p of [first, second] label with the padded answer first, and with the short answer first. */
  paddedFirstLogProbs: [number, number];
  shortFirstLogProbs: [number, number];
}

export interface JudgeVerbosityResult {
  kind: 'judge-verbosity';
  probeId: string;
  title: string;
  labels: [string, string];
  paddingTemplate: string;
  summary: VerbositySummary;
  byCategory: { category: string; summary: VerbositySummary }[];
  items: JudgeVerbosityRow[];
}

/**
 * The padded form of an item's answer: its own `padded`, else the padding template filled.
 * @throws {InvalidLmInputError} when the padded form equals the answer (nothing was padded)
 */
export function paddedAnswer(probe: Pick<JudgeVerbosityDefinition, 'paddingTemplate'>, item: VerbosityItemDefinition): string {
  const padded = item.padded ?? fillTemplate(probe.paddingTemplate, { answer: item.answer });
  if (padded.trim() === item.answer.trim()) throw new InvalidLmInputError(`item "${item.id}": the padded answer is the answer itself`);
  return padded;
}

/** The judge prompt with the two answers in the order shown. */
export const verbosityJudgePrompt = (probe: Pick<JudgeVerbosityDefinition, 'judgePrompt'>, question: string, first: string, second: string): string =>
  fillTemplate(probe.judgePrompt, { question, answer_a: first, answer_b: second });

/**
 * Run a judge-verbosity probe: 2 prompts × 2 labels per item, then analyzeJudgeVerbosity.
 * Source: Zheng et al. (2023), arXiv:2306.05685, §3.3; docs/methods/judge-verbosity.md.
 * @throws {UnsupportedModelError} for a masked LM
 * @throws {InvalidLmInputError} when an item's padded answer equals its answer
 */
export async function runJudgeVerbosity(
  probe: JudgeVerbosityDefinition,
  scorer: LanguageModelScorer,
  options: LmRunOptions,
  control: RunControl = {},
): Promise<JudgeVerbosityResult> {
  validateLmRunOptions(options);
  const what = `"${probe.id}"`;
  checkScorerKind(scorer, 'causal', what);
  const batcher = new ScoreBatcher(scorer, { batchSize: options.batchSize, ...control });
  const plan = probe.items.map((item) => {
    const padded = paddedAnswer(probe, item);
    const keysFor = (first: string, second: string) => {
      const prompt = verbosityJudgePrompt(probe, item.question, first, second);
      return probe.labels.map((label) => batcher.candidate(prompt, labelContinuation(prompt, label))) as [string, string];
    };
    return { item, padded, paddedFirst: keysFor(padded, item.answer), shortFirst: keysFor(item.answer, padded) };
  });
  await batcher.flush(what);
  const lp = (keys: [string, string]): [number, number] => [batcher.continuationScore(keys[0]).total, batcher.continuationScore(keys[1]).total];
  const scored = plan.map((p) => ({ ...p, paddedFirstLogProbs: lp(p.paddedFirst), shortFirstLogProbs: lp(p.shortFirst) }));
  control.onProgress?.({ stage: 'analyze', done: 0, total: 1 });
  const analysis = analyzeJudgeVerbosity(
    scored.map((s) => ({ id: s.item.id, ...(s.item.category ? { category: s.item.category } : {}), paddedFirst: s.paddedFirstLogProbs, shortFirst: s.shortFirstLogProbs })),
    options.confidenceLevel,
  );
  control.onProgress?.({ stage: 'analyze', done: 1, total: 1 });
  return {
    kind: 'judge-verbosity',
    probeId: probe.id,
    title: probe.title,
    labels: [probe.labels[0], probe.labels[1]],
    paddingTemplate: probe.paddingTemplate,
    summary: analysis.overall,
    byCategory: analysis.byCategory,
    items: analysis.items.map((a, i) => ({ ...a, padded: scored[i]!.padded, paddedFirstLogProbs: scored[i]!.paddedFirstLogProbs, shortFirstLogProbs: scored[i]!.shortFirstLogProbs })),
  };
}
