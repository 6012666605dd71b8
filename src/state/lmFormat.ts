// The headline and plain-language reading of a result of any family, and the families' titles, as
// the screens that still import them from here read them. Each family words its own
// (probes/families/<id>/summary.ts); nothing here switches on a family name.
import type { RunResult } from '../core/runRecord';
import { FAMILY_IDS, familyOf } from '../probes/families';
import type { Headline } from '../probes/families/types';

export type { Headline };

/** The one number a family is summarised by, with the prompt families' count of readable answers. */
export const lmHeadline = (r: RunResult): Headline => familyOf(r.kind).headline(r);

/** One sentence a non-specialist can read aloud. */
export const lmReading = (r: RunResult): string => familyOf(r.kind).summarize(r).reading;

/** The language-model families' titles (word-vector families are shown by their id here, as before). */
export const FAMILY_TITLE: Record<string, string> = Object.fromEntries(FAMILY_IDS.filter((id) => familyOf(id).modality === 'lm').map((id) => [id, familyOf(id).title]));
