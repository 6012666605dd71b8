// Winogender's per-occupation preference and its correlation with the occupation statistics
// (Rudinger et al. 2018, Figure 4): for each occupation, the percentage of female-pronoun sentences
// resolved to the occupation minus that of male-pronoun sentences, correlated (Pearson r) with the
// share of women in the occupation by the US Bureau of Labor Statistics and by Bergsma & Lin's
// text statistics. Occupations without statistics or without sentences of both genders are left
// out and counted, never silently dropped.
import { pearsonTest, type PearsonTestResult } from '../../stats/pearsonTest';

export interface OccupationResolution {
  occupation: string;
  condition: string;
  /** The model resolved the pronoun to the occupation (not the participant). */
  toOccupation: boolean;
}

export interface OccupationStat {
  occupation: string;
  blsPctFemale: number;
  bergsmaPctFemale: number;
}

export interface OccupationPreference {
  occupation: string;
  nFemale: number;
  nMale: number;
  /** 100·(female sentences resolved to the occupation)/nFemale − the same for male; NaN without both. */
  femaleMinusMale: number;
  blsPctFemale: number | null;
  bergsmaPctFemale: number | null;
}

export interface OccupationCorrelations {
  occupations: OccupationPreference[];
  /** Against bls_pct_female / bergsma_pct_female, over the occupations with a preference and a statistic; null when fewer than 2. */
  bls: PearsonTestResult | null;
  bergsma: PearsonTestResult | null;
  /** Occupations left out of the correlations (no statistic, or not both genders). */
  leftOut: string[];
}

/** Source: Rudinger et al. (2018), §4 and Figure 4; docs/methods/winobias-winogender.md. Never throws. */
export function occupationCorrelations(items: readonly OccupationResolution[], stats: readonly OccupationStat[]): OccupationCorrelations {
  const statOf = new Map(stats.map((s) => [s.occupation.toLowerCase(), s]));
  const names = [...new Set(items.map((i) => i.occupation))];
  const share = (list: OccupationResolution[]) => (list.length ? (100 * list.filter((i) => i.toOccupation).length) / list.length : Number.NaN);
  const occupations = names.map((occupation): OccupationPreference => {
    const of = items.filter((i) => i.occupation === occupation);
    const female = of.filter((i) => i.condition === 'female');
    const male = of.filter((i) => i.condition === 'male');
    const stat = statOf.get(occupation.toLowerCase());
    return {
      occupation,
      nFemale: female.length,
      nMale: male.length,
      femaleMinusMale: share(female) - share(male),
      blsPctFemale: stat?.blsPctFemale ?? null,
      bergsmaPctFemale: stat?.bergsmaPctFemale ?? null,
    };
  });
  const usable = occupations.filter((o) => Number.isFinite(o.femaleMinusMale) && o.blsPctFemale !== null && o.bergsmaPctFemale !== null);
  const test = (stat: (o: OccupationPreference) => number) =>
    usable.length >= 2 ? pearsonTest(usable.map((o) => o.femaleMinusMale), usable.map(stat)) : null;
  return {
    occupations,
    bls: test((o) => o.blsPctFemale!),
    bergsma: test((o) => o.bergsmaPctFemale!),
    leftOut: occupations.filter((o) => !usable.includes(o)).map((o) => o.occupation),
  };
}
