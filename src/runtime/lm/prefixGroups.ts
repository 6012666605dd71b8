// Which sequences of a causal scoring call share a prefix through the KV cache (languageModel.ts,
// scoreRanges): the shared part runs once, then each member only its own suffix on top of the
// cached keys/values. Sorted by token ids, sequences that share a prefix are contiguous, so a
// grouping is a partition of the sorted order into runs; a run shares the longest prefix common to
// all its members (cut so that every member keeps at least one token of its own). The partition is
// chosen to compute the fewest token positions — a run of n sequences sharing L tokens costs
// L + Σ(length − L) + `groupCost`, a sequence alone its length — exactly, by dynamic programming
// over the sorted order (O(n²); n is one call's distinct sequences).
// Why not neighbour groups keyed by the longest prefix shared with an adjacent sequence (the first
// rule): incidental longer matches split a template's continuations into many small groups
// ("worked as a sec|retary" / "sec|urity guard" apart from the other occupations), each group its
// own prefix row and past, which cost more positions than they saved.
interface PrefixGroup {
  /** Indices into the input sequences. */
  members: number[];
  /** Shared prefix length (≥ 1, < every member's length). */
  length: number;
}

/** Length of the common prefix of two id sequences. */
export function commonPrefixLength(a: readonly number[], b: readonly number[]): number {
  let j = 0;
  while (j < a.length && j < b.length && a[j] === b[j]) j++;
  return j;
}

/**
 * Partition `seqs` into prefix-sharing groups (≥ 2 members) and sequences run alone, minimising
 * the token positions computed; `groupCost` (positions) is charged once per group, so a group must
 * save more than that to be formed.
 */
export function prefixGroups(seqs: readonly (readonly number[])[], groupCost = 1): { groups: PrefixGroup[]; solo: number[] } {
  const order = seqs.map((_, i) => i);
  order.sort((a, b) => {
    const x = seqs[a]!;
    const y = seqs[b]!;
    const k = commonPrefixLength(x, y);
    return k < x.length && k < y.length ? x[k]! - y[k]! : x.length - y.length || a - b;
  });
  const n = order.length;
  const len = order.map((i) => seqs[i]!.length);
  const adj = order.slice(1).map((i, r) => commonPrefixLength(seqs[order[r]!]!, seqs[i]!));
  // best[i]: fewest positions for order[i..n); next[i]: end of the run starting at i; share[i]: its L (0 = alone).
  const best = new Float64Array(n + 1);
  const next = new Int32Array(n);
  const share = new Int32Array(n);
  for (let i = n - 1; i >= 0; i--) {
    best[i] = len[i]! + best[i + 1]!;
    next[i] = i + 1;
    share[i] = 0;
    let common = Infinity;
    let shortest = len[i]!;
    let total = len[i]!;
    for (let j = i + 1; j < n; j++) {
      common = Math.min(common, adj[j - 1]!);
      shortest = Math.min(shortest, len[j]!);
      total += len[j]!;
      const L = Math.min(common, shortest - 1);
      if (L < 1) break; // both bounds only shrink as the run grows
      const members = j - i + 1;
      const cost = L + (total - members * L) + groupCost + best[j + 1]!;
      if (cost < best[i]!) {
        best[i] = cost;
        next[i] = j + 1;
        share[i] = L;
      }
    }
  }
  const groups: PrefixGroup[] = [];
  const solo: number[] = [];
  for (let i = 0; i < n; i = next[i]!) {
    if (share[i]! > 0) groups.push({ members: order.slice(i, next[i]!), length: share[i]! });
    else solo.push(order[i]!);
  }
  return { groups, solo };
}
