// Schema parts the language-model families share: item ids and lists, labelled term groups,
// generation settings, and the template check. Each family's schema.ts composes them; kept in one
// file so that a rule (an item id's characters, the item limit, what a template may contain) is
// stated once for every family.
//
// Slot rule (the same sentence in core/lm/templates/templateSlots.ts and core/lmRun/definitions.ts):
// a slot is `{name}`; the parser (core/lm/templates/templateSlots.ts) reads name =
// [A-Za-z_][A-Za-z0-9_-]* and "{{" / "}}" as literal braces. A probe's own slot names (group slot,
// attribute and template slots) are stricter, [A-Za-z_][A-Za-z0-9_]* (SLOT_NAME_RE below), and a
// template may use only the slots its probe declares, so in a valid probe a slot name never holds a
// dash. Checked here, with the path of the offending template: an unknown slot is an error naming
// it, and a template must use every required slot.
import { z } from 'zod';
import { TemplateSyntaxError } from '../../../core/errors';
import { templateSlots } from '../../../core/lm/templates/templateSlots';
import { MAX_WORDS_PER_SET, probeBaseFields } from '../../probeFields';

/**
 * Most items (pairs, questions, prompts) one LM probe may hold. Large enough for a CrowS-Pairs-
 * format file many times the size of the original (1,508 pairs), so a big import is read whole;
 * it bounds the run (two scorings per pair) and the run record kept in IndexedDB.
 */
export const MAX_LM_ITEMS = 100_000;

/** A slot name a probe may declare (the group slot, a decision attribute, a template slot). */
export const SLOT_NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
export const slotName = z.string().regex(SLOT_NAME_RE, 'slot names are letters, digits and _');

/**
 * Problems of a template against the slots allowed and required (empty = fine). Parsing is the
 * core's (src/core/lm/templates/templateSlots.ts), so the editor rejects exactly what the
 * orchestration could not fill.
 */
export const templateProblems = (template: string, allowed: readonly string[], required: readonly string[] = []): string[] => {
  let used: string[];
  try {
    used = templateSlots(template);
  } catch (e) {
    return [e instanceof TemplateSyntaxError ? e.message.replace(/ in template ".*"$/s, '') : String(e)];
  }
  const problems: string[] = [];
  const unknown = used.filter((s) => !allowed.includes(s));
  if (unknown.length > 0) {
    problems.push(
      `uses unknown slot${unknown.length === 1 ? '' : 's'} ${unknown.map((s) => `{${s}}`).join(', ')}; ` +
        `the slots here are ${allowed.length ? allowed.map((s) => `{${s}}`).join(', ') : 'none'}`,
    );
  }
  const missing = required.filter((s) => !used.includes(s));
  if (missing.length > 0) problems.push(`must contain ${missing.map((s) => `{${s}}`).join(', ')}`);
  return problems;
};

export const addTemplateIssues = (
  ctx: z.RefinementCtx,
  path: PropertyKey[],
  template: string,
  allowed: readonly string[],
  required: readonly string[] = [],
): void => {
  for (const message of templateProblems(template, allowed, required)) ctx.addIssue({ code: 'custom', path, message: `template ${message}` });
};

export const text = (what: string) => z.string().trim().min(1, `empty ${what}`);

export const itemId = z
  .string()
  .trim()
  .min(1, 'empty id')
  .max(120)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'item ids are letters, digits and . _ : -');

export const lmBaseFields = {
  ...probeBaseFields,
  /** Where the items come from (written for this project, imported from a file, …). */
  source: z.string().max(2000).optional(),
};

export const itemList = <T extends z.ZodType>(schema: T, what: string) =>
  z.array(schema).min(1, `needs at least one ${what}`).max(MAX_LM_ITEMS, `at most ${MAX_LM_ITEMS.toLocaleString('en-US')} ${what}s`);

/** Item ids must be unique within their list. */
export const uniqueIds = (list: readonly { id: string }[], path: PropertyKey[], ctx: z.RefinementCtx): void => {
  const seen = new Set<string>();
  list.forEach((item, i) => {
    if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [...path, i, 'id'], message: `duplicate id "${item.id}"` });
    seen.add(item.id);
  });
};

export const labelledTerms = z.object({
  label: text('label'),
  terms: z.array(text('term')).min(1, 'needs at least one term').max(MAX_WORDS_PER_SET),
});

export const generationSchema = z.object({
  maxNewTokens: z.number().int().min(1).max(2048),
  temperature: z.number().min(0).max(5),
  topK: z.number().int().min(1).optional(),
  /**
   * Send each prompt as one user message through the model's chat template, when its tokenizer has
   * one (instruction models expect it; Bai et al. prompted chat models). Absent = true; false = raw
   * text. Whether a template was applied is recorded in the result.
   */
  chatTemplate: z.boolean().optional(),
});

/** Bai et al. (2024): a default and a stigmatised group, their terms paired by index. */
export const twoGroups = z.object({ default: labelledTerms, stigma: labelledTerms });

export const pairedGroups = (p: { groups: { default: { terms: string[] }; stigma: { terms: string[] } } }, ctx: z.RefinementCtx): void => {
  if (p.groups.default.terms.length !== p.groups.stigma.terms.length) {
    ctx.addIssue({
      code: 'custom',
      path: ['groups'],
      message: `default and stigma terms are paired by index, so they need the same number (${p.groups.default.terms.length} vs ${p.groups.stigma.terms.length})`,
    });
  }
};

