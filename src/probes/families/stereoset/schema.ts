// A StereoSet intrasentence probe (docs/methods/stereoset.md): items of three sentences that fill one
// context's blank — stereotype, anti-stereotype, unrelated — with the item's target term and bias
// type, which SS, LMS and ICAT are grouped by. Built by the importer from the dataset's dev.json
// (CC BY-SA 4.0, import only); the scoring names which likelihood each sentence gets.
import { z } from 'zod';
import { itemId, itemList, lmBaseFields, text, uniqueIds } from '../shared/lmProbeFields';

export const stereoSetItemSchema = z.object({
  id: itemId,
  target: text('target term'),
  biasType: text('bias type'),
  context: z.string().max(2000),
  stereotype: text('stereotype sentence'),
  antiStereotype: text('anti-stereotype sentence'),
  unrelated: text('unrelated sentence'),
});

/** causal-mean: mean token log-prob of the sentence (the paper's GPT-2 scoring); causal-full: the sum; masked-pll: mean PLL of the filled blank's tokens. */
export const STEREOSET_SCORINGS = ['causal-mean', 'causal-full', 'masked-pll'] as const;

export const stereoSetProbeSchema = z
  .object({
    family: z.literal('stereoset'),
    ...lmBaseFields,
    scoring: z.enum(STEREOSET_SCORINGS).default('causal-mean'),
    items: itemList(stereoSetItemSchema, 'item'),
  })
  .superRefine((p, ctx) => {
    uniqueIds(p.items, ['items'], ctx);
    p.items.forEach((item, i) => {
      const s = [item.stereotype, item.antiStereotype, item.unrelated];
      if (new Set(s).size < 3) ctx.addIssue({ code: 'custom', path: ['items', i], message: 'two of the three sentences are identical' });
    });
  });

export type StereoSetProbe = z.infer<typeof stereoSetProbeSchema>;
export type StereoSetItem = z.infer<typeof stereoSetItemSchema>;
