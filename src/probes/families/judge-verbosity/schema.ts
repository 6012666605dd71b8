// A judge-verbosity probe (docs/methods/judge-verbosity.md): questions with one answer each, the
// padding rule that makes the answer's longer twin, and the judge prompt that compares the two in
// both orders. The judge prompt and labels default to the pairwise-position family's, so the two
// judge probes ask the same question and differ only in what they vary.
import { z } from 'zod';
import type { JudgeVerbosityDefinition } from '../../../core/lmRun/judgeVerbosity';
import { DEFAULT_JUDGE_PROMPT } from '../pairwise-position/schema';
import { addTemplateIssues, itemId, itemList, lmBaseFields, text, uniqueIds } from '../shared/lmProbeFields';
import type { Assert, MatchesCore } from '../shared/matchesCore';

/** The answer restated, no new content: Zheng et al.'s (2023) "repetitive list" idea on one answer. */
export const DEFAULT_PADDING_TEMPLATE = '{answer} In other words, {answer}';

export const judgeVerbosityProbeSchema = z
  .object({
    family: z.literal('judge-verbosity'),
    ...lmBaseFields,
    items: itemList(
      z.object({
        id: itemId,
        question: text('question'),
        answer: text('answer'),
        padded: text('padded answer').optional(),
        category: z.string().trim().min(1).optional(),
      }),
      'item',
    ),
    judgePrompt: text('judge prompt').default(DEFAULT_JUDGE_PROMPT),
    labels: z.tuple([text('label'), text('label')]).default(['A', 'B']),
    paddingTemplate: text('padding template').default(DEFAULT_PADDING_TEMPLATE),
  })
  .superRefine((p, ctx) => {
    uniqueIds(p.items, ['items'], ctx);
    if (p.labels[0] === p.labels[1]) ctx.addIssue({ code: 'custom', path: ['labels'], message: 'the two labels must differ' });
    p.items.forEach((it, i) => {
      if (it.padded !== undefined && it.padded.trim() === it.answer.trim()) ctx.addIssue({ code: 'custom', path: ['items', i, 'padded'], message: 'the padded answer is the answer itself' });
    });
    const slots = ['question', 'answer_a', 'answer_b'];
    addTemplateIssues(ctx, ['judgePrompt'], p.judgePrompt, slots, slots);
    addTemplateIssues(ctx, ['paddingTemplate'], p.paddingTemplate, ['answer'], ['answer']);
    if (p.paddingTemplate.trim() === '{answer}') ctx.addIssue({ code: 'custom', path: ['paddingTemplate'], message: 'the padding template adds nothing to the answer' });
  });

export type JudgeVerbosityProbe = z.infer<typeof judgeVerbosityProbeSchema>;

// Compile-time check: the parsed probe is what the core orchestration reads (core/lmRun/judgeVerbosity.ts).
export type _MatchesCore = Assert<MatchesCore<JudgeVerbosityProbe, JudgeVerbosityDefinition>>;
