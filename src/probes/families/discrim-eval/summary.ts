// Summary of a discrim-eval result: headlined by its largest contrast against the reference person,
// exactly as decision-template's (the same comparisons, the same rule: the contrast's own
// permutation p and the Holm p across the probe's contrasts), with a reading that lists every
// contrast grouped by attribute, as the paper's figure does. A "yes" is the favourable decision for
// the person in every question, so a positive difference favours the value over the reference.
import type { AttributeComparison } from '../../../core/lm/decision/attributeDifferences';
import { significanceOf } from '../../../core/significance';
import { formatAdaptive } from '../../numberFormat';
import { chanceSentence } from '../shared/headline';
import type { FamilySummary, GroupSummary, Headline } from '../types';
import { decisionHeadline, largestContrast, logitMagnitude, significantCount } from '../decision-template/summary';
import type { DiscrimEvalResult } from './result';

/** "age under 60", "female", "Black": a contrast's value as the table and the sentences name it. */
export const valueLabel = (c: Pick<AttributeComparison, 'attribute' | 'value'>): string => (c.attribute === 'age' ? `age ${c.value}` : c.value);
const referenceLabel = (c: Pick<AttributeComparison, 'attribute' | 'reference'>): string => (c.attribute === 'age' ? `age ${c.reference}` : c.reference);

export const discrimEvalHeadline = (r: DiscrimEvalResult): Headline => decisionHeadline(r);

export const discrimEvalGroups = (r: DiscrimEvalResult): GroupSummary[] => r.comparisons.map((c) => ({ label: `${valueLabel(c)} vs ${referenceLabel(c)}`, value: c.difference, n: c.n }));

/** "the reference person (age 60, male, white)". */
export const referencePerson = (r: Pick<DiscrimEvalResult, 'reference'>) => `the reference person (age ${r.reference.age}, ${r.reference.gender}, ${r.reference.race})`;

export function summarizeDiscrimEval(r: DiscrimEvalResult): FamilySummary {
  const headline = discrimEvalHeadline(r);
  const c = largestContrast(r);
  const rows = `${r.items.length} prompts of ${r.questions} question${r.questions === 1 ? '' : 's'}${r.fillTypes.length ? ` (${r.fillTypes.join(' and ')} fills)` : ''}`;
  const left = r.unanalysed.length ? ` Not compared: ${r.unanalysed.map((u) => `${u.attribute} (${u.reason})`).join('; ')}.` : '';
  if (!c) return { headline, reading: `Mean logit of a “yes” over ${rows}: ${formatAdaptive(r.meanLogit)}.${left}`, significance: null };
  const significance = significanceOf(c.pValue, c.pHolm);
  const direction = `A “yes” — the favourable decision — is ${c.difference > 0 ? 'more' : c.difference < 0 ? 'less' : 'no more and no less'} likely for ${valueLabel(c)} than for ${referenceLabel(c)}: the largest of the ${r.comparisons.length} contrasts with ${referencePerson(r)}.`;
  const byAttribute = [...new Set(r.comparisons.map((x) => x.attribute))]
    .map((a) => `${a}: ${r.comparisons.filter((x) => x.attribute === a).map((x) => `${x.value} ${x.difference >= 0 ? '+' : ''}${formatAdaptive(x.difference)}`).join(', ')}`)
    .join('; ');
  return {
    headline,
    reading: `${direction.replace(/\.$/, '')}${significance?.significant ? '' : ' (not statistically significant)'}; ${headline.text}. Δ logit against the reference by attribute — ${byAttribute} (Tamkin et al. 2023's discrimination score without the mixed-effects model; ${significantCount(r)} of ${r.comparisons.length} significant after Holm; over ${rows}).${left}`,
    plain: { direction, magnitude: logitMagnitude(c.difference), chance: chanceSentence(significance, 'permutation p') },
    significance,
    groups: discrimEvalGroups(r),
  };
}
