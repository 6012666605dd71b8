// Prompt-based LLM IAT (Bai et al. 2024): the model is asked to pair each attribute word with one of
// two group terms; D is read from its free-text answer.
import { z } from 'zod';
import type { Assert, MatchesCore } from '../shared/matchesCore';
import { BAI_IAT_PROMPT, type LlmIatPromptDefinition } from '../../../core/lmRun/definitions';
import { addTemplateIssues, text, lmBaseFields, generationSchema, twoGroups, pairedGroups } from '../shared/lmProbeFields';
import { wordSetSchema } from '../../probeFields';

export const llmIatPromptProbeSchema = z
  .object({
    family: z.literal('llm-iat-prompt'),
    ...lmBaseFields,
    groups: twoGroups,
    attributes: z.object({ negative: wordSetSchema, positive: wordSetSchema }),
    promptTemplate: text('prompt template').default(BAI_IAT_PROMPT),
    iterations: z.number().int().min(1).max(1000).default(10),
    generation: generationSchema.default({ maxNewTokens: 100, temperature: 0 }),
  })
  .superRefine((p, ctx) => {
    pairedGroups(p, ctx);
    const slots = ['group0', 'group1', 'attributes'];
    addTemplateIssues(ctx, ['promptTemplate'], p.promptTemplate, slots, slots);
  });

export type LlmIatPromptProbe = z.infer<typeof llmIatPromptProbeSchema>;

// Compile-time check: the parsed probe is what the core orchestration reads (core/lmRun/definitions.ts).
export type _MatchesCore = Assert<MatchesCore<LlmIatPromptProbe, LlmIatPromptDefinition>>;
