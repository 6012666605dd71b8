// A decision template's contrasts as interval rows: each attribute value against its reference group,
// Δ logit with the permutation test's own interval (so the whisker agrees with the marker's p) and the
// question bootstrap as the thinner robust whisker, marked by the one rule (core/significance.ts) on
// the contrast's own p and the Holm p core adjusted across the contrasts — the UI compares nothing itself.
import type { DecisionTemplateResult } from '../../../core/lmRun/types';
import { significanceOf } from '../../../core/significance';
import { verdictOf, type IntervalRow } from '../../charts/intervalRows';

export const contrastRows = (r: Pick<DecisionTemplateResult, 'comparisons'>): IntervalRow[] =>
  r.comparisons.map((c) => ({
    name: `${c.attribute}: ${c.value} vs ${c.reference}`,
    value: c.difference,
    ci: c.testCi ? { low: c.testCi.low ?? -Infinity, high: c.testCi.high ?? Infinity } : null,
    robust: c.ci ? { low: c.ci.low, high: c.ci.high } : null,
    verdict: verdictOf(significanceOf(c.pValue, c.pHolm)),
  }));
