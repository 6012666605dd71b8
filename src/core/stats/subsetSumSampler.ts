// Uniform random k-subsets of n scores, reduced to what a permutation test needs from each: the sum
// of the drawn scores and how many of them come from the first `markedBelow` positions.
//
// Why this shape: a Monte Carlo permutation test draws 10⁵ subsets, so the draw is the hot loop. A
// partial Fisher–Yates shuffle (k swaps, not n) of one index array draws a uniform k-subset from any
// starting arrangement, so the array is never reset between draws; the generator is read directly
// (Uint32Stream: integer state, Lemire's bounded integers) and nothing is allocated per draw. The
// results are fields of this one object, so the caller's loop stays monomorphic and allocation-free.
//
// Sampler 2 (see samplerVersion.ts): step i of a draw swaps position i with position i + u_i, u_i
// uniform in [0, n − i), for i = 0 … k − 1, continuing from the previous draw's arrangement. When
// n(n − 1) ≤ 2²¹ steps go in pairs, (u_i, u_{i+1}) from one Uint32Stream.pairBelow(n − i, n − i − 1);
// otherwise, and for a last odd step, u_i = Uint32Stream.below(n − i). (Sampler 1 decoded several
// steps from one pure-rand uniformInt call in mixed radix.)
import { InvalidOptionError } from '../errors';
import { UINT32_STREAM_MAX_RANGE, Uint32Stream } from '../rng';

export class SubsetSumSampler {
  /** Sum of the scores of the last drawn subset. */
  sum = 0;
  /** How many of the last drawn subset's positions are < markedBelow. */
  marked = 0;
  private readonly order: Int32Array;
  private readonly stream: Uint32Stream;

  /**
   * @param scores the n values subsets are drawn from (not copied; not modified)
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
    this.order = new Int32Array(scores.length);
    for (let i = 0; i < scores.length; i++) this.order[i] = i;
  }

  /** Draw the next uniform k-subset; sets `sum` and `marked`. Never throws. */
  draw(): void {
    const order = this.order;
    const scores = this.scores;
    const n = order.length;
    const k = this.size;
    const markedBelow = this.markedBelow;
    const stream = this.stream;
    let sum = 0;
    let marked = 0;
    let i = 0;
    if (n * (n - 1) <= UINT32_STREAM_MAX_RANGE) {
      for (; i + 1 < k; i += 2) {
        stream.pairBelow(n - i, n - i - 1);
        const j = i + stream.first;
        const picked = order[j]!;
        order[j] = order[i]!;
        const j2 = i + 1 + stream.second;
        const picked2 = order[j2]!;
        order[j2] = order[i + 1]!;
        order[i + 1] = picked2;
        // Position i is written last: j2 > i, so the second swap never reads it.
        order[i] = picked;
        sum += scores[picked]! + scores[picked2]!;
        // (p − markedBelow) >>> 31 is 1 exactly when p < markedBelow: a count without a branch.
        marked += ((picked - markedBelow) >>> 31) + ((picked2 - markedBelow) >>> 31);
      }
    }
    for (; i < k; i++) {
      const j = i + stream.below(n - i);
      const picked = order[j]!;
      order[j] = order[i]!;
      order[i] = picked;
      sum += scores[picked]!;
      marked += (picked - markedBelow) >>> 31;
    }
    this.sum = sum;
    this.marked = marked;
  }
}
