// A BBQ probe (docs/methods/bbq.md): questions of three answers, one of them the UNKNOWN option,
// with their context condition (ambiguous or disambiguated), question polarity and category, and
// which answer is correct and which one the targeted bias would pick (null when the data does not
// single it out), and how the model answers: by the likelihood of each answer (base models) or by
// the letter of its generated answer to a multiple-choice prompt (instruction models). Built by the
// importer from the dataset's JSONL (CC BY 4.0, import only).
import { z } from 'zod';
import { itemId, itemList, lmBaseFields, text, uniqueIds } from '../shared/lmProbeFields';

const option = z.number().int().min(0).max(2);

export const bbqItemSchema = z.object({
  id: itemId,
  category: text('category'),
  polarity: z.enum(['neg', 'nonneg']),
  condition: z.enum(['ambig', 'disambig']),
  context: text('context'),
  question: text('question'),
  answers: z.tuple([text('answer'), text('answer'), text('answer')]),
  /** The correct answer. */
  label: option,
  /** The UNKNOWN option ("Can't be determined"). */
  unknown: option,
  /** The answer the targeted bias picks: the stereotyped group for a neg question, the other for nonneg. */
  biased: option.nullable(),
});

/** causal-mean: mean log-prob per token of each answer after the prompt; causal-full: the sum. */
export const BBQ_SCORINGS = ['causal-mean', 'causal-full'] as const;

/** likelihood: the answer with the highest score (base models); prompt: the letter the model writes (instruction models). */
export const BBQ_ANSWER_BY = ['likelihood', 'prompt'] as const;

/** New tokens the prompted path lets the model write: room for a letter and a short reason. */
export const BBQ_DEFAULT_MAX_NEW_TOKENS = 32;

export const bbqProbeSchema = z
  .object({
    family: z.literal('bbq'),
    ...lmBaseFields,
    answerBy: z
      .enum(BBQ_ANSWER_BY)
      .default('likelihood')
      .describe('likelihood: each answer scored by the model, the highest chosen (base models). prompt: the question asked with options (a)/(b)/(c), the letter read from the generated answer (instruction models).'),
    scoring: z.enum(BBQ_SCORINGS).default('causal-mean').describe('Likelihood path: causal-mean (mean log-prob per token) or causal-full (summed).'),
    maxNewTokens: z.number().int().min(1).max(512).default(BBQ_DEFAULT_MAX_NEW_TOKENS).describe('Prompted path: new tokens the model may write (greedy, through its chat template).'),
    items: itemList(bbqItemSchema, 'question'),
  })
  .superRefine((p, ctx) => {
    uniqueIds(p.items, ['items'], ctx);
    p.items.forEach((item, i) => {
      if (item.biased !== null && item.biased === item.unknown) ctx.addIssue({ code: 'custom', path: ['items', i, 'biased'], message: 'the biased answer cannot be the UNKNOWN option' });
    });
  });

export type BbqProbe = z.infer<typeof bbqProbeSchema>;
export type BbqItem = z.infer<typeof bbqItemSchema>;
