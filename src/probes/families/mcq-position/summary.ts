// Multiple-choice position swaps are summarised by a rate (how often reordering alone changed the
// chosen answer), a descriptive number with no test: no significance verdict.
import type { McqPositionResult } from '../../../core/lmRun/types';
import { formatPercent } from '../../numberFormat';
import { makeHeadline } from '../shared/headline';
import type { FamilySummary, Headline } from '../types';

export const mcqHeadline = (r: McqPositionResult): Headline =>
  makeHeadline('Answers changed by order', r.contentChangeRate, formatPercent(r.contentChangeRate), null, null);

export const summarizeMcq = (r: McqPositionResult): FamilySummary => ({
  headline: mcqHeadline(r),
  reading: `Only reordering the options changed the chosen answer in ${formatPercent(r.contentChangeRate)} of ${r.questions} questions; choice rate by position ${r.choiceRate.map((x, i) => `${r.labels[i]} ${formatPercent(x)}`).join(', ')}${r.recall ? `, RStd of recall ${r.recall.rstd.toFixed(1)}` : ''}.`,
  significance: null,
});
