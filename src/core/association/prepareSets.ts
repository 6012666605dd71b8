// Validation of an AssociationInput and conversion to unit vectors, shared by WEAT and SEAT. The
// error messages are what a user sees when a probe does not fit a model, so they name the set, its
// label, and the dropped out-of-vocabulary stimuli.
import { AllOutOfVocabularyError, InvalidVectorError, InvalidWordSetError } from '../errors';
import { unitVectors } from '../stats/cosine';
import { SET_KEYS, type AssociationInput, type SetKey } from './types';

/** Minimum usable stimuli per set (an SD over X∪Y and a permutation need at least two each). */
export const MIN_SET_SIZE = 2;

export interface PreparedSets {
  dim: number;
  /** L2-normalised Float64 copies, per set, in input order. */
  units: Record<SetKey, Float64Array[]>;
}

const describeSet = (input: AssociationInput, key: SetKey) => `set ${key} ("${input.sets[key].label}")`;

/**
 * Check every set of `input` and normalise its vectors.
 * @throws {AllOutOfVocabularyError} when a set has no usable item and some stimuli were OOV
 * @throws {InvalidWordSetError} when a set has fewer than 2 usable items (listing its OOV words) or
 *   items and vectors differ in number
 * @throws {InvalidVectorError} on mismatched dimensions, non-finite entries or zero vectors
 */
export function prepareSets(input: AssociationInput): PreparedSets {
  for (const key of SET_KEYS) {
    const set = input.sets[key];
    const name = describeSet(input, key);
    if (set.items.length !== set.vectors.length) {
      throw new InvalidWordSetError(`${name}: ${set.items.length} items but ${set.vectors.length} vectors`);
    }
    const oovNote = set.oov.length > 0 ? ` (out of vocabulary, dropped: ${set.oov.join(', ')})` : '';
    if (set.items.length === 0 && set.oov.length > 0) {
      throw new AllOutOfVocabularyError(`${name}: every stimulus is out of the model's vocabulary${oovNote}`);
    }
    if (set.items.length < MIN_SET_SIZE) {
      throw new InvalidWordSetError(`${name} has ${set.items.length} usable stimuli; at least ${MIN_SET_SIZE} are needed${oovNote}`);
    }
  }
  const dim = input.sets.X.vectors[0]!.length;
  if (dim === 0) throw new InvalidVectorError(`${describeSet(input, 'X')}: vectors have dimension 0`);
  const normalise = (key: SetKey) =>
    unitVectors(input.sets[key].vectors, dim, (i) => `${describeSet(input, key)}, item "${input.sets[key].items[i]}"`);
  return { dim, units: { X: normalise('X'), Y: normalise('Y'), A: normalise('A'), B: normalise('B') } };
}
