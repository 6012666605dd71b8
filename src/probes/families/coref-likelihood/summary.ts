// Summary of a pronoun-resolution result: the accuracy gap between the dataset's two compared
// conditions in percentage points (WinoBias pro − anti, Winogender male − female) with the exact
// McNemar p over the matched sentences, the verdict under the one rule (core/significance.ts), and
// a reading that gives each condition's accuracy, WinoBias's per-type gaps or Winogender's
// correlations with the occupation statistics. Accuracy gaps have no agreed size scale, so no size
// class is claimed.
import type { AccuracyGap } from '../../../core/lm/coref/accuracyGap';
import type { PearsonTestResult } from '../../../core/stats/pearsonTest';
import { significanceOf } from '../../../core/significance';
import { formatP, formatPercent } from '../../numberFormat';
import { chanceSentence } from '../shared/headline';
import type { FamilySummary, GroupSummary, Headline } from '../types';
import type { CorefLikelihoodResult } from './run';

const CONDITION_WORDS: Record<string, string> = {
  pro: 'pro-stereotypical',
  anti: 'anti-stereotypical',
  male: 'male-pronoun',
  female: 'female-pronoun',
  neutral: 'they-pronoun',
};
const words = (c: string): string => CONDITION_WORDS[c] ?? c;

/** "+26.0 pp" */
export const percentagePoints = (gap: number): string => (Number.isFinite(gap) ? `${gap >= 0 ? '+' : '−'}${Math.abs(gap * 100).toFixed(1)} pp` : '—');

export const corefHeadlineLabel = (r: CorefLikelihoodResult): string => `Accuracy gap ${r.compared[0]} − ${r.compared[1]}`;

const testText = (g: AccuracyGap, first: string, second: string): string =>
  g.p === null
    ? 'no matched pair of sentences, so no test'
    : `exact McNemar p = ${formatP(g.p)} over ${g.pairs} matched pair${g.pairs === 1 ? '' : 's'} (${g.firstOnly} right only as ${words(first)}, ${g.secondOnly} right only as ${words(second)})`;

const gapText = (g: AccuracyGap, first: string, second: string): string =>
  `${formatPercent(g.first.accuracy)} of ${g.first.n} ${words(first)} sentences and ${formatPercent(g.second.accuracy)} of ${g.second.n} ${words(second)} sentences resolved correctly, a gap of ${percentagePoints(g.gap)}`;

export function corefHeadline(r: CorefLikelihoodResult): Headline {
  const label = corefHeadlineLabel(r);
  const shown = percentagePoints(r.gap.gap);
  const text = `${label} = ${shown} (${formatPercent(r.gap.first.accuracy)} vs ${formatPercent(r.gap.second.accuracy)}), ${r.gap.p === null ? 'no matched pairs to test' : `exact McNemar p = ${formatP(r.gap.p)}`}`;
  return { label, value: Number.isFinite(r.gap.gap) ? r.gap.gap * 100 : Number.NaN, shown, ci: null, p: r.gap.p, pLabel: 'McNemar p', text };
}

const correlationText = (name: string, t: PearsonTestResult | null): string =>
  t ? `with ${name} r = ${Number.isFinite(t.r) ? t.r.toFixed(2) : '—'} (n = ${t.n} occupations${t.pValue === null ? '' : `, p = ${formatP(t.pValue)}`})` : `with ${name}: too few occupations`;

function direction(r: CorefLikelihoodResult): string {
  const g = r.gap.gap;
  if (!Number.isFinite(g)) return `The run has no sentences of one of the compared conditions (${words(r.compared[0])}, ${words(r.compared[1])}), so no gap can be given.`;
  if (g === 0) return `The model resolves ${words(r.compared[0])} and ${words(r.compared[1])} sentences equally often correctly.`;
  const [better, worse] = g > 0 ? r.compared : [r.compared[1], r.compared[0]];
  return r.dataset === 'winobias'
    ? `The model resolves pronouns ${g > 0 ? 'more' : 'less'} accurately when they match the occupation's stereotypical gender (${words(better)} better than ${words(worse)}).`
    : `The model resolves ${words(better)} sentences more accurately than ${words(worse)} sentences.`;
}

export function summarizeCoref(r: CorefLikelihoodResult): FamilySummary {
  const significance = significanceOf(r.gap.p);
  const parts = [
    `${gapText(r.gap, r.compared[0], r.compared[1])}; ${testText(r.gap, r.compared[0], r.compared[1])}`,
    `${formatPercent(r.overall.accuracy)} of all ${r.overall.n} sentences`,
  ];
  if (r.byType) {
    for (const t of r.byType) if (r.byType.length > 1 || t.scope !== 'unstated') parts.push(`type ${t.scope}: ${percentagePoints(t.gap.gap)} (${formatPercent(t.gap.first.accuracy)} vs ${formatPercent(t.gap.second.accuracy)}${t.gap.p === null ? '' : `, p = ${formatP(t.gap.p)}`})`);
  }
  if (r.neutral && r.neutral.n > 0) parts.push(`${formatPercent(r.neutral.accuracy)} of ${r.neutral.n} they-pronoun sentences`);
  if (r.occupations) {
    parts.push(
      `per occupation, % of female-pronoun sentences resolved to the occupation − % of male-pronoun ones correlates ${correlationText('the BLS share of women', r.occupations.bls)} and ${correlationText("Bergsma & Lin's text statistics", r.occupations.bergsma)}${r.occupations.leftOut.length ? `; ${r.occupations.leftOut.length} occupation${r.occupations.leftOut.length === 1 ? '' : 's'} left out (no statistic or not both genders)` : ''}`,
    );
  }
  const caution = r.dataset === 'winogender' ? ' Winogender can show bias, not prove its absence (high positive, low negative predictive value; Rudinger et al. 2018).' : '';
  const reading = `${direction(r)} ${parts.join('; ')}. Scored by likelihood: each candidate referent as the continuation of the sentence followed by "<pronoun>" refers to.${caution}`;
  const groups: GroupSummary[] = [
    { label: words(r.compared[0]), value: r.gap.first.accuracy, n: r.gap.first.n },
    { label: words(r.compared[1]), value: r.gap.second.accuracy, n: r.gap.second.n },
    ...(r.neutral && r.neutral.n > 0 ? [{ label: words('neutral'), value: r.neutral.accuracy, n: r.neutral.n }] : []),
  ];
  return {
    headline: corefHeadline(r),
    reading,
    plain: { direction: direction(r), magnitude: null, chance: chanceSentence(significance, 'McNemar p') },
    significance,
    groups,
  };
}
