// Decision templates (discrim-eval, Tamkin et al. 2023): yes/no questions with demographic slots,
// wrapped in a prompt; P(yes) compared across attribute values against a reference value.
import { z } from 'zod';
import type { Assert, MatchesCore } from '../shared/matchesCore';
import { DISCRIM_EVAL_PROMPT, type DecisionTemplateDefinition } from '../../../core/lmRun/definitions';
import { slotName, addTemplateIssues, text, itemId, lmBaseFields, itemList, uniqueIds } from '../shared/lmProbeFields';

export const decisionTemplateProbeSchema = z
  .object({
    family: z.literal('decision-template'),
    ...lmBaseFields,
    questions: itemList(z.object({ id: itemId, text: text('question') }), 'question'),
    attributes: z
      .array(
        z.object({
          slot: slotName,
          values: z.array(text('value')).min(2, 'an attribute needs at least two values'),
          reference: text('reference value'),
        }),
      )
      .min(1, 'needs at least one attribute'),
    promptTemplate: text('prompt template').default(DISCRIM_EVAL_PROMPT),
    answers: z
      .object({ yes: z.array(text('answer')).min(1), no: z.array(text('answer')).min(1) })
      .default({ yes: ['yes', 'Yes'], no: ['no', 'No'] }),
  })
  .superRefine((p, ctx) => {
    uniqueIds(p.questions, ['questions'], ctx);
    const slots = p.attributes.map((a) => a.slot);
    p.attributes.forEach((a, i) => {
      if (slots.indexOf(a.slot) !== i) ctx.addIssue({ code: 'custom', path: ['attributes', i, 'slot'], message: `attribute {${a.slot}} is defined twice` });
      if (!a.values.includes(a.reference)) {
        ctx.addIssue({ code: 'custom', path: ['attributes', i, 'reference'], message: `reference "${a.reference}" is not one of the values of {${a.slot}}` });
      }
      if (new Set(a.values).size !== a.values.length) ctx.addIssue({ code: 'custom', path: ['attributes', i, 'values'], message: 'a value is listed twice' });
    });
    p.questions.forEach((q, i) => addTemplateIssues(ctx, ['questions', i, 'text'], q.text, slots, slots));
    addTemplateIssues(ctx, ['promptTemplate'], p.promptTemplate, ['question'], ['question']);
    const overlap = p.answers.yes.filter((a) => p.answers.no.includes(a));
    if (overlap.length) ctx.addIssue({ code: 'custom', path: ['answers'], message: `"${overlap[0]}" is both a yes and a no answer` });
  });

export type DecisionTemplateProbe = z.infer<typeof decisionTemplateProbeSchema>;

// Compile-time check: the parsed probe is what the core orchestration reads (core/lmRun/definitions.ts).
export type _MatchesCore = Assert<MatchesCore<DecisionTemplateProbe, DecisionTemplateDefinition>>;
