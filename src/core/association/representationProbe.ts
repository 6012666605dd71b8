// A BiasLens-style representation probe on vectors (Gao et al. 2025; docs/methods/representation-
// probe.md): the concept direction of "A rather than B" is the normal vector of a logistic
// regression fitted on the model's own (unit) vectors of A and B — a concept activation vector
// (Kim et al. 2018) — and the bias score is the asymmetry of the two target concepts' alignment
// (cosine) with it. The direction is fitted on A and B alone, so the target labels can be permuted
// with it held fixed: WEAT's one-sided test over re-partitions of X ∪ Y (stats/permutationTest.ts on
// the per-word alignments), inverted for the interval beside p, as RIPA does.
//
// The function takes plain vectors, whichever model made them (word vectors today; LM hidden
// states once the runtime exposes them), so the family adds only the lookup.
import { InvalidOptionError, InvalidVectorError, InvalidWordSetError } from '../errors';
import type { TestInterval } from '../intervals';
import { SIGNIFICANCE_ALPHA } from '../significance';
import { fitLogisticRegression, sigmoid } from '../stats/logisticRegression';
import { permutationTest } from '../stats/permutationTest';
import { asPValue, type PValue } from '../units';
import { MIN_SET_SIZE } from './prepareSets';
import { deriveTestSeed } from './seed';
import type { ComputeProgress, PMethod } from './types';

export type ConceptKey = 'X' | 'Y' | 'A' | 'B';

export interface ConceptInput {
  label: string;
  items: string[];
  vectors: Float32Array[];
  oov: string[];
  duplicates: string[];
}

export interface RepresentationProbeInput {
  probeId: string;
  title: string;
  concepts: Record<ConceptKey, ConceptInput>;
}

export interface RepresentationProbeOptions {
  seed: number;
  permutations: number;
  exactLimit: number;
}

/** A target word's alignment with the concept direction. */
export interface ConceptAlignment {
  word: string;
  set: 'X' | 'Y';
  /** cos(w, d). */
  alignment: number;
}

export interface RepresentationProbeResult {
  probeId: string;
  title: string;
  kind: 'representation-probe';
  labels: Record<ConceptKey, string>;
  words: Record<ConceptKey, string[]>;
  oov: Record<ConceptKey, string[]>;
  duplicates: Record<ConceptKey, string[]>;
  sizes: Record<ConceptKey, number>;
  /** The probe's fit: share of A and B words on the right side of its boundary, and whether Newton converged. */
  probe: { trainingAccuracy: number; iterations: number; converged: boolean; C: number };
  /** S_T = mean over T's words of cos(w, d). */
  setMeans: { X: number; Y: number };
  /** Δ = S_X − S_Y, the headline. */
  difference: number;
  pValue: PValue;
  pMethod: PMethod;
  permutations: number;
  /** The permutation test inverted: [L, ∞) for Δ. */
  testCi: TestInterval;
  pHolm: PValue | null;
  pBH: PValue | null;
  items: ConceptAlignment[];
}

/** The same result from an LM's hidden states (family representation-probe-lm): only its kind differs. */
export type RepresentationProbeLmResult = Omit<RepresentationProbeResult, 'kind'> & { kind: 'representation-probe-lm' };

/** sklearn's default inverse regularisation strength. */
export const PROBE_C = 1;

/**
 * A copy of v scaled to unit length.
 * @throws {InvalidVectorError} on a zero vector or a non-finite entry
 */
export function unitVector(v: ArrayLike<number>, what: string): Float64Array {
  const u = Float64Array.from(v);
  let squares = 0;
  for (const x of u) {
    if (!Number.isFinite(x)) throw new InvalidVectorError(`${what}: the vector holds a non-finite entry`);
    squares += x * x;
  }
  if (squares === 0) throw new InvalidVectorError(`${what}: the vector is zero`);
  const norm = Math.sqrt(squares);
  for (let k = 0; k < u.length; k++) u[k]! /= norm;
  return u;
}

const dot = (a: Float64Array, b: Float64Array): number => {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k]! * b[k]!;
  return s;
};

/**
 * The concept direction d = w/‖w‖ of L2-regularised logistic regression (C = PROBE_C, intercept not
 * penalised: sklearn's lbfgs objective) fitted on unit vectors of A (+1) and B (−1), with the share of
 * them it classifies correctly.
 * Source: Kim et al. (2018), arXiv:1711.11279 (CAV); Gao et al. (2025), arXiv:2505.15524 (BiasLens).
 * @throws {InvalidWordSetError} when A or B is empty; {InvalidVectorError} when w = 0 or on bad vectors
 */
export function conceptDirection(a: readonly Float64Array[], b: readonly Float64Array[]): { direction: Float64Array; trainingAccuracy: number; iterations: number; converged: boolean } {
  if (a.length === 0 || b.length === 0) throw new InvalidWordSetError('the concept direction needs words of both reference concepts');
  const rows = [...a, ...b];
  const labels = [...a.map(() => 1), ...b.map(() => -1)];
  const fit = fitLogisticRegression(rows, labels, { C: PROBE_C, penalizeIntercept: false });
  let squares = 0;
  for (const x of fit.weights) squares += x * x;
  if (squares === 0) throw new InvalidVectorError('the linear probe found no direction (its weights are 0): the two reference concepts have the same vectors');
  const norm = Math.sqrt(squares);
  const direction = Float64Array.from(fit.weights, (x) => x / norm);
  const correct = rows.filter((row, i) => (sigmoid(dot(Float64Array.from(fit.weights), row) + fit.intercept) >= 0.5 ? 1 : -1) === labels[i]).length;
  return { direction, trainingAccuracy: correct / rows.length, iterations: fit.iterations, converged: fit.converged };
}

/** [L, ∞) from the inverted test's bound: −∞ → unbounded, +∞ → the largest double (JSON has no ∞). */
function shiftInterval(bound: number): TestInterval {
  const low = Number.isFinite(bound) ? bound : bound === Infinity ? Number.MAX_VALUE : null;
  return { level: 1 - SIGNIFICANCE_ALPHA, low, high: null, sides: 'lower', method: 'permutation-inversion', nullValue: 0 };
}

const perConcept = <T>(f: (key: ConceptKey) => T): Record<ConceptKey, T> => ({ X: f('X'), Y: f('Y'), A: f('A'), B: f('B') });

/**
 * The representation probe of two target concepts against two reference concepts (see the header).
 * `items` lists X then Y in input order.
 * @throws {InvalidWordSetError} when a concept has fewer than 2 usable words
 * @throws {InvalidVectorError} on mismatched dimensions, zero or non-finite vectors
 * @throws {InvalidOptionError} when permutations or exactLimit are out of range
 */
export function runRepresentationProbe(input: RepresentationProbeInput, options: RepresentationProbeOptions, onProgress?: (p: ComputeProgress) => void): RepresentationProbeResult {
  if (!Number.isInteger(options.permutations) || options.permutations < 1) throw new InvalidOptionError(`permutations must be an integer ≥ 1, got ${options.permutations}`);
  const keys: ConceptKey[] = ['X', 'Y', 'A', 'B'];
  for (const key of keys) {
    const c = input.concepts[key];
    if (c.items.length !== c.vectors.length) throw new InvalidWordSetError(`concept ${key}: ${c.items.length} items but ${c.vectors.length} vectors`);
    if (c.items.length < MIN_SET_SIZE) {
      const oov = c.oov.length > 0 ? ` (out of vocabulary, dropped: ${c.oov.join(', ')})` : '';
      throw new InvalidWordSetError(`set ${key} ("${c.label}") has ${c.items.length} usable words; at least ${MIN_SET_SIZE} are needed${oov}`);
    }
  }
  const dim = input.concepts.X.vectors[0]!.length;
  for (const key of keys) for (const v of input.concepts[key].vectors) if (v.length !== dim) throw new InvalidVectorError(`a vector of set ${key} has ${v.length} dimensions, expected ${dim}`);
  const units = perConcept((key) => input.concepts[key].vectors.map((v, i) => unitVector(v, `"${input.concepts[key].items[i]}"`)));

  const fit = conceptDirection(units.A, units.B);

  const items: ConceptAlignment[] = (['X', 'Y'] as const).flatMap((set) => units[set].map((u, i) => ({ word: input.concepts[set].items[i]!, set, alignment: dot(u, fit.direction) })));
  const setMean = (set: 'X' | 'Y') => {
    const mine = items.filter((item) => item.set === set);
    return mine.reduce((s, item) => s + item.alignment, 0) / mine.length;
  };
  const setMeans = { X: setMean('X'), Y: setMean('Y') };
  const permutation = permutationTest(
    Float64Array.from(items, (item) => item.alignment),
    units.X.length,
    {
      permutations: options.permutations,
      exactLimit: options.exactLimit,
      seed: deriveTestSeed(options.seed, input.probeId, 'permutation'),
      inversionAlpha: SIGNIFICANCE_ALPHA,
      onProgress: onProgress && ((done, total) => onProgress({ stage: 'permutations', done, total })),
    },
  );
  return {
    probeId: input.probeId,
    title: input.title,
    kind: 'representation-probe',
    labels: perConcept((key) => input.concepts[key].label),
    words: perConcept((key) => [...input.concepts[key].items]),
    oov: perConcept((key) => [...input.concepts[key].oov]),
    duplicates: perConcept((key) => [...input.concepts[key].duplicates]),
    sizes: perConcept((key) => input.concepts[key].items.length),
    probe: { trainingAccuracy: fit.trainingAccuracy, iterations: fit.iterations, converged: fit.converged, C: PROBE_C },
    setMeans,
    difference: setMeans.X - setMeans.Y,
    pValue: asPValue(permutation.pValue),
    pMethod: permutation.method,
    permutations: permutation.permutations,
    testCi: shiftInterval(permutation.shiftLowerBound!),
    pHolm: null,
    pBH: null,
    items,
  };
}
