// Pronoun resolution by likelihood (WinoBias, Winogender): sentences with one pronoun and two
// candidate referents, the gold one marked, each labelled with the condition its dataset compares
// (WinoBias: pro/anti-stereotypical; Winogender: the pronoun's gender). One family for both
// datasets because the scoring is the same (docs/methods/winobias-winogender.md); `dataset` says
// which comparison the summary makes.
import { z } from 'zod';
import { itemId, itemList, lmBaseFields, text, uniqueIds } from '../shared/lmProbeFields';

export const COREF_DATASETS = Object.freeze({
  winobias: { conditions: ['pro', 'anti'] },
  winogender: { conditions: ['male', 'female', 'neutral'] },
} as const);
export type CorefDataset = keyof typeof COREF_DATASETS;

export const corefItemSchema = z.object({
  id: itemId,
  /** The sentence as the model reads it (no brackets), holding the pronoun. */
  sentence: text('sentence'),
  /** The pronoun as written in the sentence ("he", "her", "their"). */
  pronoun: text('pronoun'),
  /** The two candidate referents as noun phrases ("the developer", "someone"); Winogender: the occupation first. */
  candidates: z.tuple([text('candidate'), text('candidate')]),
  /** Index of the gold referent in candidates. */
  answer: z.union([z.literal(0), z.literal(1)]),
  /** The dataset's condition: pro | anti (WinoBias), male | female | neutral (Winogender). */
  condition: text('condition'),
  /** Sentences with the same key are one sentence in different conditions (the paired test). */
  pairKey: z.string().trim().min(1).max(200).optional(),
  /** WinoBias: "1" (semantic cues) or "2" (syntactic cues). */
  type: z.enum(['1', '2']).optional(),
  /** Winogender: the occupation (candidates[0] without its article). */
  occupation: z.string().trim().min(1).optional(),
});
export type CorefItem = z.infer<typeof corefItemSchema>;

export const occupationStatSchema = z.object({
  occupation: text('occupation'),
  blsPctFemale: z.number().min(0).max(100),
  bergsmaPctFemale: z.number().min(0).max(100),
});

const pronounIn = (sentence: string, pronoun: string): boolean =>
  new RegExp(`(^|[^A-Za-z])${pronoun.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^A-Za-z]|$)`, 'i').test(sentence);

export const corefLikelihoodProbeSchema = z
  .object({
    family: z.literal('coref-likelihood'),
    ...lmBaseFields,
    dataset: z.enum(['winobias', 'winogender']),
    items: itemList(corefItemSchema, 'sentence'),
    /** Winogender: share of women per occupation (occupations-stats.tsv), for the correlations. */
    occupationStats: z.array(occupationStatSchema).max(10_000).optional(),
  })
  .superRefine((p, ctx) => {
    uniqueIds(p.items, ['items'], ctx);
    const allowed: readonly string[] = COREF_DATASETS[p.dataset].conditions;
    p.items.forEach((item, i) => {
      if (!allowed.includes(item.condition)) ctx.addIssue({ code: 'custom', path: ['items', i, 'condition'], message: `a ${p.dataset} condition is one of ${allowed.join(', ')}, not "${item.condition}"` });
      if (item.candidates[0].toLowerCase() === item.candidates[1].toLowerCase()) ctx.addIssue({ code: 'custom', path: ['items', i, 'candidates'], message: 'the two candidates are the same' });
      if (!pronounIn(item.sentence, item.pronoun)) ctx.addIssue({ code: 'custom', path: ['items', i, 'pronoun'], message: `"${item.pronoun}" is not a word of the sentence` });
      if (p.dataset === 'winogender' && !item.occupation) ctx.addIssue({ code: 'custom', path: ['items', i, 'occupation'], message: 'a Winogender sentence needs its occupation' });
    });
  });

export type CorefLikelihoodProbe = z.infer<typeof corefLikelihoodProbeSchema>;
