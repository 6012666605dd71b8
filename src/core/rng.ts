// Seeded randomness for every stochastic step (permutation tests, bootstrap, shuffles). We wrap
// pure-rand's xoroshiro128+ so that callers hold one mutable instance (simple loops) and the seed
// is a plain integer that travels with every request into the run record.
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { InvalidOptionError } from './errors';

export interface Rng {
  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** Uniform float in [0, 1). */
  float(): number;
  /** In-place Fisher–Yates shuffle of `a` (unbiased). */
  shuffle<T>(a: T[] | Int32Array | Uint32Array | Float64Array): void;
}

export const createRng = (seed: number): Rng => {
  if (!Number.isSafeInteger(seed)) throw new InvalidOptionError(`seed must be an integer, got ${seed}`);
  const gen = xoroshiro128plus(((seed % 2 ** 32) ^ Math.floor(seed / 2 ** 32)) | 0);
  const int = (min: number, max: number) => uniformInt(gen, min, max);
  return {
    int,
    // 53 random bits → [0, 1)
    float: () => (uniformInt(gen, 0, 2 ** 26 - 1) * 2 ** 27 + uniformInt(gen, 0, 2 ** 27 - 1)) / 2 ** 53,
    shuffle(a) {
      for (let i = a.length - 1; i > 0; i--) {
        const j = int(0, i);
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t as never;
      }
    },
  };
};

/**
 * The same seeded xoroshiro128+ as createRng, read directly for hot loops (permutation and bootstrap
 * samplers): the generator's state lives in four int32 fields of one monomorphic object and bounded
 * integers come from Lemire's multiply-shift, so a draw costs a dozen integer operations and no
 * allocation. `nextUint32()` returns exactly the 32-bit outputs pure-rand's xoroshiro128plus(seed')
 * returns (as unsigned), with seed' the 32-bit fold of `seed` that createRng uses.
 */
export class Uint32Stream {
  private s01: number;
  private s00: number;
  private s11: number;
  private s10: number;

  /** @throws {InvalidOptionError} when seed is not a safe integer */
  constructor(seed: number) {
    if (!Number.isSafeInteger(seed)) throw new InvalidOptionError(`seed must be an integer, got ${seed}`);
    const folded = ((seed % 2 ** 32) ^ Math.floor(seed / 2 ** 32)) | 0;
    this.s01 = -1;
    this.s00 = ~folded;
    this.s11 = folded;
    this.s10 = 0;
  }

  /** The next output of xoroshiro128+ (low 32 bits of s0 + s1), in [0, 2³²). Never throws. */
  nextUint32(): number {
    const s00 = this.s00;
    const s01 = this.s01;
    const out = (s00 + this.s10) >>> 0;
    const a0 = this.s10 ^ s00;
    const a1 = this.s11 ^ s01;
    this.s00 = (s00 << 24) ^ (s01 >>> 8) ^ a0 ^ (a0 << 16);
    this.s01 = (s01 << 24) ^ (s00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
    this.s10 = (a1 << 5) ^ (a0 >>> 27);
    this.s11 = (a0 << 5) ^ (a1 >>> 27);
    return out;
  }

  /**
   * Uniform integer in [0, range), 1 ≤ range ≤ 2²¹ (so x·range < 2⁵³ is exact in a double): Lemire's
   * multiply-shift ⌊x·range / 2³²⌋ with his rejection of the low part below 2³² mod range, which makes
   * it exactly uniform. Source: Lemire (2019), "Fast random integer generation in an interval", ACM
   * TOMACS 29(1):3. Callers guarantee the range (not checked in the hot path). Never throws.
   */
  below(range: number): number {
    for (;;) {
      const product = this.nextUint32() * range;
      const high = Math.floor(product * INV_2_32);
      const low = product - high * TWO_32;
      if (low >= range || low >= TWO_32 % range) return high;
    }
  }

  /**
   * The generator's state as four int32 words, for a hot loop that steps xoroshiro128+ in its own
   * locals (SubsetSumSampler.drawMany): it reads the state here, steps exactly as nextUint32 does and
   * hands the state back with `restoreState`, so the stream continues as if nextUint32 had been called.
   */
  saveState(into: Int32Array): void {
    into[0] = this.s00;
    into[1] = this.s01;
    into[2] = this.s10;
    into[3] = this.s11;
  }

  /** Continue from a state written by `saveState` and stepped by the caller. Never throws. */
  restoreState(from: Int32Array): void {
    this.s00 = from[0]!;
    this.s01 = from[1]!;
    this.s10 = from[2]!;
    this.s11 = from[3]!;
  }

  /** First digit of the last `pairBelow` (uniform in [0, first range)). */
  first = 0;
  /** Second digit of the last `pairBelow` (uniform in [0, second range), independent of `first`). */
  second = 0;

  /**
   * Two independent uniform integers from one output: `first` in [0, r1), `second` in [0, r2),
   * r1·r2 ≤ 2²¹. Lemire's draw of D = ⌊x·r1·r2 / 2³²⌋ done in two multiply-shifts (x·r1 = d1·2³² + ρ,
   * ρ·r2 = d2·2³² + λ, so x·r1·r2 = (d1·r2 + d2)·2³² + λ): D = d1·r2 + d2 with his rejection on λ, so D
   * is uniform on [0, r1·r2) and its mixed-radix digits d1, d2 are independent and uniform. Source:
   * Brackett-Rozinsky & Lemire (2024), "Batched ranged random integer generation", Software: Practice
   * and Experience. Callers guarantee the ranges. Never throws.
   */
  pairBelow(r1: number, r2: number): void {
    const range = r1 * r2;
    for (;;) {
      const product1 = this.nextUint32() * r1;
      const d1 = Math.floor(product1 * INV_2_32);
      const product2 = (product1 - d1 * TWO_32) * r2;
      const d2 = Math.floor(product2 * INV_2_32);
      const low = product2 - d2 * TWO_32;
      if (low >= range || low >= TWO_32 % range) {
        this.first = d1;
        this.second = d2;
        return;
      }
    }
  }
}

/** Largest range `Uint32Stream.below` (and the product of `pairBelow`'s ranges) accepts. */
export const UINT32_STREAM_MAX_RANGE = 2 ** 21;
const TWO_32 = 2 ** 32;
const INV_2_32 = 2 ** -32;
