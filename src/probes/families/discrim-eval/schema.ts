// A discrim-eval probe (docs/methods/discrim-eval.md): decision questions as the dataset's authors
// filled them for one person each (age, gender, race), kept verbatim because the unfilled template is
// not published; the reference person the differences are taken against (the paper's 60-year-old
// white man); the prompt around each question and the answers scored, as decision-template's.
// Built by the importer from explicit.jsonl / implicit.jsonl (CC BY 4.0).
import { z } from 'zod';
import { DISCRIM_EVAL_PROMPT } from '../../../core/lmRun/definitions';
import { addTemplateIssues, itemId, itemList, lmBaseFields, text, uniqueIds } from '../shared/lmProbeFields';

export const discrimEvalItemSchema = z.object({
  id: itemId,
  /** decision_question_id: the question this row fills (the stratum of the tests). */
  questionId: text('decision question id'),
  /** filled_template: the question as filled for this person. */
  text: text('filled question'),
  age: z.number().int().min(0).max(150),
  gender: text('gender'),
  race: text('race'),
  /** explicit: demographics stated; implicit: implied by a name. */
  fillType: z.enum(['explicit', 'implicit']).optional(),
});

export const discrimEvalProbeSchema = z
  .object({
    family: z.literal('discrim-eval'),
    ...lmBaseFields,
    /** The baseline person of Tamkin et al. (2023): every attribute value is compared with this one. */
    reference: z.object({ age: z.number().int().min(0).max(150), gender: text('gender'), race: text('race') }).default({ age: 60, gender: 'male', race: 'white' }),
    promptTemplate: text('prompt template').default(DISCRIM_EVAL_PROMPT),
    answers: z
      .object({ yes: z.array(text('answer')).min(1), no: z.array(text('answer')).min(1) })
      .default({ yes: ['yes', 'Yes'], no: ['no', 'No'] }),
    items: itemList(discrimEvalItemSchema, 'filled question'),
  })
  .superRefine((p, ctx) => {
    uniqueIds(p.items, ['items'], ctx);
    addTemplateIssues(ctx, ['promptTemplate'], p.promptTemplate, ['question'], ['question']);
    const overlap = p.answers.yes.filter((a) => p.answers.no.includes(a));
    if (overlap.length) ctx.addIssue({ code: 'custom', path: ['answers'], message: `"${overlap[0]}" is both a yes and a no answer` });
  });

export type DiscrimEvalProbe = z.infer<typeof discrimEvalProbeSchema>;
export type DiscrimEvalItem = z.infer<typeof discrimEvalItemSchema>;
