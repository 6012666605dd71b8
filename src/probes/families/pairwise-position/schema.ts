// Pairwise judge swaps (Wang et al. 2023; Shi et al. 2024): an LM judges two answers in both orders;
// a consistent judge picks the same answer whichever side it is on.
import { z } from 'zod';
import type { Assert, MatchesCore } from '../shared/matchesCore';
import { type PairwisePositionDefinition } from '../../../core/lmRun/definitions';
import { addTemplateIssues, text, itemId, lmBaseFields, itemList, uniqueIds } from '../shared/lmProbeFields';

export const DEFAULT_JUDGE_PROMPT =
  'Which answer to the question is better?\nQuestion: {question}\nAnswer A: {answer_a}\nAnswer B: {answer_b}\nThe better answer is Answer';

export const pairwisePositionProbeSchema = z
  .object({
    family: z.literal('pairwise-position'),
    ...lmBaseFields,
    items: itemList(
      z.object({
        id: itemId,
        question: text('question'),
        answers: z.tuple([text('answer'), text('answer')]),
        better: z.union([z.literal(0), z.literal(1)]).optional(),
        category: z.string().trim().min(1).optional(),
      }),
      'item',
    ),
    judgePrompt: text('judge prompt').default(DEFAULT_JUDGE_PROMPT),
    labels: z.tuple([text('label'), text('label')]).default(['A', 'B']),
  })
  .superRefine((p, ctx) => {
    uniqueIds(p.items, ['items'], ctx);
    if (p.labels[0] === p.labels[1]) ctx.addIssue({ code: 'custom', path: ['labels'], message: 'the two labels must differ' });
    p.items.forEach((it, i) => {
      if (it.answers[0] === it.answers[1]) ctx.addIssue({ code: 'custom', path: ['items', i, 'answers'], message: 'the two answers are identical' });
    });
    const slots = ['question', 'answer_a', 'answer_b'];
    addTemplateIssues(ctx, ['judgePrompt'], p.judgePrompt, slots, slots);
  });

export type PairwisePositionProbe = z.infer<typeof pairwisePositionProbeSchema>;

// Compile-time check: the parsed probe is what the core orchestration reads (core/lmRun/definitions.ts).
export type _MatchesCore = Assert<MatchesCore<PairwisePositionProbe, PairwisePositionDefinition>>;
