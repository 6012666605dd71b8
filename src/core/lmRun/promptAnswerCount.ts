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

/** Count the readable answers of a prompt-family result and say it in one sentence. */
export function promptAnswerCount(result: LlmIatPromptResult | LlmDecisionPromptResult): PromptAnswerCount {
  const [parsed, total] = result.kind === 'llm-iat-prompt' ? [result.used, result.iterations] : [result.summary.parsed, result.items.length];
  if (parsed > 0 || total === 0) return { parsed, total, text: `${parsed} of ${total} ${total === 1 ? 'answer' : 'answers'} parsed` };
  const none = total === 1 ? 'The one answer could not be read' : `None of the ${total} answers could be read`;
  const why = result.chatTemplate === true ? 'its answers are in the items' : 'use an instruction model';
  return { parsed, total, text: `${none}: the model did not answer in the requested format — ${why}` };
}
