// Summary of a StereoSet result: SS as the headline (the bias the benchmark is named for), LMS and
// ICAT beside it, per bias type as the groups. The paper's numbers are descriptive — no test, no
// interval — so there is no significance verdict (docs/methods/stereoset.md).
import { chanceSentence, makeHeadline } from '../shared/headline';
import type { FamilySummary, GroupSummary, Headline } from '../types';
import type { StereoSetResult } from '../../../core/benchmarks/stereoSetResult';

export const STEREOSET_HEADLINE_LABEL = 'Stereotype score SS';

const one = (x: number): string => (Number.isFinite(x) ? x.toFixed(1) : '—');

export const stereoSetHeadline = (r: StereoSetResult): Headline =>
  makeHeadline(STEREOSET_HEADLINE_LABEL, r.overall.ss, one(r.overall.ss), null, null);

export const stereoSetGroups = (r: StereoSetResult): GroupSummary[] => r.byType.map((t) => ({ label: t.biasType, value: t.ss, n: t.items }));

const scoringText: Record<StereoSetResult['scoring'], string> = {
  'causal-mean': 'mean token log-probability of each sentence',
  'causal-full': 'summed token log-probability of each sentence',
  'masked-pll': 'mean pseudo-log-likelihood of the filled blank',
};

export function stereoSetDirection(r: StereoSetResult): string {
  const ss = r.overall.ss;
  if (ss === 50) return 'The model preferred the stereotypical and the anti-stereotypical sentence equally often (SS = 50).';
  return ss > 50
    ? `The model preferred the stereotypical sentence over the anti-stereotypical one (SS = ${one(ss)}, above the unbiased 50).`
    : `The model preferred the anti-stereotypical sentence over the stereotypical one (SS = ${one(ss)}, below the unbiased 50).`;
}

export function summarizeStereoSet(r: StereoSetResult): FamilySummary {
  const o = r.overall;
  const types = r.byType.map((t) => `${t.biasType} SS ${one(t.ss)}, LMS ${one(t.lms)}, ICAT ${one(t.icat)} (${t.items} item${t.items === 1 ? '' : 's'})`).join('; ');
  return {
    headline: stereoSetHeadline(r),
    reading: `${stereoSetDirection(r)} Over ${o.items} items and ${o.terms} target terms: SS ${one(o.ss)}, LMS ${one(o.lms)}, ICAT ${one(o.icat)} (Nadeem et al. 2021; scored by the ${scoringText[r.scoring]}). By bias type: ${types}.`,
    plain: {
      direction: stereoSetDirection(r),
      magnitude: `It picked a meaningful sentence over the unrelated one ${one(o.lms)}% of the time (LMS), and the two combine into ICAT = ${one(o.icat)} (100 for an ideal model: LMS 100 and SS 50; 0 for one that always prefers the same side).`,
      chance: chanceSentence(null),
    },
    significance: null,
    groups: stereoSetGroups(r),
  };
}
