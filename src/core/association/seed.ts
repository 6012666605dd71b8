// Per-test, per-stream seeds. A test's random numbers depend only on (run seed, probe id, stream),
// never on its position in a batch or on how many resamples another stage drew, so
//   - re-running one test alone reproduces the numbers it had inside the suite,
//   - reordering a batch changes nothing,
//   - changing the bootstrap count does not change the Monte-Carlo p-value.
// Derivation: FNV-1a 32-bit hash of "<stream>:<probeId>", xor-ed with the run seed (both 32-bit
// halves, the high half multiplied by the golden-ratio constant), finalised with MurmurHash3's
// fmix32 avalanche. The result is an unsigned 32-bit integer, a valid createRng seed.
import { InvalidOptionError } from '../errors';

export type SeedStream = 'permutation' | 'bootstrap';

/** MurmurHash3 fmix32 finaliser (Appleby, public domain): a bijective avalanche on 32 bits. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a 32-bit hash of the UTF-16 code units of a string (Fowler–Noll–Vo). */
function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Seed of one random stream of one test: fmix32(fnv1a32(stream + ":" + probeId) ⊕
 * fmix32(seedLow ⊕ seedHigh·0x9E3779B1)), an integer in [0, 2³²).
 * @throws {InvalidOptionError} when seed is not a safe integer
 */
export function deriveTestSeed(seed: number, probeId: string, stream: SeedStream): number {
  if (!Number.isSafeInteger(seed)) throw new InvalidOptionError(`seed must be an integer, got ${seed}`);
  const low = seed >>> 0;
  const high = Math.floor(seed / 2 ** 32) >>> 0;
  const seedHash = fmix32(low ^ Math.imul(high, 0x9e3779b1));
  return fmix32(fnv1a32(`${stream}:${probeId}`) ^ seedHash);
}
