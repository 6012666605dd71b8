// Summary of an association result (WEAT and SEAT on word vectors; the likelihood IAT on an LM
// shares the headline and groups, with its own reading): the effect size d with its CI and
// permutation p, the verdict under the one significance rule, and the mean association of each
// target set (core/association/targetSetMeans.ts).
import { targetSetMeans } from '../../../core/association/targetSetMeans';
import type { AssociationResult, SetKey } from '../../../core/association/types';
import { significanceOf, type Significance } from '../../../core/significance';
import { ciText, formatD, formatP, pMethodText } from '../../numberFormat';
import type { FamilySummary, GroupSummary, Headline } from '../types';
import { makeHeadline } from './headline';

export const associationHeadline = (r: AssociationResult): Headline => makeHeadline('Effect size d', r.effectSize, formatD(r.effectSize), r.ci, r.pValue);

export const associationSignificance = (r: AssociationResult): Significance | null => significanceOf(r.pValue, r.pHolm);

/** Mean s(w, A, B) of X's words and of Y's words, labelled with the sets' labels. */
export const associationGroups = (r: AssociationResult): GroupSummary[] =>
  targetSetMeans(r.items).map((g) => ({ label: r.labels[g.set], value: g.mean, n: g.n }));

const properFirstWords = new Set(['european', 'african', 'american', 'asian', 'christian', 'muslim', 'jewish']);

/** "Pleasant" → "pleasant", but keep "European American names" as written. */
const lowerFirst = (label: string): string => {
  const first = label.split(/\s+/)[0]?.toLowerCase() ?? '';
  if (properFirstWords.has(first)) return label;
  if (/^[A-Z][a-z]/.test(label)) return label[0]!.toLowerCase() + label.slice(1);
  return label;
};
const attributePhrase = (label: string): string => {
  const l = lowerFirst(label.trim());
  return /(s|words|terms)$/i.test(l) ? l : `${l} words`;
};
const capital = (s: string): string => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/**
 * One sentence a non-specialist can read aloud, e.g.
 * "Flowers are more associated with pleasant words than insects are; d = 1.17, 95% CI [0.63, 1.52],
 * p = 0.0001 (Monte Carlo, 100,000 permutations)."
 * "Significant" is the verdict of the one rule (Holm-adjusted p when the batch adjusted it).
 */
export function wordVectorReading(r: AssociationResult, significant: boolean): string {
  const labels: Record<SetKey, string> = r.labels;
  const d = r.effectSize as number;
  const [first, second] = d >= 0 ? [labels.X, labels.Y] : [labels.Y, labels.X];
  const numbers = `d = ${formatD(d, 2)}, ${ciText(r)}, p = ${formatP(r.pValue)} (${pMethodText(r)})`;
  // Consistent phrasing for the pair: "Math terms … than arts terms", "Flowers … than insects".
  const bothPlural = /s$/i.test(first.trim()) && /s$/i.test(second.trim());
  const phrase = (l: string) => (bothPlural ? l.trim() : `${l.trim()} terms`.replace(/ terms terms$/, ' terms'));
  const subject = capital(phrase(first));
  const other = lowerFirst(phrase(second));
  const attr = attributePhrase(labels.A);
  if (significant) return `${subject} are more associated with ${attr} than ${other} are; ${numbers}.`;
  return `${subject} are only slightly more associated with ${attr} than ${other} are, and the difference is not statistically significant; ${numbers}.`;
}

/** The summary of a WEAT or SEAT result. */
export function summarizeWordVectorTest(r: AssociationResult): FamilySummary {
  const significance = associationSignificance(r);
  return {
    headline: associationHeadline(r),
    reading: wordVectorReading(r, significance?.significant ?? false),
    significance,
    groups: associationGroups(r),
  };
}
