// Summary of an association result (WEAT and SEAT on word vectors; the likelihood IAT on an LM
// shares the headline, groups and plain line, with its own direction sentence): the effect size d with
// the interval from the permutation test inverted beside its p, the bootstrap as a second, named
// stimulus-robust interval, one sentence when the two disagree about 0, the verdict under the one
// significance rule, the class-mode line (direction, Cohen's size class, chance) and the mean
// association of each target set (core/association/targetSetMeans.ts). Results of method version 1
// have no test interval: their headline shows the bootstrap only, named as the stimulus-robust one.
import { targetSetMeans } from '../../../core/association/targetSetMeans';
import type { AssociationResult, SetKey } from '../../../core/association/types';
import { COHEN_D_THRESHOLDS_TEXT, effectSizeClass } from '../../../core/effectSizeClass';
import { excludesNullValue } from '../../../core/intervals';
import { significanceOf, type Significance } from '../../../core/significance';
import { formatAdaptive, formatD, formatP, intervalText, pMethodText } from '../../numberFormat';
import type { FamilySummary, GroupSummary, Headline } from '../types';
import { headlineInterval } from './headline';

const properFirstWords = new Set(['european', 'african', 'american', 'asian', 'christian', 'muslim', 'jewish']);

/** "Pleasant" → "pleasant", but keep "European American names" as written. */
const lowerFirst = (label: string): string => {
  const first = label.split(/[\s-]+/)[0]?.toLowerCase() ?? '';
  if (properFirstWords.has(first)) return label;
  if (/^[A-Z][a-z]/.test(label)) return label[0]!.toLowerCase() + label.slice(1);
  return label;
};
const attributePhrase = (label: string): string => {
  const l = lowerFirst(label.trim());
  return /(s|words|terms)$/i.test(l) ? l : `${l} words`;
};
const capital = (s: string): string => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/** The target pair as one phrase: "Math terms … arts terms", "Flowers … insects". */
const targetPhrases = (first: string, second: string): [string, string] => {
  const bothPlural = /s$/i.test(first.trim()) && /s$/i.test(second.trim());
  const phrase = (l: string) => (bothPlural ? l.trim() : `${l.trim()} terms`.replace(/ terms terms$/, ' terms'));
  return [capital(phrase(first)), lowerFirst(phrase(second))];
};

/** "it asks only whether flowers are more associated with pleasant words than insects are" */
const testedDirection = (r: AssociationResult): string => {
  const [x, y] = targetPhrases(r.labels.X, r.labels.Y);
  return `it asks only whether ${lowerFirst(x)} are more associated with ${attributePhrase(r.labels.A)} than ${y} are`;
};

/** "Flowers are more associated with pleasant words than insects are" (the larger mean first). */
export function wordVectorDirection(r: AssociationResult): string {
  const labels: Record<SetKey, string> = r.labels;
  const d = r.effectSize as number;
  if (Number.isNaN(d)) return 'No direction: every target word has the same association, so d is undefined';
  const [subject, other] = d >= 0 ? targetPhrases(labels.X, labels.Y) : targetPhrases(labels.Y, labels.X);
  return `${subject} are more associated with ${attributePhrase(labels.A)} than ${other} are`;
}

/**
 * The numbers of a reading: "d = 1.17, 95% CI [0.52, ∞) (permutation test inverted), p = 0.0001
 * (Monte Carlo, 100,000 permutations), stimulus-robust 95% CI [0.63, 1.52]".
 */
export function associationNumbers(r: AssociationResult): string {
  const test = associationTestInterval(r);
  const robust = associationRobustInterval(r);
  return [
    `d = ${formatD(r.effectSize, 2)}`,
    test ? `${intervalText(test)} (permutation test inverted)` : '',
    `p = ${formatP(r.pValue)} (${pMethodText(r)})`,
    robust ? `stimulus-robust ${intervalText(robust)}` : 'no stimulus-robust CI (bootstrap off)',
  ]
    .filter(Boolean)
    .join(', ');
}

/** "a large effect", "a negligible effect"; "" when d is undefined. */
const sizePhrase = (d: number): string => {
  const size = effectSizeClass(d);
  return size === null ? '' : `a ${size} effect`;
};

/**
 * One sentence a non-specialist can read aloud: which way, how large (Cohen's class) and whether it
 * is significant, then the numbers, e.g. "Flowers are more associated with pleasant words than
 * insects are, a large effect; d = 1.17, 95% CI [0.52, ∞) (permutation test inverted), p = 0.0001
 * (Monte Carlo, 100,000 permutations), stimulus-robust 95% CI [0.63, 1.52]."
 * "Significant" is the verdict of the one rule (Holm-adjusted p when the batch adjusted it).
 */
export function wordVectorReading(r: AssociationResult, significant: boolean): string {
  const size = sizePhrase(r.effectSize);
  const claim = [wordVectorDirection(r), size].filter(Boolean).join(', ');
  return `${claim}${significant ? '' : ', but the difference is not statistically significant'}; ${associationNumbers(r)}.`;
}

/** The summary of a WEAT or SEAT result. */
export function summarizeWordVectorTest(r: AssociationResult): FamilySummary {
  const significance = associationSignificance(r);
  return {
    headline: associationHeadline(r),
    reading: wordVectorReading(r, significance?.significant ?? false),
    plain: associationPlain(r, significance, `${wordVectorDirection(r)}.`),
    significance,
    groups: associationGroups(r),
  };
}

/** What the bootstrap of an association test resamples, as the robust interval names it. */
export const ROBUST_RESAMPLED = 'the X, Y, A and B words';

/** The test interval as a headline shows it (unbounded sides ±∞); null when the result has none. */
export const associationTestInterval = (r: AssociationResult): Headline['ci'] => (r.testCi ? headlineInterval(r.testCi) : null);

/** The bootstrap CI of d as the stimulus-robust interval; null when the bootstrap was off. */
export const associationRobustInterval = (r: AssociationResult): NonNullable<Headline['robustCi']> | null =>
  r.ci ? { low: r.ci.low, high: r.ci.high, level: r.ci.level, resampled: ROBUST_RESAMPLED } : null;

/**
 * One sentence when the test interval and the stimulus-robust interval disagree about 0, saying why;
 * undefined when they agree or one is missing.
 */
export function associationIntervalNote(r: AssociationResult): string | undefined {
  if (!r.testCi || !r.ci) return undefined;
  const testExcludes = excludesNullValue(r.testCi);
  const robustExcludes = r.ci.low > 0 || r.ci.high < 0;
  if (testExcludes === robustExcludes) return undefined;
  if (testExcludes) {
    return 'The permutation test holds the chosen words fixed; resampling the X, Y, A and B words too gives an interval that crosses 0, so the result depends on which words were chosen.';
  }
  if (r.ci.high < 0) {
    return `The permutation test is one-sided (${testedDirection(r)}), so it cannot call the opposite direction significant, which the stimulus-robust interval (entirely below 0) points to; swap X and Y to test that direction.`;
  }
  return 'The stimulus-robust interval leaves out 0 but the permutation test does not reject: a bootstrap on this few words is too narrow, so go by the test.';
}

/**
 * "Effect size d = 1.110, 95% CI [0.52, ∞) (permutation test inverted), p = 0.0003; stimulus-robust
 * 95% CI [-0.48, 1.77]": the test interval beside p, the bootstrap after it, named.
 */
export function associationHeadline(r: AssociationResult): Headline {
  const ci = associationTestInterval(r);
  const robustCi = associationRobustInterval(r);
  const intervalNote = associationIntervalNote(r);
  const shown = formatAdaptive(r.effectSize);
  const text = [
    [`Effect size d = ${shown}`, ci ? `${intervalText(ci)} (permutation test inverted)` : '', `p = ${formatP(r.pValue)}`].filter(Boolean).join(', '),
    robustCi ? `stimulus-robust ${intervalText(robustCi)}` : '',
  ]
    .filter(Boolean)
    .join('; ');
  return { label: 'Effect size d', value: r.effectSize, shown, ci, robustCi, ...(intervalNote ? { intervalNote } : {}), p: r.pValue, pLabel: 'p', text };
}

export const associationSignificance = (r: AssociationResult): Significance | null => significanceOf(r.pValue, r.pHolm);

/** Mean s(w, A, B) of X's words and of Y's words, labelled with the sets' labels. */
export const associationGroups = (r: AssociationResult): GroupSummary[] =>
  targetSetMeans(r.items).map((g) => ({ label: r.labels[g.set], value: g.mean, n: g.n }));

/** "Large effect: |d| = 1.11; large is |d| ≥ 0.8, medium ≥ 0.5, small ≥ 0.2 (Cohen 1988)."; null when d is undefined. */
export function effectSizeMagnitude(d: number): string | null {
  const size = effectSizeClass(d);
  if (size === null) return null;
  return `${capital(size)} effect: |d| = ${formatD(Math.abs(d), 2)}; ${COHEN_D_THRESHOLDS_TEXT}.`;
}

/** Whether chance could explain the result, under the one significance rule, with the p it used. */
export function associationChance(r: AssociationResult, significance: Significance | null): string {
  if (!significance) return 'No test could be computed.';
  const p = `${significance.basis === 'holm' ? 'Holm-adjusted p' : 'p'} = ${formatP(significance.p)}`;
  if (significance.significant) return `Chance alone would rarely give a result this strong (${p}, one-sided permutation test).`;
  if ((r.effectSize as number) < 0) return `The test is one-sided (${testedDirection(r)}); in that direction chance could explain it (${p}).`;
  return `Chance could explain it (${p}).`;
}

/** The class-mode line for an association result, given the sentence that says which way it points. */
export const associationPlain = (r: AssociationResult, significance: Significance | null, direction: string): NonNullable<FamilySummary['plain']> => ({
  direction,
  magnitude: effectSizeMagnitude(r.effectSize),
  chance: associationChance(r, significance),
});

