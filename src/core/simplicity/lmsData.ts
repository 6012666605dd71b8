// LMS-k data of Shah et al. (2020): one linearly separable coordinate, s coordinates of k alternating
// slabs, optional noise coordinates, optionally rotated. Generated in the signal basis (coordinate 0
// linear, 1 … s slabs) and kept there, with the rotation beside it: the randomisation test permutes
// coordinates in the signal basis and rotates afterwards, as their get_randomized_loader does. The
// construction and its constants are written down in docs/methods/simplicity-bias.md.
import { InvalidOptionError } from '../errors';
import type { Uint32Stream } from '../rng';
import { randomOrthogonal } from './randomOrthogonal';
import { labStream, uniform01 } from './seededDraws';

export type SlabCount = 3 | 5 | 7;

export interface LmsOptions {
  /** Slabs per slab coordinate: 3, 5 or 7. */
  readonly k: SlabCount;
  /** Number of k-slab coordinates (the paper's notebook: 49). */
  readonly slabCoordinates: number;
  /** Extra Uniform[0, B) coordinates carrying no label information (the paper: 0). */
  readonly noiseCoordinates: number;
  /** Margin as a fraction of the data width (their eff. margin, 0.1). */
  readonly margin: number;
  /** Apply a random orthogonal transform to the inputs (their random_transform, on in the notebook). */
  readonly rotate: boolean;
  readonly trainSize: number;
  readonly testSize: number;
}

/** n examples of dim coordinates, row-major, with labels 0/1. */
export interface LabelledSet {
  readonly n: number;
  readonly dim: number;
  readonly x: Float64Array;
  readonly y: Uint8Array;
}

export interface LmsData {
  readonly options: LmsOptions;
  readonly dim: number;
  /** Coordinate (signal basis) of the linear feature. */
  readonly linearCoordinate: number;
  /** Coordinates (signal basis) of the k-slab features. */
  readonly slabCoordinates: readonly number[];
  /** Training and test sets in the signal basis. */
  readonly train: LabelledSet;
  readonly test: LabelledSet;
  /** d×d orthogonal W (row-major): the network sees x·W; null when not rotated. */
  readonly rotation: Float64Array | null;
}

/** Data width B; the paper's notebook uses 1. */
const DATA_WIDTH = 1;
/** Probability of the central (negative) slab for k = 5, and of the inner positive slabs for k = 7 (their slab5_pval, slab7_pval). */
const FIVE_SLAB_CENTRE_PROBABILITY = 3 / 4;
const SEVEN_SLAB_INNER_PROBABILITY = 7 / 8;

/** Width of one slab for k slabs in [−B, B] with gaps 2m: (2B − 2(k − 1)m)/k (their get_slab_width). */
export const slabWidth = (k: SlabCount, margin: number, width = DATA_WIDTH): number => (2 * width - 2 * (k - 1) * margin) / k;

const sign = (stream: Uint32Stream): number => (stream.nextUint32() & 1 ? 1 : -1);

/** One k-slab coordinate value for label y (docs/methods/simplicity-bias.md, "The data"). Never throws. */
export function slabValue(k: SlabCount, y: number, m: number, stream: Uint32Stream): number {
  const w = slabWidth(k, m);
  const s = sign(stream);
  const u = uniform01(stream);
  if (k === 3) return y === 1 ? s * (0.5 * w + 2 * m + w * u) : 0.5 * s * w * u;
  if (k === 5) {
    if (y === 1) return s * ((DATA_WIDTH + 6 * m) / 5 + w * u);
    return uniform01(stream) < FIVE_SLAB_CENTRE_PROBABILITY ? 0.5 * s * w * u : s * ((3 * DATA_WIDTH + 8 * m) / 5 + w * u);
  }
  if (y === 1) return uniform01(stream) < SEVEN_SLAB_INNER_PROBABILITY ? s * (0.5 * w + 2 * m + w * u) : s * (2.5 * w + 6 * m + w * u);
  return uniform01(stream) < 0.5 ? 0.5 * s * w * u : s * (1.5 * w + 4 * m + w * u);
}

function checkOptions(o: LmsOptions): void {
  if (o.k !== 3 && o.k !== 5 && o.k !== 7) throw new InvalidOptionError(`LMS-k needs k = 3, 5 or 7, got ${String(o.k)}`);
  for (const [name, value, least] of [['slab coordinates', o.slabCoordinates, 0], ['noise coordinates', o.noiseCoordinates, 0], ['training size', o.trainSize, 2], ['test size', o.testSize, 2]] as const) {
    if (!Number.isInteger(value) || value < least) throw new InvalidOptionError(`LMS-k ${name} must be an integer ≥ ${least}, got ${value}`);
  }
  // The k-slab layout needs slabs of positive width: 2(k − 1)m < 2B.
  if (!(o.margin > 0 && slabWidth(o.k, o.margin) > 0)) throw new InvalidOptionError(`LMS-k margin must be in (0, ${(1 / (o.k - 1)).toFixed(3)}) for k = ${o.k}, got ${o.margin}`);
}

function generateSet(n: number, o: LmsOptions, stream: Uint32Stream): LabelledSet {
  const dim = 1 + o.slabCoordinates + o.noiseCoordinates;
  const m = o.margin * DATA_WIDTH;
  const x = new Float64Array(n * dim);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const label = stream.nextUint32() & 1;
    y[i] = label;
    const row = i * dim;
    x[row] = (2 * label - 1) * (m + (DATA_WIDTH - m) * uniform01(stream));
    for (let c = 1; c <= o.slabCoordinates; c++) x[row + c] = slabValue(o.k, label, m, stream);
    for (let c = 1 + o.slabCoordinates; c < dim; c++) x[row + c] = DATA_WIDTH * uniform01(stream);
  }
  return { n, dim, x, y };
}

/**
 * Seeded LMS-k training and test sets (independent draws from the same distribution) and, when
 * asked, the random rotation. Streams: 'lms/train', 'lms/test', 'lms/rotation'.
 * @throws {InvalidOptionError} for k ∉ {3, 5, 7}, sizes that are not integers, or a margin that leaves no room for the slabs
 */
export function generateLms(options: LmsOptions, seed: number): LmsData {
  checkOptions(options);
  const dim = 1 + options.slabCoordinates + options.noiseCoordinates;
  return {
    options,
    dim,
    linearCoordinate: 0,
    slabCoordinates: Array.from({ length: options.slabCoordinates }, (_, i) => i + 1),
    train: generateSet(options.trainSize, options, labStream(seed, 'lms/train')),
    test: generateSet(options.testSize, options, labStream(seed, 'lms/test')),
    rotation: options.rotate ? randomOrthogonal(labStream(seed, 'lms/rotation'), dim) : null,
  };
}

/** The network's inputs: x·W for every row (a copy), or x itself when there is no rotation. Never throws. */
export function rotateRows(x: Float64Array, dim: number, rotation: Float64Array | null): Float64Array {
  if (rotation === null) return x;
  const n = x.length / dim;
  const out = new Float64Array(x.length);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < dim; c++) {
      const v = x[i * dim + c]!;
      if (v === 0) continue;
      for (let j = 0; j < dim; j++) out[i * dim + j] = out[i * dim + j]! + v * rotation[c * dim + j]!;
    }
  }
  return out;
}
