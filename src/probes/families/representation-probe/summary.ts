// Summary of a representation probe: the asymmetry Δ of the two target concepts' alignment with the
// learned A-vs-B direction, with the interval from the permutation test inverted beside its p, the
// verdict under the one rule (core/significance.ts), each target concept's mean alignment as the
// groups, and the probe's training accuracy (a direction that does not separate A from B measures
// nothing, so the reading says so). Δ is a difference of cosines: no effect-size class applies.
import type { AnyRepresentationResult } from './result';
import { significanceOf } from '../../../core/significance';
import { formatAdaptive, formatP, formatPercent, intervalText, pMethodText } from '../../numberFormat';
import { chanceSentence, headlineInterval } from '../shared/headline';
import type { FamilySummary, GroupSummary, Headline } from '../types';

export const REPRESENTATION_HEADLINE_LABEL = 'Alignment asymmetry';

const lowerFirst = (label: string): string => (/^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label);
const capital = (s: string): string => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

export function representationDirection(r: AnyRepresentationResult): string {
  const [higher, lower] = r.difference >= 0 ? [r.labels.X, r.labels.Y] : [r.labels.Y, r.labels.X];
  return `${capital(higher)} lie further towards ${lowerFirst(r.labels.A)} (and away from ${lowerFirst(r.labels.B)}) than ${lowerFirst(lower)} do, along the direction a linear probe learned from the model's own vectors`;
}

export function representationHeadline(r: AnyRepresentationResult): Headline {
  const ci = headlineInterval(r.testCi);
  const shown = formatAdaptive(r.difference);
  return { label: REPRESENTATION_HEADLINE_LABEL, value: r.difference, shown, ci, p: r.pValue, pLabel: 'p', text: `${REPRESENTATION_HEADLINE_LABEL} = ${shown}, ${intervalText(ci)} (permutation test inverted), p = ${formatP(r.pValue)}` };
}

export const representationGroups = (r: AnyRepresentationResult): GroupSummary[] => [
  { label: r.labels.X, value: r.setMeans.X, n: r.sizes.X },
  { label: r.labels.Y, value: r.setMeans.Y, n: r.sizes.Y },
];

export function summarizeRepresentationProbe(r: AnyRepresentationResult): FamilySummary {
  const significance = significanceOf(r.pValue, r.pHolm);
  const headline = representationHeadline(r);
  const significant = significance?.significant ?? false;
  const probe = `the probe told ${lowerFirst(r.labels.A)} from ${lowerFirst(r.labels.B)} for ${formatPercent(r.probe.trainingAccuracy)} of their ${r.sizes.A + r.sizes.B} words${r.probe.trainingAccuracy < 1 ? ' (not all: the direction is a weak separation)' : ''}`;
  const numbers = [
    `${REPRESENTATION_HEADLINE_LABEL} = ${formatAdaptive(r.difference)}, ${intervalText(headline.ci!)} (permutation test inverted), p = ${formatP(r.pValue)} (${pMethodText(r)})`,
    `mean cosine with the direction: ${lowerFirst(r.labels.X)} ${formatAdaptive(r.setMeans.X)}, ${lowerFirst(r.labels.Y)} ${formatAdaptive(r.setMeans.Y)}`,
    probe,
  ].join('; ');
  const chance =
    significance && !significance.significant && r.difference < 0
      ? `The test is one-sided (it asks only whether ${lowerFirst(r.labels.X)} lie further towards ${lowerFirst(r.labels.A)}); in that direction chance could explain it (${significance.basis === 'holm' ? 'Holm-adjusted p' : 'p'} = ${formatP(significance.p)}).`
      : chanceSentence(significance, 'permutation p');
  return {
    headline,
    reading: `${representationDirection(r)}${significant ? '' : ', but the difference is not statistically significant'}; ${numbers}.`,
    plain: { direction: `${representationDirection(r)}.`, magnitude: null, chance },
    significance,
    groups: representationGroups(r),
  };
}
