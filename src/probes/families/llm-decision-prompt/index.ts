// Prompt-based decision bias (Bai et al. 2024) as a family module: the model generates free text,
// which only an instruction (chat) model writes in the asked format.
import { runLlmDecisionPrompt } from '../../../core/lmRun/association';
import type { LlmDecisionPromptResult } from '../../../core/lmRun/types';
import { lmResultSchema } from '../shared/lmResultSchema';
import { lmRunner } from '../shared/runContext';
import type { ProbeFamily } from '../types';
import { llmDecisionPromptCsv } from './export';
import { llmDecisionPromptProbeSchema, type LlmDecisionPromptProbe } from './schema';
import { llmDecisionHeadline, summarizeLlmDecision } from './summary';

export const llmDecisionPrompt = {
  id: 'llm-decision-prompt',
  title: 'Prompt-based decision bias',
  modality: 'lm',
  needs: () => 'generate',
  needsInstructionModel: true,
  schema: llmDecisionPromptProbeSchema,
  lint: () => [],
  resultSchema: lmResultSchema('llm-decision-prompt'),
  adjustedAcrossBatch: false,
  run: lmRunner('llm-decision-prompt', runLlmDecisionPrompt),
  summarize: summarizeLlmDecision,
  headline: llmDecisionHeadline,
  csv: llmDecisionPromptCsv,
} as const satisfies ProbeFamily<LlmDecisionPromptProbe, LlmDecisionPromptResult>;
