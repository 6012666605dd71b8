// Counterfactual templates: one template with a group slot and other slots; every fill is scored
// with each group's term (paired by index), and the two log-probs compared.
import { z } from 'zod';
import type { Assert, MatchesCore } from '../shared/matchesCore';
import { type CounterfactualTemplateDefinition } from '../../../core/lmRun/definitions';
import { parseTemplate } from '../../../core/lm/templates/templateSlots';
import { MAX_WORDS_PER_SET } from '../../probeFields';
import { SLOT_NAME_RE, slotName, templateProblems, addTemplateIssues, text, itemId, lmBaseFields, labelledTerms } from '../shared/lmProbeFields';

const slotValueSchema = z.union([
  text('slot value'),
  z.object({ value: text('slot value'), stereotype: z.string().trim().min(1).optional() }),
]);

export const counterfactualTemplateProbeSchema = z
  .object({
    family: z.literal('counterfactual-template'),
    ...lmBaseFields,
    template: text('template'),
    groupSlot: slotName.default('group'),
    groups: z.tuple([labelledTerms.extend({ id: itemId }), labelledTerms.extend({ id: itemId })]),
    slots: z.record(z.string(), z.array(slotValueSchema).min(1, 'a slot needs at least one value').max(MAX_WORDS_PER_SET)),
    scoring: z.enum(['auto', 'conditional', 'shared-prefix', 'full-sentence']).default('auto'),
  })
  .superRefine((p, ctx) => {
    const slotNames = Object.keys(p.slots);
    for (const name of slotNames) {
      if (!SLOT_NAME_RE.test(name)) ctx.addIssue({ code: 'custom', path: ['slots', name], message: `"${name}" is not a valid slot name` });
      if (name === p.groupSlot) ctx.addIssue({ code: 'custom', path: ['slots', name], message: `{${name}} is the group slot; its values are the group terms` });
    }
    const allowed = [p.groupSlot, ...slotNames];
    const problems = templateProblems(p.template, allowed, allowed);
    addTemplateIssues(ctx, ['template'], p.template, allowed, allowed);
    if (problems.length === 0) {
      const parts = parseTemplate(p.template);
      const groupUses = parts.filter((x) => x.kind === 'slot' && x.slot === p.groupSlot).length;
      if (groupUses > 1 && p.scoring !== 'full-sentence') {
        ctx.addIssue({ code: 'custom', path: ['template'], message: `{${p.groupSlot}} occurs ${groupUses} times; continuation scoring needs it once (or use scoring "full-sentence")` });
      }
      const last = parts.at(-1);
      const groupLast = parts.filter((x) => x.kind === 'slot').at(-1);
      if (p.scoring === 'conditional' && groupLast?.kind === 'slot' && groupLast.slot === p.groupSlot) {
        ctx.addIssue({
          code: 'custom',
          path: ['scoring'],
          message: `"conditional" scores the text after {${p.groupSlot}} given the text up to it, but no slot follows {${p.groupSlot}}${last?.kind === 'text' ? ` (only "${last.text}")` : ''}; use "shared-prefix" or "auto"`,
        });
      }
    }
    const [g0, g1] = p.groups;
    if (g0.id === g1.id) ctx.addIssue({ code: 'custom', path: ['groups', 1, 'id'], message: `both groups have id "${g0.id}"` });
    if (g0.terms.length !== g1.terms.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['groups'],
        message: `the groups are compared term by term, so they need the same number of terms (${g0.terms.length} vs ${g1.terms.length})`,
      });
    }
    const ids = new Set([g0.id, g1.id]);
    const annotated = new Set<string>();
    for (const [name, values] of Object.entries(p.slots)) {
      values.forEach((v, i) => {
        if (typeof v === 'object' && v.stereotype !== undefined) {
          annotated.add(name);
          if (!ids.has(v.stereotype)) {
            ctx.addIssue({ code: 'custom', path: ['slots', name, i, 'stereotype'], message: `unknown group "${v.stereotype}"; the groups are ${[...ids].map((x) => `"${x}"`).join(', ')}` });
          }
        }
      });
    }
    if (annotated.size > 1) {
      ctx.addIssue({ code: 'custom', path: ['slots'], message: `stereotype annotations may be on one slot only (found on ${[...annotated].join(', ')})` });
    }
  });

export type CounterfactualTemplateProbe = z.infer<typeof counterfactualTemplateProbeSchema>;

// Compile-time check: the parsed probe is what the core orchestration reads (core/lmRun/definitions.ts).
export type _MatchesCore = Assert<MatchesCore<CounterfactualTemplateProbe, CounterfactualTemplateDefinition>>;
