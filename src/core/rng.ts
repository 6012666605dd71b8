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
