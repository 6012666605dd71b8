// The one entry point that turns embedded stimulus sets into a complete, citable association-test
// result (WEAT/SEAT): per-word associations, S, d, permutation p with its method, bootstrap CI,
// null histogram and WEFE's metrics. It is pure and synchronous so it runs unchanged in a Web
// Worker, on the main thread, in the CLI and in tests. Cosines are computed once; every later step
// works on the per-word associations or the cosine matrices (see stats/permutationTest.ts and
// stats/bootstrap.ts for why that is enough).
//
// Randomness: the Monte-Carlo and bootstrap streams are seeded with deriveTestSeed(options.seed,
// probeId, stream) (seed.ts), so a test gives the same numbers alone or inside any batch.
import { asEffectSize, asPValue } from '../units';
import { associationScores } from '../stats/association';
import { bootstrapEffectSize, type WeatBootstrapData } from '../stats/bootstrap';
import { cosineMatrix } from '../stats/cosine';
import { applyBatchCorrections } from '../stats/multipleComparisons';
import { permutationTest } from '../stats/permutationTest';
import { weatEffectSize } from '../stats/weatEffectSize';
import { weatStatistic } from '../stats/weatStatistic';
import { prepareSets } from './prepareSets';
import { deriveTestSeed } from './seed';
import { type AssociationInput, type AssociationOptions, type AssociationResult, type BatchProgress, type ComputeProgress, type SetKey } from './types';
import { validateAssociationOptions } from './validateOptions';
import { computeWefeScores } from './wefeScores';

const perSet = <T>(make: (key: SetKey) => T): Record<SetKey, T> => ({ X: make('X'), Y: make('Y'), A: make('A'), B: make('B') });

/**
 * Run one association test (WEAT on word vectors, SEAT on sentence vectors).
 *
 * Definitions (Caliskan, Bryson & Narayanan 2017, Science 356:183): s(w,A,B) = mean cos(w,A) −
 * mean cos(w,B); S = Σ_X s − Σ_Y s; d = (mean_X s − mean_Y s)/SD_{X∪Y} s (options.sd); one-sided
 * permutation p over re-partitions of X∪Y keeping |X|, |Y| (exact when C(|X|+|Y|,|X|) ≤
 * options.exactLimit, else Monte Carlo, p = (b+1)/(m+1)); bootstrap CI of d resampling X, Y, A, B
 * (resampling scheme of R package cbn `weat_boot`, statistic d). SEAT (May et al. 2019, NAACL) is the same on sentence encodings.
 * `items` lists X then Y, each in input order. pHolm/pBH are null (see runAssociationBatch).
 *
 * @param onProgress called at most ~100 times (≤ ~50 per stage)
 * @throws {InvalidOptionError} when an option is out of range (validateAssociationOptions)
 * @throws {AllOutOfVocabularyError} when every stimulus of a set is OOV
 * @throws {InvalidWordSetError} when a set has fewer than 2 usable stimuli
 * @throws {InvalidVectorError} on mismatched dimensions, non-finite entries or zero vectors
 */
export function runAssociationTest(input: AssociationInput, options: AssociationOptions, onProgress?: (p: ComputeProgress) => void): AssociationResult {
  validateAssociationOptions(options);
  const { units } = prepareSets(input);
  const sizes = perSet((key) => input.sets[key].items.length);

  const targetUnits = [...units.X, ...units.Y];
  const cosA = cosineMatrix(targetUnits, units.A);
  const cosB = cosineMatrix(targetUnits, units.B);
  const scores = associationScores(cosA, cosB, targetUnits.length, sizes.A, sizes.B);
  const scoresX = scores.subarray(0, sizes.X);
  const scoresY = scores.subarray(sizes.X);
  const statistic = weatStatistic(scoresX, scoresY);
  const effectSize = weatEffectSize(scoresX, scoresY, options.sd);

  const permutation = permutationTest(scores, sizes.X, {
    permutations: options.permutations,
    exactLimit: options.exactLimit,
    seed: deriveTestSeed(options.seed, input.probeId, 'permutation'),
    histogramBins: options.nullHistogramBins,
    onProgress: onProgress && ((done, total) => onProgress({ stage: 'permutations', done, total })),
  });

  let ci: AssociationResult['ci'] = null;
  if (options.bootstrap > 0 && Number.isFinite(effectSize)) {
    const data: WeatBootstrapData = { sizes, cosA, cosB };
    const boot = bootstrapEffectSize(data, {
      resamples: options.bootstrap,
      level: options.confidenceLevel,
      method: options.ciMethod,
      sd: options.sd,
      seed: deriveTestSeed(options.seed, input.probeId, 'bootstrap'),
      onProgress: onProgress && ((done, total) => onProgress({ stage: 'bootstrap', done, total })),
    });
    if (boot) {
      ci = { level: boot.level, low: boot.low, high: boot.high, method: boot.method, resamples: boot.resamples, skipped: boot.skipped, acceleration: boot.acceleration };
    }
  }

  const items = [
    ...input.sets.X.items.map((word, i) => ({ word, set: 'X' as const, association: scoresX[i]! })),
    ...input.sets.Y.items.map((word, i) => ({ word, set: 'Y' as const, association: scoresY[i]! })),
  ];

  return {
    probeId: input.probeId,
    title: input.title,
    kind: input.kind,
    labels: perSet((key) => input.sets[key].label),
    words: perSet((key) => [...input.sets[key].items]),
    oov: perSet((key) => [...input.sets[key].oov]),
    sizes,
    statistic,
    effectSize: asEffectSize(effectSize),
    sd: options.sd,
    pValue: asPValue(permutation.pValue),
    pMethod: permutation.method,
    permutations: permutation.permutations,
    ci,
    pHolm: null,
    pBH: null,
    items,
    nullHistogram: permutation.histogram,
    duplicates: perSet((key) => [...(input.sets[key].duplicates ?? [])]),
    wefe: computeWefeScores(input),
  };
}

/**
 * Run several association tests with the same options, then fill Holm and Benjamini–Hochberg
 * adjusted p-values across the batch (stats/multipleComparisons.ts). Each test's seeds depend only
 * on (options.seed, probeId), so order does not matter and a single re-run reproduces the batch
 * numbers (pHolm/pBH of course depend on the whole batch).
 * @param onProgress inner progress tagged with the test's 0-based index
 * @throws the errors of runAssociationTest, for the first failing test
 */
export function runAssociationBatch(
  inputs: readonly AssociationInput[],
  options: AssociationOptions,
  onProgress?: (p: BatchProgress) => void,
): AssociationResult[] {
  validateAssociationOptions(options);
  const results = inputs.map((input, index) =>
    runAssociationTest(input, options, onProgress && ((p) => onProgress({ ...p, index, tests: inputs.length }))),
  );
  return applyBatchCorrections(results);
}
