// Which tokens two sentences share, as CrowS-Pairs aligns them before pseudo-log-likelihood
// scoring: nyu-mll/crows-pairs `metric.py` `get_span` runs Python's difflib.SequenceMatcher on the
// two token-id sequences and keeps the positions inside 'equal' opcodes; only those ("unmodified")
// tokens are masked and scored in each sentence. This is difflib's matching-blocks recursion without
// junk heuristics (autojunk only applies to sequences of ≥ 200 tokens, far longer than a sentence).
// It lives in the orchestration (not src/core/lm) because it is the preprocessing step between the
// model's per-token PLL and the pair metrics.

/**
 * Longest common block of a[alo:ahi] and b[blo:bhi]; among the longest, the one starting earliest in
 * a, then earliest in b (difflib.SequenceMatcher.find_longest_match without junk).
 */
function longestMatch(a: readonly number[], b: readonly number[], alo: number, ahi: number, blo: number, bhi: number): [number, number, number] {
  let besti = alo;
  let bestj = blo;
  let bestsize = 0;
  let prev = new Map<number, number>();
  for (let i = alo; i < ahi; i++) {
    const next = new Map<number, number>();
    for (let j = blo; j < bhi; j++) {
      if (a[i] !== b[j]) continue;
      const k = (prev.get(j - 1) ?? 0) + 1;
      next.set(j, k);
      if (k > bestsize) {
        besti = i - k + 1;
        bestj = j - k + 1;
        bestsize = k;
      }
    }
    prev = next;
  }
  return [besti, bestj, bestsize];
}

/**
 * Indices of the tokens of `a` and of `b` that lie in matching blocks (difflib 'equal' opcodes), in
 * increasing order; both lists have the same length.
 * Source: nyu-mll/crows-pairs metric.py (get_span); Python difflib (Ratcliff–Obershelp matching).
 * Never throws.
 */
export function sharedTokenPositions(a: readonly number[], b: readonly number[]): { a: number[]; b: number[] } {
  const blocks: [number, number, number][] = [];
  const queue: [number, number, number, number][] = [[0, a.length, 0, b.length]];
  while (queue.length) {
    const [alo, ahi, blo, bhi] = queue.pop()!;
    const [i, j, k] = longestMatch(a, b, alo, ahi, blo, bhi);
    if (k === 0) continue;
    blocks.push([i, j, k]);
    if (alo < i && blo < j) queue.push([alo, i, blo, j]);
    if (i + k < ahi && j + k < bhi) queue.push([i + k, ahi, j + k, bhi]);
  }
  blocks.sort((x, y) => x[0] - y[0]);
  const outA: number[] = [];
  const outB: number[] = [];
  for (const [i, j, k] of blocks) {
    for (let t = 0; t < k; t++) {
      outA.push(i + t);
      outB.push(j + t);
    }
  }
  return { a: outA, b: outB };
}
