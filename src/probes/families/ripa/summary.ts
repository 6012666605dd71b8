// Summary of a RIPA result: the difference of the two target sets' RIPA with the interval from the
// permutation test inverted beside its p, the bootstrap over attribute pairs as the named
// stimulus-robust interval, one sentence when the two disagree about 0, the verdict under the one
// rule (core/significance.ts) and each set's RIPA (WEFE's number for that set) as the groups. RIPA
// is an inner product in the vectors' own units, so no effect-size class applies.
import type { RipaResult } from '../../../core/association/ripa';
import { significanceOf } from '../../../core/significance';
import { formatAdaptive, formatP, intervalText, pMethodText } from '../../numberFormat';
import { chanceSentence, headlineExcludes, headlineInterval } from '../shared/headline';
import type { FamilySummary, GroupSummary, Headline } from '../types';

export const RIPA_HEADLINE_LABEL = 'RIPA difference';

const lowerFirst = (label: string): string => (/^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label);
const capital = (s: string): string => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/** "the male terms − female terms direction" */
const relationPhrase = (r: RipaResult): string => `the ${lowerFirst(r.labels.first)} − ${lowerFirst(r.labels.second)} direction`;

/** "Career words lean further towards male terms than family words do (along the male terms − female terms direction)". */
export function ripaDirection(r: RipaResult): string {
  const [higher, lower] = r.difference >= 0 ? [r.labels.X, r.labels.Y] : [r.labels.Y, r.labels.X];
  return `${capital(higher)} lean further towards ${lowerFirst(r.labels.first)} than ${lowerFirst(lower)} do (along ${relationPhrase(r)})`;
}

/** One sentence when the test interval and the interval over pairs disagree about 0; undefined otherwise. */
export function ripaIntervalNote(r: RipaResult): string | undefined {
  if (!r.robustCi) return undefined;
  const ci = headlineInterval(r.testCi);
  const testExcludes = headlineExcludes(ci, 0);
  const robustExcludes = r.robustCi.low > 0 || r.robustCi.high < 0;
  if (testExcludes === robustExcludes) return undefined;
  if (testExcludes) return 'The permutation test holds the attribute pairs fixed; resampling the pairs gives an interval that crosses 0, so the result depends on which pairs were chosen.';
  if (r.robustCi.high < 0) return `The permutation test is one-sided (it asks only whether ${lowerFirst(r.labels.X)} lean further towards ${lowerFirst(r.labels.first)} than ${lowerFirst(r.labels.Y)}), so it cannot call the opposite direction significant; swap X and Y to test that direction.`;
  return 'The interval over the attribute pairs leaves out 0 but the permutation test does not reject: go by the test.';
}

export function ripaHeadline(r: RipaResult): Headline {
  const ci = headlineInterval(r.testCi);
  const robustCi = r.robustCi ? { low: r.robustCi.low, high: r.robustCi.high, level: r.robustCi.level, resampled: r.robustCi.resampled } : null;
  const intervalNote = ripaIntervalNote(r);
  const shown = formatAdaptive(r.difference);
  const text = [
    `${RIPA_HEADLINE_LABEL} = ${shown}, ${intervalText(ci)} (permutation test inverted), p = ${formatP(r.pValue)}`,
    robustCi ? `stimulus-robust ${intervalText(robustCi)} (resampling ${robustCi.resampled})` : '',
  ]
    .filter(Boolean)
    .join('; ');
  return { label: RIPA_HEADLINE_LABEL, value: r.difference, shown, ci, robustCi, ...(intervalNote ? { intervalNote } : {}), p: r.pValue, pLabel: 'p', text };
}

/** Each target set's RIPA: the mean over its words of their mean inner product with the pairs' relation vectors. */
export const ripaGroups = (r: RipaResult): GroupSummary[] => [
  { label: r.labels.X, value: r.setMeans.X, n: r.sizes.X },
  { label: r.labels.Y, value: r.setMeans.Y, n: r.sizes.Y },
];

const pairCount = (r: RipaResult): string =>
  `${r.pairs.length} attribute pair${r.pairs.length === 1 ? '' : 's'}${r.droppedPairs.length > 0 ? ` (${r.droppedPairs.length} dropped: ${r.droppedPairs.map((p) => `${p.first}/${p.second}, ${p.reason}`).join('; ')})` : ''}`;

export function summarizeRipa(r: RipaResult): FamilySummary {
  const significance = significanceOf(r.pValue, r.pHolm);
  const headline = ripaHeadline(r);
  const significant = significance?.significant ?? false;
  const numbers = [
    `RIPA difference = ${formatAdaptive(r.difference)}, ${intervalText(headline.ci!)} (permutation test inverted), p = ${formatP(r.pValue)} (${pMethodText(r)})`,
    headline.robustCi ? `stimulus-robust ${intervalText(headline.robustCi)} over the attribute pairs` : 'no interval over the attribute pairs (one pair, or bootstrap off)',
    `RIPA of ${lowerFirst(r.labels.X)} ${formatAdaptive(r.setMeans.X)}, of ${lowerFirst(r.labels.Y)} ${formatAdaptive(r.setMeans.Y)}, over ${pairCount(r)}`,
  ].join('; ');
  const reading = `${ripaDirection(r)}${significant ? '' : ', but the difference is not statistically significant'}; ${numbers}.`;
  const chance =
    significance && !significance.significant && r.difference < 0
      ? `The test is one-sided (it asks only whether ${lowerFirst(r.labels.X)} lean further towards ${lowerFirst(r.labels.first)}); in that direction chance could explain it (${significance.basis === 'holm' ? 'Holm-adjusted p' : 'p'} = ${formatP(significance.p)}).`
      : chanceSentence(significance, 'permutation p');
  return {
    headline,
    reading,
    plain: { direction: `${ripaDirection(r)}.`, magnitude: null, chance },
    significance,
    groups: ripaGroups(r),
  };
}
