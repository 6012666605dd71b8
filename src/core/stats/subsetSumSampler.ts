// Uniform random k-subsets of n scores, reduced to what a permutation test needs from each: the sum
// of the drawn scores and how many of them come from the first `markedBelow` positions.
//
// Why this shape: a Monte Carlo permutation test draws 10⁵ subsets, so the draw is the hot loop. A
// partial Fisher–Yates shuffle (k swaps, not n) of one index array draws a uniform k-subset from any
// starting arrangement, so the array is never reset between draws; the generator is read directly
// (Uint32Stream: integer state, Lemire's bounded integers) and nothing is allocated per draw. A
// permutation test takes its draws in chunks (drawMany: one loop, the generator's state in locals).
//
// Sampler 2 (see samplerVersion.ts): step i of a draw swaps position i with position i + u_i, u_i
// uniform in [0, n − i), for i = 0 … k − 1, continuing from the previous draw's arrangement. When
// n(n − 1) ≤ 2²¹ steps go in pairs, (u_i, u_{i+1}) from one Uint32Stream.pairBelow(n − i, n − i − 1);
// otherwise, and for a last odd step, u_i = Uint32Stream.below(n − i). (Sampler 1 decoded several
// steps from one pure-rand uniformInt call in mixed radix.)
import { InvalidOptionError } from '../errors';
import { UINT32_STREAM_MAX_RANGE, Uint32Stream } from '../rng';

export class SubsetSumSampler {
  private readonly order: Int32Array;
  private readonly paddedScores: Float64Array;
  private readonly stream: Uint32Stream;
  /** The generator's state while drawMany steps it in locals. */
  private readonly state = new Int32Array(4);

  /**
   * @param scores the n values subsets are drawn from (copied once, with a padding slot; not modified)
   * @param size k, 0 ≤ k ≤ n ≤ 2²¹
   * @param markedBelow positions counted in `marked`
   * @param seed seed of the Uint32Stream
   * @throws {InvalidOptionError} when seed is not a safe integer or n > 2²¹
   */
  constructor(
    private readonly scores: Float64Array,
    private readonly size: number,
    private readonly markedBelow: number,
    seed: number,
  ) {
    if (scores.length > UINT32_STREAM_MAX_RANGE) throw new InvalidOptionError(`a permutation test draws from at most ${UINT32_STREAM_MAX_RANGE} scores, got ${scores.length}`);
    this.stream = new Uint32Stream(seed);
    // One slot past the end (position n, score 0) for an odd k's last step (see drawMany).
    this.order = new Int32Array(scores.length + 1);
    for (let i = 0; i <= scores.length; i++) this.order[i] = i;
    this.paddedScores = new Float64Array(scores.length + 1);
    this.paddedScores.set(scores);
  }

  /**
   * The next `count` uniform k-subsets (a chunk continues where the last one stopped): draw t's sum
   * in sums[t] and how many of its positions are < markedBelow in marked[t]. One loop with the
   * generator stepped in locals (the arithmetic of Uint32Stream.nextUint32, pairBelow and below,
   * inlined), so the hot path has no calls or property writes and is fast from its first
   * iterations, before the JIT has optimised anything.
   * Never throws (count ≤ the arrays' lengths is the caller's).
   */
  drawMany(count: number, sums: Float64Array, marked: Int32Array): void {
    const order = this.order;
    const scores = this.paddedScores;
    const n = this.scores.length;
    const k = this.size;
    const markedBelow = this.markedBelow;
    // Paired steps need (n − i)(n − i − 1) ≤ 2²¹; beyond that every step goes alone.
    if (n * (n - 1) > UINT32_STREAM_MAX_RANGE) {
      this.drawManySingly(count, sums, marked);
      return;
    }
    const state = this.state;
    this.stream.saveState(state);
    let s00 = state[0]!;
    let s01 = state[1]!;
    let s10 = state[2]!;
    let s11 = state[3]!;
    for (let t = 0; t < count; t++) {
      let sum = 0;
      let markedCount = 0;
      // Steps (i, i + 1) in pairs. An odd k's last step is the same code with r2 = 1: then d2 = 0, the
      // accept test is below()'s, and the second swap is position i + 1 with itself (the padding slot
      // when i + 1 = n), its score and mark weighted by 0. So an odd k runs the instructions an even
      // one ran: the JIT's code, specialised to what it has seen, does not fall back to the
      // interpreter when the next test's k is odd (20 ms of a cold WEAT suite).
      for (let i = 0; i < k; i += 2) {
        const second = i + 1 < k ? 1 : 0;
        const r1 = n - i;
        const r2 = r1 - second;
        const range = r1 * (second === 1 ? r2 : 1);
        const limit = TWO_32 % range;
        let d1: number;
        let d2: number;
        for (;;) {
          const x = (s00 + s10) >>> 0;
          const a0 = s10 ^ s00;
          const a1 = s11 ^ s01;
          const next00 = (s00 << 24) ^ (s01 >>> 8) ^ a0 ^ (a0 << 16);
          s01 = (s01 << 24) ^ (s00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
          s00 = next00;
          s10 = (a1 << 5) ^ (a0 >>> 27);
          s11 = (a0 << 5) ^ (a1 >>> 27);
          const product1 = x * r1;
          d1 = Math.floor(product1 * INV_2_32);
          const product2 = (product1 - d1 * TWO_32) * (second === 1 ? r2 : 1);
          d2 = Math.floor(product2 * INV_2_32);
          if (product2 - d2 * TWO_32 >= limit) break;
        }
        const j = i + d1;
        const picked = order[j]!;
        order[j] = order[i]!;
        const j2 = i + 1 + d2;
        const picked2 = order[j2]!;
        order[j2] = order[i + 1]!;
        order[i + 1] = picked2;
        // Position i is written last: j2 > i, so the second swap never reads it.
        order[i] = picked;
        // x + y·0 is x exactly (y finite; the padding slot's score is 0).
        sum += scores[picked]! + scores[picked2]! * second;
        // (p − markedBelow) >>> 31 is 1 exactly when p < markedBelow: a count without a branch.
        markedCount += ((picked - markedBelow) >>> 31) + (((picked2 - markedBelow) >>> 31) & -second);
      }
      sums[t] = sum;
      marked[t] = markedCount;
    }
    state[0] = s00;
    state[1] = s01;
    state[2] = s10;
    state[3] = s11;
    this.stream.restoreState(state);
  }

  /**
   * drawMany for n(n − 1) > 2²¹ (thousands of scores, where the k swaps dominate a draw): one step
   * per output, u_i = Uint32Stream.below(n − i). Never throws.
   */
  private drawManySingly(count: number, sums: Float64Array, marked: Int32Array): void {
    const { order, paddedScores: scores, stream, size: k, markedBelow } = this;
    const n = this.scores.length;
    for (let t = 0; t < count; t++) {
      let sum = 0;
      let markedCount = 0;
      for (let i = 0; i < k; i++) {
        const j = i + stream.below(n - i);
        const picked = order[j]!;
        order[j] = order[i]!;
        order[i] = picked;
        sum += scores[picked]!;
        markedCount += (picked - markedBelow) >>> 31;
      }
      sums[t] = sum;
      marked[t] = markedCount;
    }
  }
}

const TWO_32 = 2 ** 32;
const INV_2_32 = 2 ** -32;
