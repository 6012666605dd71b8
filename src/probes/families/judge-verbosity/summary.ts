// Judge verbosity: the headline is the padded share among the items length decided, with the exact
// binomial p and the Clopper–Pearson interval that inverts it (so interval and p belong together);
// when length decided no item, the second-position share among the items position decided, with
// its own test; when neither, the class counts with no verdict. The reading gives both effects.
import type { JudgeVerbosityResult } from '../../../core/lmRun/judgeVerbosity';
import { significanceOf } from '../../../core/significance';
import { formatAdaptive, formatP, formatPercent } from '../../numberFormat';
import { chanceSentence, headlineInterval, makeHeadline, proportionMagnitude } from '../shared/headline';
import type { FamilySummary, Headline } from '../types';

export const PADDED_SHARE_LABEL = 'Padded answer wins when length decided';

export function judgeVerbosityHeadline(r: JudgeVerbosityResult): Headline {
  const s = r.summary;
  if (s.lengthTest) return makeHeadline(PADDED_SHARE_LABEL, s.paddedShare, formatPercent(s.paddedShare), headlineInterval(s.lengthTest.ci), s.lengthTest.pValue, 'padded vs short p');
  if (s.positionTest) return makeHeadline('Second-position wins when order decided', s.secondShare, formatPercent(s.secondShare), headlineInterval(s.positionTest.ci), s.positionTest.pValue, 'first vs second p');
  return makeHeadline('Items decided by length or order', 0, `0 of ${s.items}`, null, null);
}

const positionSentence = (s: JudgeVerbosityResult['summary']): string =>
  s.positionTest
    ? `order decided ${s.first + s.second}: the ${s.second >= s.first ? 'second' : 'first'} position won ${Math.max(s.first, s.second)} of them (second-position share ${formatPercent(s.secondShare)}, first vs second p = ${formatP(s.positionTest.pValue)})`
    : 'order decided none';

export function summarizeJudgeVerbosity(r: JudgeVerbosityResult): FamilySummary {
  const s = r.summary;
  const significance = significanceOf(s.lengthTest?.pValue ?? s.positionTest?.pValue ?? null);
  const decidedByLength = s.padded + s.short;
  const lengthSentence = s.lengthTest
    ? `length decided ${decidedByLength} of ${s.items} items: the padded answer won ${s.padded} (${formatPercent(s.paddedShare)}, padded vs short p = ${formatP(s.lengthTest.pValue)})`
    : `length decided none of ${s.items} items, so the preference for the longer answer cannot be tested`;
  const direction = s.lengthTest
    ? s.padded === s.short
      ? `When length decided, the judge picked the padded and the short answer equally often (${s.padded} each).`
      : `When length decided, the judge preferred the ${s.padded > s.short ? 'padded (longer)' : 'short'} answer: ${Math.max(s.padded, s.short)} of ${decidedByLength} items.`
    : `No item was decided by length: ${s.first + s.second} were decided by position and ${s.tie} tied.`;
  return {
    headline: judgeVerbosityHeadline(r),
    reading: `Judged short vs padded in both orders, ${lengthSentence}; ${positionSentence(s)}${s.tie ? `; ${s.tie} tied` : ''}. Mean length margin ${Number.isFinite(s.meanLengthMargin) ? formatAdaptive(s.meanLengthMargin) : '—'} log-prob (positive = the padded answer's label more likely).`,
    plain: {
      direction,
      magnitude: s.lengthTest ? proportionMagnitude(s.paddedShare) : s.positionTest ? proportionMagnitude(s.secondShare) : null,
      chance: chanceSentence(significance, s.lengthTest ? 'padded vs short p' : 'first vs second p'),
    },
    significance,
  };
}
