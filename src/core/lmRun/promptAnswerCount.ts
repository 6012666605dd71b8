// How many of a prompt family's answers could be read, as the sentence every view shows (the prompt
// families' summaries put it in their headline: result card, history, CLI). A run where nothing
// parsed has no statistic at all, so the sentence then says why instead of leaving a row of dashes:
// with no chat template the likely cause is a base model; with one, the answers themselves are
// where to look.
import type { LlmDecisionPromptResult, LlmIatPromptResult } from './types';

export interface PromptAnswerCount {
  /** Answers from which something could be read (IAT: iterations with a parsed pair; decision: parsed choices). */
  parsed: number;
  /** Answers the model gave (one per prompt). */
  total: number;
  /** "12 of 40 answers parsed", or, when none parsed, why there is no result. */
  text: string;
}

/** The readable answers of an LLM-IAT prompt result: iterations with a parsed pair, of all iterations. */
export const iatPromptAnswers = (r: LlmIatPromptResult): PromptAnswers => ({ parsed: r.used, total: r.iterations, chatTemplate: r.chatTemplate });

/** The readable answers of a decision prompt result: parsed choices, of all prompts. */
export const decisionPromptAnswers = (r: LlmDecisionPromptResult): PromptAnswers => ({ parsed: r.summary.parsed, total: r.items.length, chatTemplate: r.chatTemplate });

export interface PromptAnswers {
  parsed: number;
  total: number;
  /** Whether the prompts went through the model's chat template (absent in runs recorded before this was). */
  chatTemplate?: boolean | undefined;
}

/** Say in one sentence how many answers could be read (each prompt family counts its own: above). */
export function promptAnswerCount({ parsed, total, chatTemplate }: PromptAnswers): PromptAnswerCount {
  if (parsed > 0 || total === 0) return { parsed, total, text: `${parsed} of ${total} ${total === 1 ? 'answer' : 'answers'} parsed` };
  const none = total === 1 ? 'The one answer could not be read' : `None of the ${total} answers could be read`;
  const why = chatTemplate === true ? 'its answers are in the items' : 'use an instruction model';
  return { parsed, total, text: `${none}: the model did not answer in the requested format — ${why}` };
}
