// The one-sided permutation test of permutationTest.ts, inverted into a lower confidence bound for
// the shift between X's and Y's per-word associations, so the interval printed beside p comes from
// the same permutations, the same tie rule and the same p formula as p itself.
//
// Why this shape: under a shift model (X's scores are Y-like scores plus δ), testing "the shift is δ"
// means subtracting δ from X's scores and running the same test. For a re-partition π that moves k_π
// of X's words into Y (and as many of Y's into X), the statistics move by
//   S_π(δ) = S_π − δ(|X| − 2k_π),  S_obs(δ) = S_obs − δ|X|,
// so π counts as "at least as extreme" (S_π(δ) ≥ S_obs(δ) − ε) exactly when
//   δ ≥ t_π = (S_obs − ε − S_π) / (2k_π)        (k_π ≥ 1),
// and, for k_π = 0 (π keeps X as it is, up to order), at every δ or at none, as at δ = 0. This holds
// for any |X|, |Y|: only sums enter. Hence p(δ) = (offset + #{π : t_π ≤ δ}) / D is a non-decreasing
// step function of δ (offset 0 and D = C(N, |X|) when exact; offset 1 and D = m + 1 for Monte Carlo,
// p = (b+1)/(m+1)), and the set of shifts the test does not reject at level α, {δ : p(δ) ≥ α}, is
// [t_(r), ∞) with r the smallest count c for which (offset + c)/D ≥ α, evaluated in the same floating
// point as the test's p. At δ = 0 the comparison t_π ≤ 0 is literally S_π ≥ S_obs − ε, the test's
// own comparison, so the bound is > 0 exactly when the test's p < α — by construction, not by luck.
// The tie tolerance ε is held at its value for the observed data at every δ.
//
// Only the r smallest t_π are needed, so they are kept in a bounded max-heap (r ≈ α·D entries, not D):
// after the first r values, a new value costs one comparison unless it is among the r smallest.
//
// Sources: Lehmann & Romano (2005), Testing Statistical Hypotheses, 3rd ed., §3.5 and §5.8 (confidence
// sets by inverting tests; permutation tests) and ch. 15 (randomization tests); Ernst (2004),
// "Permutation methods: a basis for exact inference", Statistical Science 19:676 (§3: inverting a
// permutation test for a shift into an interval).
import { InvalidOptionError } from '../errors';

/**
 * The smallest count c ≥ 0 of "at least as extreme" re-partitions for which the test does not reject:
 * (offset + c) / denominator ≥ alpha, computed in floating point exactly as the test's p.
 * @throws {InvalidOptionError} when alpha ∉ (0, 1) or denominator is not a positive integer
 */
export function acceptanceRank(offset: number, denominator: number, alpha: number): number {
  if (!(alpha > 0 && alpha < 1)) throw new InvalidOptionError(`alpha must be in (0, 1), got ${alpha}`);
  if (!Number.isInteger(denominator) || denominator < 1) throw new InvalidOptionError(`denominator must be an integer ≥ 1, got ${denominator}`);
  let c = Math.max(0, Math.ceil(alpha * denominator) - offset - 1);
  while (c > 0 && (offset + c - 1) / denominator >= alpha) c--;
  while ((offset + c) / denominator < alpha) c++;
  return c;
}

/**
 * Collects the thresholds t_π of the re-partitions a permutation test evaluates and returns the
 * r-th smallest: the lower bound of the shift the test does not reject (see the header).
 */
export class ShiftBoundCollector {
  /** r: how many of the smallest t_π are kept. */
  readonly rank: number;
  private readonly heap: Float64Array;
  private size = 0;

  /**
   * @param offset 0 for an exact test (p = count/C), 1 for Monte Carlo (p = (b+1)/(m+1))
   * @param denominator C(N, |X|) when exact, m + 1 for Monte Carlo
   * @param alpha the test's level, e.g. 0.05
   * @throws {InvalidOptionError} as acceptanceRank
   */
  constructor(offset: number, denominator: number, alpha: number) {
    this.rank = acceptanceRank(offset, denominator, alpha);
    this.heap = new Float64Array(this.rank);
  }

  /**
   * One re-partition: `gap` = S_obs − ε − S_π (the test counts π at δ = 0 when gap ≤ 0) and `moved`
   * = k_π, the number of X's words it moves into Y. Never throws.
   */
  add(gap: number, moved: number): void {
    const t = moved === 0 ? (gap <= 0 ? -Infinity : Infinity) : gap / (2 * moved);
    if (this.size < this.rank || t < this.heap[0]!) this.insert(t);
  }

  /** Keep t among the r smallest: sift up while filling, else replace the largest and sift down. */
  private insert(t: number): void {
    if (this.rank === 0) return;
    const heap = this.heap;
    if (this.size < this.rank) {
      // Sift up into a max-heap.
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (heap[parent]! >= t) break;
        heap[i] = heap[parent]!;
        i = parent;
      }
      heap[i] = t;
      return;
    }
    // Replace the largest kept value and sift down.
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.size) break;
      const right = left + 1;
      const child = right < this.size && heap[right]! > heap[left]! ? right : left;
      if (heap[child]! <= t) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = t;
  }

  /**
   * add() for a chunk of Monte Carlo re-partitions: gap_t = threshold − statistics[t], and moved_t =
   * marked[t], or size − marked[t] when `markedCountsKept` is false (the sampler counted X's words it
   * drew into X, not those it moved out). One loop, so a chunk costs no call per re-partition until
   * the JIT inlines add. Never throws.
   */
  addMany(threshold: number, statistics: Float64Array, marked: Int32Array, count: number, size: number, markedCountsKept: boolean): void {
    const heap = this.heap;
    for (let c = 0; c < count; c++) {
      const gap = threshold - statistics[c]!;
      const moved = markedCountsKept ? marked[c]! : size - marked[c]!;
      const t = moved === 0 ? (gap <= 0 ? -Infinity : Infinity) : gap / (2 * moved);
      // Most re-partitions, once r are kept, are not among the r smallest: one comparison each.
      if (this.size < this.rank || t < heap[0]!) this.insert(t);
    }
  }

  /**
   * The lower bound of the shift: the r-th smallest t_π; −∞ when r = 0 (the test cannot reject at
   * this α whatever the data) or when r exceeds what was added (only possible before every
   * re-partition was added). Never throws.
   */
  lowerBound(): number {
    if (this.rank === 0 || this.size < this.rank) return -Infinity;
    return this.heap[0]!;
  }
}
