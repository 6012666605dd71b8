// What the class view and `bias-workbench iat-score` print under the per-participant rows: how many
// participants count, why the others do not, and the mean D with the t interval of the one-sample
// t-test (the interval belongs to the test, core/intervals.ts). Fast responders and participants
// without a D are left out, as Greenwald et al. (2003) leave them out of analyses.
import type { TestInterval } from '../intervals';
import { oneSampleTTest } from '../stats/oneSampleTTest';
import { oneSampleTInterval } from '../stats/tInterval';
import type { IatParticipantScore } from './participantScore';

export const CLASS_CI_LEVEL = 0.95;

export interface IatClassSummary {
  /** Participants in the file. */
  participants: number;
  /** Participants counted (a D and not a fast responder). */
  n: number;
  /** Participants left out for each reason (one participant can have both). */
  excluded: { fastResponder: number; tooFewTrials: number };
  meanD: number | null;
  /** Sample SD (n − 1) of the included D's; null for n < 2. */
  sdD: number | null;
  /** 95% t interval of the mean D; null for n < 2. */
  ci: TestInterval | null;
  /** Two-sided p of the one-sample t-test of mean D = 0; null for n < 2 or zero spread at 0. */
  pValue: number | null;
}

/** Reads only D, the flags and `included`, so results collected as participant codes summarise the same way. */
export function summarizeClass(scores: readonly Pick<IatParticipantScore, 'd' | 'flags' | 'included'>[]): IatClassSummary {
  const ds = scores.filter((s) => s.included).map((s) => s.d as number);
  const excluded = {
    fastResponder: scores.filter((s) => s.flags.fastResponder).length,
    tooFewTrials: scores.filter((s) => s.flags.tooFewTrials).length,
  };
  const base = { participants: scores.length, n: ds.length, excluded };
  if (ds.length === 0) return { ...base, meanD: null, sdD: null, ci: null, pValue: null };
  if (ds.length === 1) return { ...base, meanD: ds[0]!, sdD: null, ci: null, pValue: null };
  const test = oneSampleTTest(ds, 0);
  return {
    ...base,
    meanD: test.mean,
    sdD: test.sd,
    ci: oneSampleTInterval(test, CLASS_CI_LEVEL),
    pValue: Number.isNaN(test.pValue) ? null : test.pValue,
  };
}
