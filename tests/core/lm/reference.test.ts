// Golden tests of the LM probe core against an independent numpy/scipy reference.
// Expected values were produced by:  /usr/bin/python3 scripts/reference/lm_reference.py
// (numpy 1.24.2, scipy 1.10.1; command and versions are stored in every tests/fixtures/reference/lm-*.json).
// The reference computes exact sign-flip p by itertools.product over all 2^n sign vectors, the sign
// test / binomial test by scipy.stats.binomtest, t-tests by scipy.stats.ttest_1samp, the t CDF by
// scipy.stats.t, I_x(a,b) by scipy.special.betainc, RStd with np.std (population), the PriDe prior as
// in chujiezheng/LLM-MCQ-Bias, PC/PF as Slimshilin/Position-Bias-Analyzer, discrim-eval logits from
// probabilities and the stratified exact permutation p by itertools. Floats agree to 1e-9; exact
// p-values (counts over all sign vectors / relabelings / partitions) agree exactly.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSOCIATION_OPTIONS } from '../../../src/core/association/types';
import { analyzeCounterfactualPairs } from '../../../src/core/lm/counterfactual/analyzeCounterfactualPairs';
import { DEFAULT_COUNTERFACTUAL_OPTIONS, type CounterfactualPair, type DeltaSummary } from '../../../src/core/lm/counterfactual/types';
import { analyzeDecisionAttributes, type DecisionInstance } from '../../../src/core/lm/decision/attributeDifferences';
import { discrimEvalScore } from '../../../src/core/lm/decision/discrimEvalScore';
import { analyzeDecisionBias } from '../../../src/core/lm/iat/decisionBias';
import { iatDScore } from '../../../src/core/lm/iat/iatDScore';
import { runLikelihoodIat } from '../../../src/core/lm/likelihoodIat/runLikelihoodIat';
import { analyzeMcqPositionBias } from '../../../src/core/lm/position/analyzeMcqPositionBias';
import { analyzeJudgeConsistency, type PairwiseJudgment } from '../../../src/core/lm/position/judgeConsistency';
import type { McqQuestion } from '../../../src/core/lm/position/mcqTypes';
import { percentileInterval } from '../../../src/core/stats/bootstrap';
import { binomialTest } from '../../../src/core/stats/binomialTest';
import { meanAtIndices } from '../../../src/core/stats/bootstrapResample';
import { logGamma } from '../../../src/core/stats/logGamma';
import { benjaminiHochbergAdjust, holmAdjust } from '../../../src/core/stats/multipleComparisons';
import { oneSampleTTest } from '../../../src/core/stats/oneSampleTTest';
import { regularizedIncompleteBeta } from '../../../src/core/stats/regularizedIncompleteBeta';
import { signFlipTest } from '../../../src/core/stats/signFlipTest';
import { studentTCdf, studentTTwoSidedP } from '../../../src/core/stats/studentT';

const TOL = 1e-9;
const COMMAND = '/usr/bin/python3 scripts/reference/lm_reference.py';
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const load = (name: string): any => JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'reference', name), 'utf8'));
const close = (actual: number, expected: number, tol = TOL) => expect(Math.abs(actual - expected)).toBeLessThan(tol);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const named = (xs: any[]): [string, any][] => xs.map((x) => [x.name as string, x]);
const closeAll = (actual: ArrayLike<number>, expected: ArrayLike<number>, tol = TOL) => {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < actual.length; i++) close(actual[i]!, expected[i]!, tol);
};

const counterfactual = load('lm-counterfactual.json');
const statsFixture = load('lm-stats.json');
const position = load('lm-position.json');
const iat = load('lm-iat.json');
const decision = load('lm-decision.json');
const likelihood = load('lm-likelihood-iat.json');

describe('fixtures carry their provenance', () => {
  it.each([counterfactual, statsFixture, position, iat, decision, likelihood].map((f, i) => [i, f] as const))('fixture %i', (_i, fixture) => {
    expect(fixture.generatedBy).toBe(COMMAND);
    expect(fixture.numpy).toBeTruthy();
    expect(fixture.scipy).toBeTruthy();
  });
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const expectSummary = (actual: DeltaSummary, expected: any) => {
  expect(actual.n).toBe(expected.n);
  expect(actual.stereotypical).toBe(expected.stereotypical);
  expect(actual.ties).toBe(expected.ties);
  close(actual.pctStereotype, expected.pctStereotype);
  close(actual.likelihoodDiff, expected.likelihoodDiff);
  close(actual.meanDelta, expected.meanDelta);
  expect(actual.signFlip.method).toBe('exact');
  expect(actual.signFlip.permutations).toBe(expected.signFlip.permutations);
  // The fixture counts both tails (|T| ≥ |T_obs|); the test now reports the smaller one-sided tail,
  // which is half of that because the sign-flip distribution is symmetric (T_obs ≠ 0 in every case).
  expect(2 * actual.signFlip.extreme).toBe(expected.signFlip.extreme);
  expect(actual.signFlip.pValue).toBe(expected.signFlip.pValue);
  if (expected.signTest === null) expect(actual.signTest).toBeNull();
  else {
    expect(actual.signTest!.successes).toBe(expected.signTest.successes);
    expect(actual.signTest!.trials).toBe(expected.signTest.trials);
    close(actual.signTest!.pValue, expected.signTest.pValue, 1e-12);
  }
};

describe.each(named(counterfactual.cases))('counterfactual pairs vs reference: %s', (_name, fixture) => {
  const pairs = fixture.pairs as CounterfactualPair[];
  const options = { ...DEFAULT_COUNTERFACTUAL_OPTIONS, bootstrap: 0 };
  it('per-pair Δ (sum and per-token) to 1e-9', () => {
    const result = analyzeCounterfactualPairs(pairs, options);
    closeAll(result.items.map((i) => i.deltaSum), fixture.deltaSum);
    closeAll(result.items.map((i) => i.deltaPerToken), fixture.deltaPerToken);
  });
  it('sum scale: pct_stereotype, likelihood_diff, mean Δ, exact sign-flip p (exactly), sign test', () => {
    expectSummary(analyzeCounterfactualPairs(pairs, options).overall, fixture.sum);
  });
  it('mean-per-token scale', () => {
    expectSummary(analyzeCounterfactualPairs(pairs, { ...options, scale: 'mean-per-token' }).overall, fixture.perToken);
  });
  it('CrowS-Pairs metric.py convention: scores rounded to 3 decimals (half-even) before Δ', () => {
    expectSummary(analyzeCounterfactualPairs(pairs, { ...options, roundScoresTo: 3 }).overall, fixture.rounded3);
    expectSummary(analyzeCounterfactualPairs(pairs, { ...options, roundScoresTo: 3, scale: 'mean-per-token' }).overall, fixture.rounded3PerToken);
  });
  it('per-category breakdown', () => {
    const result = analyzeCounterfactualPairs(pairs, options);
    expect(result.byCategory.map((c) => c.category)).toEqual(fixture.byCategory.map((c: { category: string }) => c.category));
    result.byCategory.forEach((c, i) => expectSummary(c.summary, fixture.byCategory[i].sum));
  });
  it('bootstrap replicates and percentile interval on the stored resample indices', () => {
    const deltas = Float64Array.from(fixture.deltaSum as number[]);
    const replicates = (fixture.bootstrap.indices as number[][]).map((row) => meanAtIndices(deltas, row));
    closeAll(replicates, fixture.bootstrap.replicates);
    const interval = percentileInterval(Float64Array.from(replicates).sort(), fixture.bootstrap.level);
    closeAll([interval.low, interval.high], fixture.bootstrap.percentile);
  });
});

describe('scalar statistics vs scipy', () => {
  it.each(named(statsFixture.tTests))('ttest_1samp %s', (_n, t) => {
    const r = oneSampleTTest(t.values, 0);
    close(r.t, t.t);
    expect(r.df).toBe(t.df);
    close(r.pValue, t.pValue, 1e-12);
  });
  it('Student t CDF and two-sided tail over a (t, df) grid, fractional df included', () => {
    for (const c of statsFixture.tCdf) {
      close(studentTCdf(c.t, c.df), c.cdf, 1e-12);
      close(studentTTwoSidedP(c.t, c.df), c.twoSided, 1e-12);
      if (c.twoSided > 1e-300) expect(Math.abs(studentTTwoSidedP(c.t, c.df) / c.twoSided - 1)).toBeLessThan(1e-9);
    }
  });
  it('regularised incomplete beta (scipy.special.betainc) to 1e-12', () => {
    for (const c of statsFixture.betainc) close(regularizedIncompleteBeta(c.x, c.a, c.b), c.value, 1e-12);
  });
  it('ln Γ (scipy.special.gammaln), relative 1e-13', () => {
    for (const c of statsFixture.gammaln) expect(Math.abs(logGamma(c.x) - c.value)).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(c.value)));
  });
  it('exact binomial test (scipy.stats.binomtest, two-sided) to 1e-12', () => {
    for (const c of statsFixture.binomial) close(binomialTest(c.k, c.n, c.p).pValue, c.pValue, 1e-12);
  });
});

describe('MCQ position bias vs reference (LLM-MCQ-Bias conventions)', () => {
  const mcq = position.mcq;
  const result = analyzeMcqPositionBias(mcq.questions as McqQuestion[]);
  it('choice rate by position', () => closeAll(result.choiceRate, mcq.choiceRate));
  it('per-ID recall, RStd (np.std, population) and accuracy', () => {
    closeAll(result.recall!.recall, mcq.recall.recall);
    close(result.recall!.rstd, mcq.recall.rstd);
    close(result.recall!.accuracy, mcq.recall.accuracy);
  });
  it('PriDe prior (exact log space), and within 1e-9 of the reference code with its 1e-10 guards', () => {
    closeAll(result.pridePrior, mcq.pridePrior);
    closeAll(result.pridePrior, mcq.pridePriorWithEpsilon, 1e-9);
  });
  it('debiased choice rate and recall', () => {
    closeAll(result.debiasedChoiceRate, mcq.debiasedChoiceRate);
    close(result.debiasedRecall!.rstd, mcq.debiasedRecall.rstd);
  });
  it('content change rate', () => {
    close(result.contentChangeRate, mcq.contentChangeRate);
    expect(result.changedQuestions).toEqual(mcq.changedQuestions);
  });
});

describe('pairwise judge PC/PF vs reference (Position-Bias-Analyzer conventions)', () => {
  const judge = position.judge;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const expectUnit = (actual: any, expected: any) => {
    expect(actual.consistent).toBe(expected.consistent);
    expect(actual.primacy).toBe(expected.primacy);
    expect(actual.recency).toBe(expected.recency);
    close(actual.positionalConsistency, expected.positionalConsistency);
    close(actual.rawPreferenceFairness, expected.rawPreferenceFairness);
    close(actual.preferenceFairness, expected.preferenceFairness);
  };
  it('rescaled by all pairs (the reference code)', () => expectUnit(analyzeJudgeConsistency(judge.judgments as PairwiseJudgment[]).overall, judge.allPairs));
  it('rescaled by valid pairs', () => expectUnit(analyzeJudgeConsistency(judge.judgments as PairwiseJudgment[], 'valid-pairs').overall, judge.validPairs));
  it('per category', () => {
    const result = analyzeJudgeConsistency(judge.judgments as PairwiseJudgment[]);
    result.byCategory.forEach((c, i) => {
      expect(c.category).toBe(judge.byCategory[i].category);
      expectUnit(c.summary, judge.byCategory[i].allPairs);
    });
  });
});

describe('LLM IAT and decision bias vs reference', () => {
  it('D per iteration', () => {
    for (const c of iat.counts) close(iatDScore(c), c.D, 1e-12);
  });
  it('one-sample t-test of D against 0', () => {
    const r = oneSampleTTest(iat.counts.map((c: { D: number }) => c.D));
    close(r.t, iat.tTest.t);
    close(r.pValue, iat.tTest.pValue, 1e-12);
    close(r.mean, iat.tTest.mean);
  });
  it('decision bias: proportion and exact binomial p', () => {
    const r = analyzeDecisionBias((iat.decision.choices as boolean[]).map((c, i) => ({ id: `i${i}`, stereotypeConsistent: c })));
    expect(r.consistent).toBe(iat.decision.consistent);
    close(r.pValue!, iat.decision.pValue, 1e-12);
  });
});

describe('discrim-eval attribute differences vs reference', () => {
  const instances = decision.instances as DecisionInstance[];
  const result = analyzeDecisionAttributes(instances, { reference: { gender: 'male', age: '20' }, bootstrap: 0, confidenceLevel: 0.95, permutations: 1, exactLimit: 200_000, seed: 1 });
  it('logit(pnorm) and pnorm per instance', () => {
    result.scores.forEach((s, i) => {
      close(s.logit, decision.scores[i].logit);
      close(s.pNormYes, decision.scores[i].pNormYes);
      close(discrimEvalScore(instances[i]!.logProbs).logit, decision.scores[i].logit);
    });
  });
  it('differences and exact stratified permutation p (exactly)', () => {
    expect(result.comparisons.map((c) => [c.attribute, c.value])).toEqual(decision.comparisons.map((c: { attribute: string; value: string }) => [c.attribute, c.value]));
    result.comparisons.forEach((c, i) => {
      const e = decision.comparisons[i];
      close(c.difference, e.difference);
      expect(c.pMethod).toBe('exact');
      expect(c.permutations).toBe(e.relabelings);
      expect(c.pValue).toBe(e.pValue);
    });
  });
  it('Holm and BH across the comparisons', () => {
    closeAll(result.comparisons.map((c) => c.pHolm), holmAdjust(decision.pValues));
    closeAll(result.comparisons.map((c) => c.pBH), benjaminiHochbergAdjust(decision.pValues));
  });
  it('cluster-bootstrap replicate on the stored question indices', () => {
    // Recompute female − male on the stored resamples of questions the way the core does (per-question sums).
    const order = decision.questionOrder as string[];
    (decision.bootstrap.indices as number[][]).forEach((row, r) => {
      let sv = 0, cv = 0, sr = 0, cr = 0; // prettier-ignore
      for (const q of row) {
        instances.forEach((inst, i) => {
          if (inst.questionId !== order[q]) return;
          if (inst.attributes.gender === 'female') {
            sv += result.scores[i]!.logit;
            cv++;
          } else if (inst.attributes.gender === 'male') {
            sr += result.scores[i]!.logit;
            cr++;
          }
        });
      }
      close(sv / cv - sr / cr, decision.bootstrap.replicates[r]);
    });
  });
});

describe('likelihood IAT vs reference (WEAT core on log-probabilities)', () => {
  const sizes = likelihood.sizes;
  const words = {
    X: Array.from({ length: sizes.X }, (_, i) => `x${i}`),
    Y: Array.from({ length: sizes.Y }, (_, i) => `y${i}`),
    A: Array.from({ length: sizes.A }, (_, i) => `a${i}`),
    B: Array.from({ length: sizes.B }, (_, i) => `b${i}`),
  };
  const input = { probeId: 'lm-iat-ref', title: 'ref', labels: { X: 'X', Y: 'Y', A: 'A', B: 'B' }, words, logProbs: likelihood.logProbs };
  const options = { ...DEFAULT_ASSOCIATION_OPTIONS, bootstrap: 0 };
  it.each([
    ['plain', false],
    ['with prior', true],
  ] as const)('%s: s(t), S, d (both SDs), exact one-sided p', (_label, withPrior) => {
    const expected = withPrior ? likelihood.withPrior : likelihood.plain;
    const full = withPrior ? { ...input, priorLogProbs: likelihood.priorLogProbs } : input;
    const result = runLikelihoodIat(full, options);
    const population = runLikelihoodIat(full, { ...options, sd: 'population' });
    expect(result.kind).toBe('lm-iat');
    closeAll(result.items.map((i) => i.association), expected.s);
    close(result.statistic, expected.statistic);
    close(result.effectSize, expected.effectSize.sample);
    close(population.effectSize, expected.effectSize.population);
    expect(result.pMethod).toBe('exact');
    expect(result.permutations).toBe(expected.exact.partitions);
    expect(result.pValue).toBe(expected.exact.pValue);
  });
});

describe('sign-flip test on the reference differences, Monte Carlo vs exact', () => {
  // p = 2·min(tail): the standard error of 2·p̂_tail is 2·√(p_t(1 − p_t)/m), p_t = p_exact/2.
  it.each(named(counterfactual.cases))('%s: |p_MC − p_exact| < 3 SE + 2/m', (_n, fixture) => {
    const exact = fixture.sum.signFlip.pValue as number;
    const tail = exact / 2;
    for (const seed of [1, 2]) {
      const mc = signFlipTest(fixture.deltaSum, { exactLimit: 0, permutations: 20_000, seed });
      expect(mc.method).toBe('monte-carlo');
      expect(Math.abs(mc.pValue - exact)).toBeLessThan(3 * 2 * Math.sqrt((tail * (1 - tail)) / 20_000) + 2 / 20_000);
    }
  });
});
