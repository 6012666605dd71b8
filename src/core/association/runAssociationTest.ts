// The one entry point that turns embedded stimulus sets into a complete, citable association-test
// result (WEAT/SEAT): per-word associations, S, d, permutation p with its method, bootstrap CI,
// null histogram and WEFE's metrics. It is pure and synchronous so it runs unchanged in a Web
// Worker, on the main thread, in the CLI and in tests. Cosines are computed once; every later step
// works on the per-word associations or the cosine matrices (see stats/permutationTest.ts and
// stats/bootstrap.ts for why that is enough).
//
// Randomness: the Monte-Carlo and bootstrap streams are seeded with deriveTestSeed(options.seed,
// probeId, stream) (seed.ts), so a test gives the same numbers alone or inside any batch.
import { cosineMatrix } from '../stats/cosine';
import { applyBatchCorrections } from '../stats/multipleComparisons';
import { prepareSets } from './prepareSets';
import { scoreAssociationMatrices } from './scoreAssociationMatrices';
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
  const targetUnits = [...units.X, ...units.Y];
  const result = scoreAssociationMatrices(
    {
      probeId: input.probeId,
      title: input.title,
      kind: input.kind,
      labels: perSet((key) => input.sets[key].label),
      words: perSet((key) => input.sets[key].items),
      oov: perSet((key) => input.sets[key].oov),
      duplicates: perSet((key) => input.sets[key].duplicates ?? []),
      cosA: cosineMatrix(targetUnits, units.A),
      cosB: cosineMatrix(targetUnits, units.B),
    },
    options,
    onProgress,
  );
  return { ...result, wefe: computeWefeScores(input) };
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
