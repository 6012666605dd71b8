// Likelihood IAT: WEAT's four word sets, with s(w, A, B) read from an LM's log-probability of each
// attribute after a template holding the target.
import { z } from 'zod';
import type { Assert, MatchesCore } from '../shared/matchesCore';
import { type LmIatDefinition } from '../../../core/lmRun/definitions';
import { addTemplateIssues, text, lmBaseFields } from '../shared/lmProbeFields';
import { wordSetSchema } from '../../probeFields';

/** The likelihood IAT's fields: the four word sets and the frames (the human IAT's LM side takes them too). */
export const lmIatFields = {
  ...lmBaseFields,
  targets: z.object({ X: wordSetSchema, Y: wordSetSchema }),
  attributes: z.object({ A: wordSetSchema, B: wordSetSchema }),
  templates: z.array(text('template')).min(1, 'needs at least one template'),
};

/** Each frame holds {target} before {attribute}; no word is in both sets of a pair. */
export function checkLmIatFields(
  p: { targets: Record<'X' | 'Y', { words: string[] }>; attributes: Record<'A' | 'B', { words: string[] }>; templates: string[] },
  ctx: z.RefinementCtx,
): void {
  p.templates.forEach((t, i) => {
    addTemplateIssues(ctx, ['templates', i], t, ['target', 'attribute'], ['target', 'attribute']);
    if (t.indexOf('{attribute}') >= 0 && t.indexOf('{target}') > t.indexOf('{attribute}')) {
      ctx.addIssue({
        code: 'custom',
        path: ['templates', i],
        message: 'template must put {target} before {attribute} (the attribute is scored as a continuation of the text with the target)',
      });
    }
  });
  for (const [group, a, b] of [['targets', 'X', 'Y'], ['attributes', 'A', 'B']] as const) {
    const sets = p[group] as Record<string, { words: string[] }>;
    const inB = new Set(sets[b]!.words);
    const both = sets[a]!.words.filter((w) => inB.has(w));
    if (both.length) ctx.addIssue({ code: 'custom', path: [group], message: `"${both[0]}" is in both ${a} and ${b}` });
  }
}

export const lmIatProbeSchema = z.object({ family: z.literal('lm-iat'), ...lmIatFields }).superRefine(checkLmIatFields);

export type LmIatProbe = z.infer<typeof lmIatProbeSchema>;

// Compile-time check: the parsed probe is what the core orchestration reads (core/lmRun/definitions.ts).
export type _MatchesCore = Assert<MatchesCore<LmIatProbe, LmIatDefinition>>;
