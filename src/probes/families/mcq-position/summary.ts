// Multiple-choice position swaps are summarised by a rate (how often reordering alone changed the
// chosen answer), a descriptive number with no test: no significance verdict. Its Clopper–Pearson
// interval says how precisely the questions asked pin the rate down; it is not a test, so it comes
// with no p and no verdict.
import type { McqPositionResult } from '../../../core/lmRun/types';
import { formatPercent } from '../../numberFormat';
import { chanceSentence, headlineInterval, makeHeadline } from '../shared/headline';
import type { FamilySummary, Headline } from '../types';

export const mcqHeadline = (r: McqPositionResult): Headline =>
  makeHeadline('Answers changed by order', r.contentChangeRate, formatPercent(r.contentChangeRate), r.contentChangeCi ? headlineInterval(r.contentChangeCi) : null, null);

export const summarizeMcq = (r: McqPositionResult): FamilySummary => ({
  headline: mcqHeadline(r),
  reading: `Only reordering the options changed the chosen answer in ${formatPercent(r.contentChangeRate)} of ${r.questions} questions; choice rate by position ${r.choiceRate.map((x, i) => `${r.labels[i]} ${formatPercent(x)}`).join(', ')}${r.recall ? `, RStd of recall ${r.recall.rstd.toFixed(1)}` : ''}.`,
  plain: {
    direction: `Reordering the options alone changed the model's chosen answer in ${formatPercent(r.contentChangeRate)} of ${r.questions} questions; a model without position bias would keep its answer in every order.`,
    magnitude: r.recall
      ? `The recall of the correct answer varies across positions by RStd = ${r.recall.rstd.toFixed(1)} percentage points (Zheng et al. 2024; 0 means no position preference; they publish no size classes).`
      : null,
    chance: chanceSentence(null),
  },
  significance: null,
});
