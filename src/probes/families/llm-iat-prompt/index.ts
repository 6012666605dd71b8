// The prompt-based LLM IAT (Bai et al. 2024) as a family module: the model generates free text,
// which only an instruction (chat) model writes in the asked format.
import { runLlmIatPrompt } from '../../../core/lmRun/association';
import type { LlmIatPromptResult } from '../../../core/lmRun/types';
import { lmResultSchema } from '../shared/lmResultSchema';
import { lmRunner } from '../shared/runContext';
import type { ProbeFamily } from '../types';
import { llmIatPromptCsv } from './export';
import { llmIatPromptProbeSchema, type LlmIatPromptProbe } from './schema';
import { llmIatHeadline, summarizeLlmIat } from './summary';

export const llmIatPrompt = {
  id: 'llm-iat-prompt',
  title: 'Prompt-based LLM IAT',
  modality: 'lm',
  needs: () => 'generate',
  needsInstructionModel: true,
  schema: llmIatPromptProbeSchema,
  lint: () => [],
  resultSchema: lmResultSchema('llm-iat-prompt'),
  adjustedAcrossBatch: false,
  run: lmRunner('llm-iat-prompt', runLlmIatPrompt),
  summarize: summarizeLlmIat,
  headline: llmIatHeadline,
  csv: llmIatPromptCsv,
} as const satisfies ProbeFamily<LlmIatPromptProbe, LlmIatPromptResult>;
