// Golden tests against an independent numpy/scipy reference.
// Expected values were produced by:  /usr/bin/python3 scripts/reference/weat_reference.py
// (numpy 1.24.2, scipy 1.10.1; the command, versions and vectors are stored in every fixture in
// tests/fixtures/reference/). The reference computes s(w,A,B) as a literal double loop of cosines,
// d with numpy std (ddof 1 / 0), exact p by itertools.combinations, Holm/BH by their max/min
// formulas, RNSB's logistic regression with scipy L-BFGS-B. Bootstrap intervals are compared on the
// SAME stored resample indices (the RNGs differ), via effectSizeFromIndices.
import { describe, expect, it } from 'vitest';
import { runAssociationTest } from '../../src/core/association';
import { DEFAULT_ASSOCIATION_OPTIONS } from '../../src/core/association/types';
import { association } from '../../src/core/stats/association';
import { bcaAcceleration, bcaInterval, effectSizeFromIndices, jackknifeEffectSizes, percentileInterval, type WeatBootstrapData } from '../../src/core/stats/bootstrap';
import { cosineMatrix, unitVectors } from '../../src/core/stats/cosine';
import { benjaminiHochbergAdjust, holmAdjust } from '../../src/core/stats/multipleComparisons';
import { normalCdf, normalQuantile } from '../../src/core/stats/normal';
import { permutationTest } from '../../src/core/stats/permutationTest';
import { quantileSorted } from '../../src/core/stats/quantile';
import { averageRanks, spearmanCorrelation } from '../../src/core/stats/spearman';
import { embeddingCoherence } from '../../src/core/stats/wefe/ect';
import { meanAverageCosine } from '../../src/core/stats/wefe/mac';
import { relativeNegativeSentimentBias } from '../../src/core/stats/wefe/rnsb';
import { relativeNormDistance } from '../../src/core/stats/wefe/rnd';
import { inputFromFixture, loadCaseFixtures, loadMiscFixture } from './helpers';

const fixtures = loadCaseFixtures();
const misc = loadMiscFixture();
const TOL = 1e-9;

const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
};

const bootstrapData = (fixture: (typeof fixtures)[number]): WeatBootstrapData => {
  const dim = fixture.dim;
  const unit = (key: 'X' | 'Y' | 'A' | 'B') => unitVectors(fixture.vectors[key], dim);
  const targets = [...unit('X'), ...unit('Y')];
  return {
    sizes: { X: fixture.vectors.X.length, Y: fixture.vectors.Y.length, A: fixture.vectors.A.length, B: fixture.vectors.B.length },
    cosA: cosineMatrix(targets, unit('A')),
    cosB: cosineMatrix(targets, unit('B')),
  };
};

describe('reference fixtures exist', () => {
  it('has the five synthetic cases and the misc fixture', () => {
    expect(fixtures.map((f) => f.name)).toEqual(['biased-6-6-6-6', 'equal-4-4-5-5', 'equal-8-8-8-8', 'ties-4-4-3-3', 'unequal-5-7-6-6']);
    for (const f of fixtures) expect(f.generatedBy).toBe('/usr/bin/python3 scripts/reference/weat_reference.py');
  });
});

describe.each(fixtures.map((f) => [f.name, f] as const))('WEAT vs numpy reference: %s', (_name, fixture) => {
  const input = inputFromFixture(fixture);
  const options = { ...DEFAULT_ASSOCIATION_OPTIONS, bootstrap: 0, nullHistogramBins: 10 };
  const result = runAssociationTest(input, options);
  const resultPopulation = runAssociationTest(input, { ...options, sd: 'population' });

  it('agrees on s(w, A, B) for every target word to 1e-9', () => {
    const sX = result.items.filter((i) => i.set === 'X').map((i) => i.association);
    const sY = result.items.filter((i) => i.set === 'Y').map((i) => i.association);
    expect(maxAbsDiff(sX, fixture.s.X)).toBeLessThan(TOL);
    expect(maxAbsDiff(sY, fixture.s.Y)).toBeLessThan(TOL);
    // The literal definition (association.ts) agrees too.
    expect(Math.abs(association(fixture.vectors.X[0]!, fixture.vectors.A, fixture.vectors.B) - fixture.s.X[0]!)).toBeLessThan(TOL);
  });

  it('agrees on S and on d (sample and population SD) to 1e-9', () => {
    expect(Math.abs(result.statistic - fixture.statistic)).toBeLessThan(TOL);
    expect(Math.abs(result.effectSize - fixture.effectSize.sample)).toBeLessThan(TOL);
    expect(Math.abs(resultPopulation.effectSize - fixture.effectSize.population)).toBeLessThan(TOL);
  });

  it('reproduces the exact permutation p exactly (same count over the same C(N,|X|) partitions)', () => {
    expect(result.pMethod).toBe('exact');
    expect(result.permutations).toBe(fixture.exact.partitions);
    expect(result.pValue).toBe(fixture.exact.pValue);
    const scores = Float64Array.from([...fixture.s.X, ...fixture.s.Y]);
    const raw = permutationTest(scores, fixture.s.X.length, { permutations: 1, exactLimit: 100_000, seed: 1 });
    expect(raw.extreme).toBe(fixture.exact.extreme);
    expect(result.nullHistogram!.counts.reduce((a, b) => a + b, 0)).toBe(fixture.exact.partitions);
  });

  it('gives the same bootstrap replicates and intervals on the stored resample indices', () => {
    const data = bootstrapData(fixture);
    const replicates = fixture.bootstrap.indices.map((indices) => effectSizeFromIndices(data, indices, 'sample'));
    expect(maxAbsDiff(replicates, fixture.bootstrap.replicates)).toBeLessThan(TOL);
    const sorted = Float64Array.from(replicates.filter((r) => !Number.isNaN(r))).sort();
    const pct = percentileInterval(sorted, fixture.bootstrap.level);
    expect(maxAbsDiff([pct.low, pct.high], fixture.bootstrap.percentile)).toBeLessThan(TOL);
    const jackknife = jackknifeEffectSizes(data, 'sample');
    for (const key of ['X', 'Y', 'A', 'B'] as const) expect(maxAbsDiff(jackknife[key], fixture.bootstrap.jackknife[key])).toBeLessThan(TOL);
    const acceleration = bcaAcceleration(jackknife);
    expect(Math.abs(acceleration - fixture.bootstrap.acceleration)).toBeLessThan(TOL);
    const bca = bcaInterval(fixture.effectSize.sample, sorted, acceleration, fixture.bootstrap.level);
    expect(maxAbsDiff([bca.low, bca.high], fixture.bootstrap.bca)).toBeLessThan(1e-8);
  });

  it('agrees on the WEFE metrics (RND, MAC, ECT to 1e-9; RNSB to 1e-6)', () => {
    const v = fixture.vectors;
    for (const key of ['A', 'B'] as const) {
      const rnd = relativeNormDistance(v.X, v.Y, v[key]);
      expect(Math.abs(rnd.value - fixture.wefe.rnd[key].mean)).toBeLessThan(TOL);
      expect(Math.abs(relativeNormDistance(v.X, v.Y, v[key], 'sum').value - fixture.wefe.rnd[key].sum)).toBeLessThan(TOL);
      expect(maxAbsDiff(rnd.perWord, fixture.wefe.rnd[key].perWord)).toBeLessThan(TOL);
      const ect = embeddingCoherence(v.X, v.Y, v[key]);
      if (Number.isNaN(fixture.wefe.ect[key])) expect(ect).toBeNaN();
      else expect(Math.abs(ect - fixture.wefe.ect[key])).toBeLessThan(TOL);
    }
    expect(Math.abs(meanAverageCosine(v.X, [v.A, v.B]) - fixture.wefe.mac.X)).toBeLessThan(TOL);
    expect(Math.abs(meanAverageCosine(v.Y, [v.A, v.B]) - fixture.wefe.mac.Y)).toBeLessThan(TOL);
    const free = relativeNegativeSentimentBias([v.X, v.Y], v.A, v.B);
    expect(free.converged).toBe(true);
    expect(Math.abs(free.value - fixture.wefe.rnsb.interceptFree.value)).toBeLessThan(1e-6);
    expect(maxAbsDiff(free.negativeProbabilities, fixture.wefe.rnsb.interceptFree.negativeProbabilities)).toBeLessThan(1e-6);
    const penalized = relativeNegativeSentimentBias([v.X, v.Y], v.A, v.B, { penalizeIntercept: true });
    expect(Math.abs(penalized.value - fixture.wefe.rnsb.interceptPenalized.value)).toBeLessThan(1e-6);
    // The runner reports the same WEFE numbers.
    expect(result.wefe!.rnd.A).toBeCloseTo(fixture.wefe.rnd.A.mean, 12);
    expect(result.wefe!.rnsb).toBeCloseTo(fixture.wefe.rnsb.interceptFree.value, 6);
  });
});

describe('multiple comparisons, normal distribution, ranks and quantiles vs the reference', () => {
  it('Holm and BH equal the reference (1e-15) on every stored p-vector', () => {
    for (const { p, holm, bh } of misc.multipleComparisons as { p: number[]; holm: number[]; bh: number[] }[]) {
      expect(maxAbsDiff(holmAdjust(p), holm)).toBeLessThan(1e-15);
      expect(maxAbsDiff(benjaminiHochbergAdjust(p), bh)).toBeLessThan(1e-15);
    }
  });
  it('normal quantile and CDF agree with scipy.stats.norm', () => {
    for (const { p, z } of misc.normalQuantile as { p: number; z: number }[]) expect(Math.abs(normalQuantile(p) - z)).toBeLessThan(1e-9 * Math.max(1, Math.abs(z)));
    for (const { x, p } of misc.normalCdf as { x: number; p: number }[]) expect(Math.abs(normalCdf(x) - p)).toBeLessThan(1e-14);
  });
  it('Spearman with ties and type-7 quantiles agree with scipy / numpy', () => {
    expect(maxAbsDiff(averageRanks(misc.spearman.x), misc.spearman.ranksX)).toBe(0);
    expect(Math.abs(spearmanCorrelation(misc.spearman.x, misc.spearman.y) - misc.spearman.rho)).toBeLessThan(1e-12);
    misc.quantile.q.forEach((q: number, i: number) => expect(Math.abs(quantileSorted(misc.quantile.values, q) - misc.quantile.expected[i])).toBeLessThan(1e-12));
  });
});
