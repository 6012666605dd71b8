// Likelihood IAT for causal LMs: the WEAT machinery with cosines replaced by log-probabilities.
// For targets X, Y and attributes A, B the model gives ℓ(t, a) = log P(attribute a | template
// filled with target t) (optionally minus a prior log P(a | template with the target masked), the
// "increased log probability" of Kurita et al. 2019). Then
//   s(t) = mean_{a∈A} ℓ(t, a) − mean_{b∈B} ℓ(t, b)
// plays the role of WEAT's s(w, A, B) = mean cos(w, A) − mean cos(w, B), and everything downstream
// is literally the association core: S, d (SD convention as chosen), the one-sided permutation test
// over re-partitions of X∪Y, and the bootstrap that resamples X, Y, A and B (cbn `weat_boot`). The
// ℓ matrices are passed where the cosine matrices go (WeatBootstrapData.cosA/cosB), which is exact
// because the bootstrap only ever uses row means of those matrices. The result is an
// AssociationResult of kind 'lm-iat', so the UI, export and batch corrections treat it like WEAT.
// Analogy and sources: Caliskan et al. (2017) for WEAT; Kurita et al. (2019), "Measuring Bias in
// Contextualized Word Representations" (log-probability association with prior correction);
// May et al. (2019) for carrying WEAT's statistics to templates.
import type { AssociationOptions, AssociationResult, SetKey } from '../../association/types';
import { scoreAssociationMatrices } from '../../association/scoreAssociationMatrices';
import { validateAssociationOptions } from '../../association/validateOptions';
import { InvalidLmInputError } from '../../errors';
import { checkLogProb } from '../scores';

export interface LikelihoodIatInput {
  probeId: string;
  title: string;
  labels: Record<SetKey, string>;
  /** Stimuli of each set; the rows/columns of the matrices below follow this order. */
  words: Record<SetKey, string[]>;
  /**
   * logProbs[t][j]: log P(attribute j | template with target t), targets X then Y (rows),
   * attributes A then B (columns). Each entry may already be a per-token mean or a sum over tokens.
   */
  logProbs: number[][];
  /** Optional prior log P(attribute j | template with the target masked/neutral), length |A|+|B|. */
  priorLogProbs?: number[];
}

/** Row-major |X∪Y| × |cols| matrix of ℓ(t, a) − prior(a) for the columns [from, from + count). */
function block(input: LikelihoodIatInput, from: number, count: number): Float64Array {
  const rows = input.logProbs.length;
  const out = new Float64Array(rows * count);
  for (let t = 0; t < rows; t++) {
    for (let j = 0; j < count; j++) {
      const lp = input.logProbs[t]![from + j]!;
      const prior = input.priorLogProbs ? input.priorLogProbs[from + j]! : 0;
      out[t * count + j] = lp - prior;
    }
  }
  return out;
}

/**
 * Run a likelihood IAT: s(t) = mean_A ℓ − mean_B ℓ per target, then WEAT's S, d, one-sided
 * permutation p (exact when C(|X|+|Y|, |X|) ≤ exactLimit) and bootstrap CI of d, with the seeds of
 * association/seed.ts. OOV lists are empty (every string has a log-probability).
 * Source: see the header comment.
 * @throws {InvalidOptionError} when an option is out of range
 * @throws {InvalidLmInputError} when a set has < 2 stimuli, the matrix shape does not match, or a
 *   set repeats a stimulus
 * @throws {InvalidLmScoreError} when a log-probability is not finite or > 0
 */
export function runLikelihoodIat(input: LikelihoodIatInput, options: AssociationOptions): AssociationResult {
  validateAssociationOptions(options);
  const sizes = { X: input.words.X.length, Y: input.words.Y.length, A: input.words.A.length, B: input.words.B.length };
  for (const key of ['X', 'Y', 'A', 'B'] as const) {
    if (sizes[key] < 2) throw new InvalidLmInputError(`set ${key} (${input.labels[key]}) needs at least 2 stimuli, got ${sizes[key]}`);
    if (new Set(input.words[key]).size !== sizes[key]) throw new InvalidLmInputError(`set ${key} (${input.labels[key]}) repeats a stimulus`);
  }
  const rows = sizes.X + sizes.Y;
  const cols = sizes.A + sizes.B;
  if (input.logProbs.length !== rows) throw new InvalidLmInputError(`logProbs has ${input.logProbs.length} rows, expected |X|+|Y| = ${rows}`);
  input.logProbs.forEach((row, t) => {
    if (row.length !== cols) throw new InvalidLmInputError(`logProbs row ${t} has ${row.length} entries, expected |A|+|B| = ${cols}`);
    row.forEach((v, j) => checkLogProb(v, `log P(attribute ${j} | target ${t})`));
  });
  if (input.priorLogProbs) {
    if (input.priorLogProbs.length !== cols) throw new InvalidLmInputError(`priorLogProbs has ${input.priorLogProbs.length} entries, expected ${cols}`);
    input.priorLogProbs.forEach((v, j) => checkLogProb(v, `prior log P(attribute ${j})`));
  }

  const none = { X: [], Y: [], A: [], B: [] };
  return scoreAssociationMatrices(
    {
      probeId: input.probeId,
      title: input.title,
      kind: 'lm-iat',
      labels: input.labels,
      words: input.words,
      oov: none,
      duplicates: none,
      cosA: block(input, 0, sizes.A),
      cosB: block(input, sizes.A, sizes.B),
    },
    options,
  );
}
