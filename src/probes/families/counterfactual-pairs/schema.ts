// Counterfactual sentence pairs (CrowS-Pairs style, Nangia et al. 2020): two sentences that differ only
// in the group mentioned, scored by the LM (causal log-prob, or masked pseudo-log-likelihood).
import { z } from 'zod';
import type { Assert, MatchesCore } from '../shared/matchesCore';
import { type CounterfactualPairsDefinition } from '../../../core/lmRun/definitions';
import { text, itemId, lmBaseFields, itemList, uniqueIds } from '../shared/lmProbeFields';

export const counterfactualPairSchema = z.object({
  id: itemId,
  more: text('sentence'),
  less: text('sentence'),
  category: z.string().trim().min(1).optional(),
  direction: z.enum(['stereo', 'antistereo']).optional(),
  note: z.string().max(2000).optional(),
});

export const counterfactualPairsProbeSchema = z
  .object({
    family: z.literal('counterfactual-pairs'),
    ...lmBaseFields,
    scoring: z.enum(['causal-full', 'causal-mean', 'masked-pll']).default('causal-full'),
    pairs: itemList(counterfactualPairSchema, 'pair'),
  })
  .superRefine((p, ctx) => {
    uniqueIds(p.pairs, ['pairs'], ctx);
    p.pairs.forEach((pair, i) => {
      if (pair.more === pair.less) ctx.addIssue({ code: 'custom', path: ['pairs', i], message: 'the two sentences are identical' });
    });
  });

export type CounterfactualPairsProbe = z.infer<typeof counterfactualPairsProbeSchema>;

// Compile-time check: the parsed probe is what the core orchestration reads (core/lmRun/definitions.ts).
export type _MatchesCore = Assert<MatchesCore<CounterfactualPairsProbe, CounterfactualPairsDefinition>>;
