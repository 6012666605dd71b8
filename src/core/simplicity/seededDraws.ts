// Seeded draws for the class lab's experiments (LMS-k data, network initialisation, batch order,
// random hypotheses). Each purpose gets its own stream keyed by name, derived from the run's seed the
// same way every test's stream is (association/seed.ts: only the seed and the key matter), so adding
// a draw to one purpose never shifts another's numbers. Floats and normals are read straight off the
// fast xoroshiro128+ stream of core/rng.ts; no allocation per draw.
import { deriveTestSeed } from '../association/seed';
import { Uint32Stream } from '../rng';

/**
 * The stream of one purpose of one lab run: xoroshiro128+ seeded with deriveTestSeed(seed, key).
 * ('permutation' is only the namespace deriveTestSeed hashes with the key; the key names the purpose.)
 * @throws {InvalidOptionError} when seed is not a safe integer
 */
export function labStream(seed: number, key: string): Uint32Stream {
  return new Uint32Stream(deriveTestSeed(seed, `class-lab/${key}`, 'permutation'));
}

/** Uniform double in [0, 1) from 53 random bits (two 32-bit outputs: 32 high bits, 21 low bits). Never throws. */
export function uniform01(stream: Uint32Stream): number {
  const high = stream.nextUint32();
  const low = stream.nextUint32() >>> 11;
  return (high * 2 ** 21 + low) / 2 ** 53;
}

/**
 * Standard normal draw by the Box–Muller transform, √(−2 ln U₁)·cos(2πU₂) with U₁ ∈ (0, 1].
 * Source: Box & Muller (1958), Ann. Math. Stat. 29:610–611. One draw per call (the sine half is
 * discarded: simpler state, and speed does not matter here). Never throws.
 */
export function standardNormal(stream: Uint32Stream): number {
  const u1 = 1 - uniform01(stream);
  const u2 = uniform01(stream);
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** A uniformly random permutation of 0 … n − 1 (Fisher–Yates with Lemire's exact bounded draws). Never throws for n ≤ 2²¹. */
export function randomPermutation(stream: Uint32Stream, n: number): Uint32Array {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = stream.below(i + 1);
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order;
}
