// RIPA, the Relational Inner Product Association (Ethayarajh, Duvenaud & Hirst 2019), computed the way
// WEFE's `wefe/metrics/RIPA.py` does (docs/methods/ripa.md): one unit relation vector per attribute
// pair, each target word's inner product with it, averaged over pairs. WEFE scores one word set and
// reports no test; a probe here scores two target sets, so the headline is the difference of their
// per-set RIPA, tested like WEAT: the same one-sided permutation test over the target words
// (stats/permutationTest.ts, run on the per-word RIPA instead of s(w, A, B)), inverted for the
// interval beside p, and a bootstrap over the attribute pairs as the named stimulus-robust interval.
//
// Why the pair differences are kept: Δ is the mean over pairs of each pair's own difference of set
// means, so the bootstrap over pairs needs only those P numbers, and they show how much the answer
// depends on the pair chosen (WEFE's own warning).
import { InvalidOptionError, InvalidVectorError, InvalidWordSetError } from '../errors';
import type { RobustInterval, TestInterval } from '../intervals';
import { SIGNIFICANCE_ALPHA } from '../significance';
import { bootstrapMean } from '../stats/bootstrapResample';
import { permutationTest } from '../stats/permutationTest';
import { asPValue, type PValue } from '../units';
import { MIN_SET_SIZE } from './prepareSets';
import { deriveTestSeed } from './seed';
import type { AssociationOptions, ComputeProgress, PMethod } from './types';

export type RipaTargetKey = 'X' | 'Y';

/** One attribute pair as embedded: the relation runs from `first` to `second` (b ∝ first − second). */
export interface RipaPairInput {
  first: string;
  second: string;
  firstVector: Float32Array;
  secondVector: Float32Array;
}

/** A pair left out of the relation, with why ("out of vocabulary: hers", "same vector"). */
export interface RipaDroppedPair {
  first: string;
  second: string;
  reason: string;
}

export interface RipaTargetInput {
  label: string;
  items: string[];
  vectors: Float32Array[];
  oov: string[];
  duplicates: string[];
}

export interface RipaInput {
  probeId: string;
  title: string;
  /** `first`/`second`: the labels of the pairs' two sides ("Male terms", "Female terms"). */
  pairLabels: { first: string; second: string };
  pairs: RipaPairInput[];
  droppedPairs: RipaDroppedPair[];
  targets: Record<RipaTargetKey, RipaTargetInput>;
}

/** Per target word: WEFE's word_values[w] = {mean, std} over the pairs. */
export interface RipaWordScore {
  word: string;
  set: RipaTargetKey;
  /** r(w) = mean over pairs of w · b_i. */
  ripa: number;
  /** Population SD (ddof 0) of w · b_i over the pairs, as WEFE's `np.std`. */
  spread: number;
}

export interface RipaPairScore {
  first: string;
  second: string;
  /** Δ_i = mean_X (w · b_i) − mean_Y (w · b_i). */
  difference: number;
}

export interface RipaResult {
  probeId: string;
  title: string;
  kind: 'ripa';
  labels: { X: string; Y: string; first: string; second: string };
  words: Record<RipaTargetKey, string[]>;
  oov: Record<RipaTargetKey, string[]>;
  duplicates: Record<RipaTargetKey, string[]>;
  sizes: Record<RipaTargetKey, number>;
  pairs: RipaPairScore[];
  droppedPairs: RipaDroppedPair[];
  /** R_T = mean over T's words of r(w): WEFE's `result` for T. */
  setMeans: Record<RipaTargetKey, number>;
  /** Δ = R_X − R_Y, the headline. */
  difference: number;
  /** One-sided permutation p of Δ over re-partitions of X ∪ Y. */
  pValue: PValue;
  pMethod: PMethod;
  permutations: number;
  /** The permutation test inverted: [L, ∞) for Δ. */
  testCi: TestInterval;
  /** Percentile bootstrap over the attribute pairs; null with fewer than 2 pairs or bootstrap off. */
  robustCi: RobustInterval | null;
  pHolm: PValue | null;
  pBH: PValue | null;
  items: RipaWordScore[];
}

/** What the robust interval resamples, in a reader's words. */
export const RIPA_ROBUST_RESAMPLED = 'the attribute pairs';

const toFloat64 = (v: Float32Array): Float64Array => Float64Array.from(v);

/**
 * The unit relation vector b = (x − y)/‖x − y‖₂ of one pair (WEFE `_b_vec`), or null when x = y.
 * @throws {InvalidVectorError} when the vectors differ in length or hold a non-finite entry
 */
export function relationVector(first: ArrayLike<number>, second: ArrayLike<number>): Float64Array | null {
  if (first.length !== second.length) throw new InvalidVectorError(`a pair's vectors differ in length (${first.length} and ${second.length})`);
  const b = new Float64Array(first.length);
  let squares = 0;
  for (let k = 0; k < b.length; k++) {
    const d = first[k]! - second[k]!;
    if (!Number.isFinite(d)) throw new InvalidVectorError('a pair vector holds a non-finite entry');
    b[k] = d;
    squares += d * d;
  }
  if (squares === 0) return null;
  const norm = Math.sqrt(squares);
  for (let k = 0; k < b.length; k++) b[k]! /= norm;
  return b;
}

const dot = (a: Float64Array, b: Float64Array): number => {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k]! * b[k]!;
  return s;
};

/**
 * The inner products w · b_i of every word with every relation vector: row w, column i.
 * @throws {InvalidVectorError} on a dimension mismatch or a non-finite entry
 */
export function ripaMatrix(words: readonly ArrayLike<number>[], relations: readonly Float64Array[]): Float64Array[] {
  return words.map((w) => {
    const v = Float64Array.from(w);
    if (relations.length > 0 && v.length !== relations[0]!.length) throw new InvalidVectorError(`a word vector has ${v.length} dimensions, the pairs ${relations[0]!.length}`);
    if (!v.every(Number.isFinite)) throw new InvalidVectorError('a word vector holds a non-finite entry');
    return Float64Array.from(relations, (b) => dot(v, b));
  });
}

/** Mean and population SD (ddof 0) of one row, as numpy's mean and std. */
function meanAndSpread(row: Float64Array): { mean: number; spread: number } {
  let sum = 0;
  for (const x of row) sum += x;
  const mean = sum / row.length;
  let squares = 0;
  for (const x of row) squares += (x - mean) * (x - mean);
  return { mean, spread: Math.sqrt(squares / row.length) };
}

/** [L, ∞) from the inverted test's bound (in Δ's units): −∞ → unbounded, +∞ → the largest double (JSON has no ∞). */
function shiftInterval(bound: number): TestInterval {
  const low = Number.isFinite(bound) ? bound : bound === Infinity ? Number.MAX_VALUE : null;
  return { level: 1 - SIGNIFICANCE_ALPHA, low, high: null, sides: 'lower', method: 'permutation-inversion', nullValue: 0 };
}

/**
 * RIPA of two target sets with respect to the relation of the attribute pairs, with its test and
 * intervals (docs/methods/ripa.md). Pairs whose two words have the same vector are moved to
 * `droppedPairs`. `items` lists X then Y in input order.
 * @throws {InvalidWordSetError} when no usable pair is left or a target set has fewer than 2 words
 * @throws {InvalidVectorError} on mismatched dimensions or non-finite entries
 * @throws {InvalidOptionError} when permutations, exactLimit or bootstrap are out of range
 */
export function runRipa(input: RipaInput, options: AssociationOptions, onProgress?: (p: ComputeProgress) => void): RipaResult {
  if (!Number.isInteger(options.bootstrap) || options.bootstrap < 0) throw new InvalidOptionError(`bootstrap must be an integer ≥ 0, got ${options.bootstrap}`);
  for (const key of ['X', 'Y'] as const) {
    const set = input.targets[key];
    if (set.items.length !== set.vectors.length) throw new InvalidWordSetError(`target set ${key}: ${set.items.length} items but ${set.vectors.length} vectors`);
    if (set.items.length < MIN_SET_SIZE) {
      const oov = set.oov.length > 0 ? ` (out of vocabulary, dropped: ${set.oov.join(', ')})` : '';
      throw new InvalidWordSetError(`target set ${key} ("${set.label}") has ${set.items.length} usable words; at least ${MIN_SET_SIZE} are needed${oov}`);
    }
  }
  const droppedPairs = [...input.droppedPairs];
  const used: RipaPairInput[] = [];
  const relations: Float64Array[] = [];
  for (const pair of input.pairs) {
    const b = relationVector(toFloat64(pair.firstVector), toFloat64(pair.secondVector));
    if (b) {
      used.push(pair);
      relations.push(b);
    } else droppedPairs.push({ first: pair.first, second: pair.second, reason: 'same vector' });
  }
  if (used.length === 0) {
    const why = droppedPairs.length > 0 ? ` (dropped: ${droppedPairs.map((p) => `${p.first}/${p.second}: ${p.reason}`).join('; ')})` : '';
    throw new InvalidWordSetError(`no usable attribute pair is left${why}`);
  }

  const rows = { X: ripaMatrix(input.targets.X.vectors, relations), Y: ripaMatrix(input.targets.Y.vectors, relations) };
  const items: RipaWordScore[] = (['X', 'Y'] as const).flatMap((set) =>
    rows[set].map((row, i) => {
      const { mean, spread } = meanAndSpread(row);
      return { word: input.targets[set].items[i]!, set, ripa: mean, spread };
    }),
  );
  const scores = Float64Array.from(items, (item) => item.ripa);
  const sizeX = rows.X.length;
  const setMean = (set: RipaTargetKey) => {
    const mine = items.filter((item) => item.set === set);
    return mine.reduce((s, item) => s + item.ripa, 0) / mine.length;
  };
  const setMeans = { X: setMean('X'), Y: setMean('Y') };
  const difference = setMeans.X - setMeans.Y;

  const columnMean = (matrix: Float64Array[], i: number) => matrix.reduce((s, row) => s + row[i]!, 0) / matrix.length;
  const pairDifferences = Float64Array.from(relations, (_, i) => columnMean(rows.X, i) - columnMean(rows.Y, i));

  const permutation = permutationTest(scores, sizeX, {
    permutations: options.permutations,
    exactLimit: options.exactLimit,
    seed: deriveTestSeed(options.seed, input.probeId, 'permutation'),
    inversionAlpha: SIGNIFICANCE_ALPHA,
    onProgress: onProgress && ((done, total) => onProgress({ stage: 'permutations', done, total })),
  });

  let robustCi: RobustInterval | null = null;
  if (options.bootstrap > 0 && used.length >= 2) {
    const boot = bootstrapMean(pairDifferences, { resamples: options.bootstrap, level: options.confidenceLevel, seed: deriveTestSeed(options.seed, input.probeId, 'bootstrap') });
    if (boot) robustCi = { level: boot.level, low: boot.low, high: boot.high, method: boot.method, resamples: boot.resamples, resampled: RIPA_ROBUST_RESAMPLED };
    onProgress?.({ stage: 'bootstrap', done: options.bootstrap, total: options.bootstrap });
  }

  return {
    probeId: input.probeId,
    title: input.title,
    kind: 'ripa',
    labels: { X: input.targets.X.label, Y: input.targets.Y.label, first: input.pairLabels.first, second: input.pairLabels.second },
    words: { X: [...input.targets.X.items], Y: [...input.targets.Y.items] },
    oov: { X: [...input.targets.X.oov], Y: [...input.targets.Y.oov] },
    duplicates: { X: [...input.targets.X.duplicates], Y: [...input.targets.Y.duplicates] },
    sizes: { X: sizeX, Y: rows.Y.length },
    pairs: used.map((p, i) => ({ first: p.first, second: p.second, difference: pairDifferences[i]! })),
    droppedPairs,
    setMeans,
    difference,
    pValue: asPValue(permutation.pValue),
    pMethod: permutation.method,
    permutations: permutation.permutations,
    testCi: shiftInterval(permutation.shiftLowerBound!),
    robustCi,
    pHolm: null,
    pBH: null,
    items,
  };
}
