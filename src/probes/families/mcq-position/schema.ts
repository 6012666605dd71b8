// Multiple-choice position swaps (Zheng et al. 2024): the same question with its options reordered;
// a model without position bias picks the same content whatever its label.
import { z } from 'zod';
import type { Assert, MatchesCore } from '../shared/matchesCore';
import { type McqPositionDefinition } from '../../../core/lmRun/definitions';
import { addTemplateIssues, text, itemId, lmBaseFields, itemList, uniqueIds } from '../shared/lmProbeFields';

export const DEFAULT_MCQ_PROMPT = 'Question: {question}\n{options}\nAnswer:';
export const DEFAULT_MCQ_OPTION = '{label}. {option}';
/** Above this many options, 'all' orders (k!) is refused. */
export const MAX_ALL_ORDER_OPTIONS = 6;

export const mcqPositionProbeSchema = z
  .object({
    family: z.literal('mcq-position'),
    ...lmBaseFields,
    questions: itemList(
      z.object({
        id: itemId,
        question: text('question'),
        options: z.array(text('option')),
        answer: z.number().int().min(0),
        category: z.string().trim().min(1).optional(),
      }),
      'question',
    ),
    labels: z.array(text('label')).min(2, 'needs at least two option labels').max(10).default(['A', 'B', 'C', 'D']),
    orders: z.enum(['cyclic', 'all']).default('cyclic'),
    promptTemplate: text('prompt template').default(DEFAULT_MCQ_PROMPT),
    optionTemplate: text('option template').default(DEFAULT_MCQ_OPTION),
  })
  .superRefine((p, ctx) => {
    uniqueIds(p.questions, ['questions'], ctx);
    const k = p.labels.length;
    if (new Set(p.labels).size !== k) ctx.addIssue({ code: 'custom', path: ['labels'], message: 'option labels must be distinct' });
    if (p.orders === 'all' && k > MAX_ALL_ORDER_OPTIONS) {
      ctx.addIssue({ code: 'custom', path: ['orders'], message: `'all' orders of ${k} options is too many prompts per question; use 'cyclic'` });
    }
    p.questions.forEach((q, i) => {
      if (q.options.length !== k) {
        ctx.addIssue({
          code: 'custom',
          path: ['questions', i, 'options'],
          message: `has ${q.options.length} option${q.options.length === 1 ? '' : 's'}; every question needs exactly ${k} (one per label ${p.labels.join(', ')})`,
        });
      }
      if (new Set(q.options).size !== q.options.length) ctx.addIssue({ code: 'custom', path: ['questions', i, 'options'], message: 'an option is listed twice' });
      if (q.answer >= q.options.length) {
        ctx.addIssue({ code: 'custom', path: ['questions', i, 'answer'], message: `answer index ${q.answer} is past the last option (${q.options.length - 1})` });
      }
    });
    addTemplateIssues(ctx, ['promptTemplate'], p.promptTemplate, ['question', 'options'], ['question', 'options']);
    addTemplateIssues(ctx, ['optionTemplate'], p.optionTemplate, ['label', 'option'], ['label', 'option']);
  });

export type McqPositionProbe = z.infer<typeof mcqPositionProbeSchema>;

// Compile-time check: the parsed probe is what the core orchestration reads (core/lmRun/definitions.ts).
export type _MatchesCore = Assert<MatchesCore<McqPositionProbe, McqPositionDefinition>>;
