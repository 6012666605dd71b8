// A result's summary as every screen shows it: its family's summary, plus the one sentence no family
// can write alone. A family's interval inverts its test's own p, but in a batch the Holm-adjusted p
// decides the verdict (core/significance.ts), so a card could show an interval that leaves out zero
// beside "Not significant (Holm)". When that happens the headline's interval note says which decided
// (core/significance.ts holmDecidesNote), appended to whatever the family already noted.
import { holmDecidesNote } from '../../core/significance';
import { familyOf, type AnyResult } from './index';
import { headlineExcludes } from './shared/headline';
import type { FamilySummary } from './types';

export function summarizeResult(result: AnyResult): FamilySummary {
  const summary = familyOf(result.kind).summarize(result);
  const ci = summary.headline.ci;
  const excludes = ci && ci.nullValue !== undefined ? headlineExcludes(ci, ci.nullValue) : null;
  const note = holmDecidesNote(summary.significance, excludes);
  if (!note) return summary;
  const intervalNote = [summary.headline.intervalNote, note].filter(Boolean).join(' ');
  return { ...summary, headline: { ...summary.headline, intervalNote } };
}
