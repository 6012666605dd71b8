// The paper's feature-dependence measure: accuracy after the chosen coordinates (in the signal basis)
// of every test example are replaced by those of another test example, drawn by one random
// permutation shared by all chosen coordinates (their lms_utils.get_randomized_loader). A coordinate
// the network ignores leaves accuracy unchanged; one it relies on alone drops it to chance.
import { InvalidOptionError } from '../errors';
import type { Uint32Stream } from '../rng';
import { rotateRows, type LabelledSet } from './lmsData';
import { accuracy, type Mlp } from './mlp';
import { randomPermutation } from './seededDraws';

/**
 * Accuracy of `mlp` on `test` (signal basis) with `coordinates` permuted across examples, then rotated
 * by `rotation` (null: none) before the network sees them. An empty coordinate list gives clean accuracy.
 * @throws {InvalidOptionError} when a coordinate is outside 0 … dim − 1
 */
export function randomisedAccuracy(mlp: Mlp, test: LabelledSet, rotation: Float64Array | null, coordinates: readonly number[], stream: Uint32Stream): number {
  for (const c of coordinates) if (!Number.isInteger(c) || c < 0 || c >= test.dim) throw new InvalidOptionError(`coordinate ${c} is outside 0 … ${test.dim - 1}`);
  const x = Float64Array.from(test.x);
  if (coordinates.length > 0) {
    const permutation = randomPermutation(stream, test.n);
    for (let i = 0; i < test.n; i++) {
      const source = permutation[i]! * test.dim;
      for (const c of coordinates) x[i * test.dim + c] = test.x[source + c]!;
    }
  }
  return accuracy(mlp, rotateRows(x, test.dim, rotation), test.y);
}
