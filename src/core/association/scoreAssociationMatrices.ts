// Everything an association test computes once the target × attribute association matrices exist:
// per-target s, S, d, the permutation p with the interval from the same test inverted, the
// bootstrap CI of d (the stimulus-robust interval) and the result record. WEAT/SEAT pass
// cosine matrices (runAssociationTest); the likelihood IAT passes log-probability matrices
// (lm/likelihoodIat). One implementation, so both report identical conventions (seed streams,
// SD choice, CI fields) and cannot drift apart.
import { asEffectSize, asPValue } from '../units';
import { associationScores } from '../stats/association';
import { standardDeviation } from '../stats/descriptive';
import { SIGNIFICANCE_ALPHA } from '../significance';
import { bootstrapEffectSize } from '../stats/bootstrap';
import { startPermutationTest } from '../stats/permutationOffload';
import { weatEffectSize } from '../stats/weatEffectSize';
import { weatStatistic } from '../stats/weatStatistic';
import { effectSizeTestInterval } from './effectSizeTestInterval';
import { deriveTestSeed } from './seed';
import type { AssociationOptions, AssociationResult, ComputeProgress, SetKey } from './types';

export interface AssociationMatrices {
  probeId: string;
  title: string;
  kind: AssociationResult['kind'];
  labels: Record<SetKey, string>;
  /** Stimuli per set in matrix order (rows: X then Y; columns of cosA: A, of cosB: B). */
  words: Record<SetKey, readonly string[]>;
  oov: Record<SetKey, readonly string[]>;
  duplicates: Record<SetKey, readonly string[]>;
  /** Row-major |X∪Y| × |A| and |X∪Y| × |B| association matrices (cosines or log-probabilities). */
  cosA: Float64Array;
  cosB: Float64Array;
}

/** For each column j: mean over the X rows of M[·, j] minus mean over the Y rows (row-major, `cols` columns). */
function columnContrasts(matrix: Float64Array, sizeX: number, sizeY: number, cols: number): Float64Array {
  const out = new Float64Array(cols);
  for (let j = 0; j < cols; j++) {
    let sumX = 0;
    for (let i = 0; i < sizeX; i++) sumX += matrix[i * cols + j]!;
    let sumY = 0;
    for (let i = sizeX; i < sizeX + sizeY; i++) sumY += matrix[i * cols + j]!;
    out[j] = sumX / sizeX - sumY / sizeY;
  }
  return out;
}

const perSet = <T>(make: (key: SetKey) => T): Record<SetKey, T> => ({ X: make('X'), Y: make('Y'), A: make('A'), B: make('B') });

/**
 * s(w) = mean over A − mean over B of each target's row; S = Σ_X s − Σ_Y s; d with options.sd;
 * one-sided permutation p over re-partitions of X∪Y (exact when C(|X|+|Y|,|X|) ≤ exactLimit, else
 * Monte Carlo with p = (b+1)/(m+1)) and its inversion at α = SIGNIFICANCE_ALPHA as the test
 * interval of d ([L/SD, ∞), see effectSizeTestInterval.ts); bootstrap CI of d resampling X, Y, A, B
 * (cbn `weat_boot` scheme). Each attribute word's own association (mean over X of its column minus
 * mean over Y) is returned in attributeItems, for the per-word export. Seeds: deriveTestSeed(options.seed, probeId, 'permutation' | 'bootstrap').
 * Caliskan, Bryson & Narayanan (2017), Science 356:183. Options must already be validated.
 * pHolm/pBH are null (filled across a batch by applyBatchCorrections).
 */
export function scoreAssociationMatrices(m: AssociationMatrices, options: AssociationOptions, onProgress?: (p: ComputeProgress) => void): AssociationResult {
  const sizes = perSet((key) => m.words[key].length);
  const scores = associationScores(m.cosA, m.cosB, sizes.X + sizes.Y, sizes.A, sizes.B);
  const scoresX = scores.subarray(0, sizes.X);
  const scoresY = scores.subarray(sizes.X);
  const statistic = weatStatistic(scoresX, scoresY);
  const effectSize = weatEffectSize(scoresX, scoresY, options.sd);

  // Started first: where a second thread takes it (permutationOffload.ts), the bootstrap runs meanwhile.
  const permutationResult = startPermutationTest(scores, sizes.X, {
    permutations: options.permutations,
    exactLimit: options.exactLimit,
    seed: deriveTestSeed(options.seed, m.probeId, 'permutation'),
    histogramBins: options.nullHistogramBins,
    inversionAlpha: SIGNIFICANCE_ALPHA,
    onProgress: onProgress && ((done, total) => onProgress({ stage: 'permutations', done, total })),
  });

  let ci: AssociationResult['ci'] = null;
  if (options.bootstrap > 0 && Number.isFinite(effectSize)) {
    const boot = bootstrapEffectSize(
      { sizes, cosA: m.cosA, cosB: m.cosB },
      {
        resamples: options.bootstrap,
        level: options.confidenceLevel,
        method: options.ciMethod,
        sd: options.sd,
        seed: deriveTestSeed(options.seed, m.probeId, 'bootstrap'),
        onProgress: onProgress && ((done, total) => onProgress({ stage: 'bootstrap', done, total })),
      },
    );
    if (boot) {
      ci = { level: boot.level, low: boot.low, high: boot.high, method: boot.method, resamples: boot.resamples, skipped: boot.skipped, acceleration: boot.acceleration };
    }
  }

  const permutation = permutationResult();
  const testCi = Number.isFinite(effectSize) ? effectSizeTestInterval(permutation.shiftLowerBound!, standardDeviation(scores, options.sd)) : null;

  return {
    probeId: m.probeId,
    title: m.title,
    kind: m.kind,
    labels: { ...m.labels },
    words: perSet((key) => [...m.words[key]]),
    oov: perSet((key) => [...m.oov[key]]),
    sizes,
    statistic,
    effectSize: asEffectSize(effectSize),
    sd: options.sd,
    pValue: asPValue(permutation.pValue),
    pMethod: permutation.method,
    permutations: permutation.permutations,
    testCi,
    ci,
    pHolm: null,
    pBH: null,
    items: [
      ...m.words.X.map((word, i) => ({ word, set: 'X' as const, association: scoresX[i]! })),
      ...m.words.Y.map((word, i) => ({ word, set: 'Y' as const, association: scoresY[i]! })),
    ],
    attributeItems: [
      ...Array.from(columnContrasts(m.cosA, sizes.X, sizes.Y, sizes.A), (association, j) => ({ word: m.words.A[j]!, set: 'A' as const, association })),
      ...Array.from(columnContrasts(m.cosB, sizes.X, sizes.Y, sizes.B), (association, j) => ({ word: m.words.B[j]!, set: 'B' as const, association })),
    ],
    nullHistogram: permutation.histogram,
    duplicates: perSet((key) => [...m.duplicates[key]]),
  };
}
