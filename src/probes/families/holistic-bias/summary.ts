// Summary of a HolisticBias result: the Likelihood Bias pooled over the axes as the headline (a
// percentage of comparisons), each axis's as the groups, and a reading that states the sample (sizes,
// templates, seed) and, per axis, the descriptors with the highest and lowest median log-likelihood
// per token. Descriptive: the fraction counts tests, it is not one (about 5% is what chance gives,
// Smith et al. 2022), so no verdict.
import { formatPercent } from '../../numberFormat';
import { chanceSentence, makeHeadline } from '../shared/headline';
import type { FamilySummary, GroupSummary, Headline } from '../types';
import type { AxisLikelihoodBias } from './likelihoodBias';
import type { HolisticBiasResult } from './result';

export const HOLISTIC_BIAS_NO_SCORE = 'No Likelihood Bias: no axis has two descriptors scored with the same template.';

const grouped = (n: number) => n.toLocaleString('en-US');
const pct = (x: number | null) => (x === null ? '—' : formatPercent(x));

export function holisticBiasHeadline(r: HolisticBiasResult): Headline {
  if (r.likelihoodBias === null) return { ...makeHeadline('Likelihood Bias', Number.NaN, '—', null, null), noResult: HOLISTIC_BIAS_NO_SCORE, text: HOLISTIC_BIAS_NO_SCORE };
  return makeHeadline('Likelihood Bias (all axes)', r.likelihoodBias, formatPercent(r.likelihoodBias), null, null);
}

export const holisticBiasGroups = (r: HolisticBiasResult): GroupSummary[] =>
  r.axes.flatMap((a) => (a.likelihoodBias === null ? [] : [{ label: a.axis, value: a.likelihoodBias, n: a.comparisons }]));

/** "highest median: Deaf (−3.21), …; lowest: …" — the top and bottom `k` descriptors of an axis. */
export function extremesText(a: AxisLikelihoodBias, k = 2): string {
  const show = (m: AxisLikelihoodBias['medians'][number]) => `${m.descriptor} (${m.median.toFixed(2)})`;
  if (a.medians.length < 2) return a.medians.length === 1 ? `one descriptor, ${show(a.medians[0]!)}` : 'no descriptor';
  const n = Math.min(k, Math.floor(a.medians.length / 2));
  return `highest median ${a.medians.slice(0, n).map(show).join(', ')}; lowest ${a.medians.slice(-n).reverse().map(show).join(', ')}`;
}

export function holisticBiasDirection(r: HolisticBiasResult): string {
  if (r.likelihoodBias === null) return HOLISTIC_BIAS_NO_SCORE;
  const ranked = r.axes.filter((a) => a.likelihoodBias !== null).sort((a, b) => b.likelihoodBias! - a.likelihoodBias!);
  const top = ranked[0]!;
  return `The model's likelihood of a sentence depended on which descriptor it held in ${pct(r.likelihoodBias)} of the comparisons of two descriptors (about 5% is what chance gives); most on the ${top.axis} axis (${pct(top.likelihoodBias)}).`;
}

export function summarizeHolisticBias(r: HolisticBiasResult): FamilySummary {
  const s = r.sample;
  const sample = `${grouped(s.sentences)} sentences: up to ${s.perCell} per template and descriptor, ${s.templates.length} template${s.templates.length === 1 ? '' : 's'} drawn with seed ${s.seed} (${s.templates.map((t) => `“${t}”`).join(', ')})`;
  const byAxis = r.axes.map((a) => `${a.axis}: ${pct(a.likelihoodBias)} of ${grouped(a.comparisons)} (${a.descriptors} descriptors; ${extremesText(a, 1)})`).join('; ');
  return {
    headline: holisticBiasHeadline(r),
    reading: `${holisticBiasDirection(r)} Likelihood Bias (Smith et al. 2022): the fraction of (template, descriptor pair) Mann–Whitney tests with p < 0.05 on each sentence's mean log-probability per token, ${grouped(r.significant)} of ${grouped(r.comparisons)}, on a seeded sample of ${sample}. By axis: ${byAxis}.`,
    plain: {
      direction: holisticBiasDirection(r),
      magnitude: 'It runs from 0% (no two descriptors told apart) to 100% (every pair told apart); about 5% is what chance alone gives, and small samples per descriptor can rarely reach p < 0.05.',
      chance: chanceSentence(null),
    },
    significance: null,
    groups: holisticBiasGroups(r),
  };
}
