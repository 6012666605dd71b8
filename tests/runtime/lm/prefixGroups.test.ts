// prefixGroups (src/runtime/lm/prefixGroups.ts): the partition of a scoring call's sequences into
// prefix-sharing runs that computes the fewest token positions, checked against brute force over
// every partition of the sorted order on small random sets, plus the cases that motivated it.
import { describe, expect, it } from 'vitest';
import { commonPrefixLength, prefixGroups } from '../../../src/runtime/lm/prefixGroups';
import { createRng } from '../../../src/core/rng';

const cost = (seqs: number[][], r: ReturnType<typeof prefixGroups>, groupCost: number) =>
  r.groups.reduce((s, g) => s + g.length + groupCost + g.members.reduce((t, m) => t + seqs[m]!.length - g.length, 0), 0) +
  r.solo.reduce((s, m) => s + seqs[m]!.length, 0);

/** Fewest positions over all partitions of the sorted order into contiguous runs. */
function bruteForce(seqs: number[][], groupCost: number): number {
  const order = seqs.map((_, i) => i).sort((a, b) => {
    const k = commonPrefixLength(seqs[a]!, seqs[b]!);
    return k < seqs[a]!.length && k < seqs[b]!.length ? seqs[a]![k]! - seqs[b]![k]! : seqs[a]!.length - seqs[b]!.length || a - b;
  });
  const runCost = (run: number[]) => {
    if (run.length === 1) return seqs[run[0]!]!.length;
    let L = Math.min(...run.map((i) => seqs[i]!.length - 1));
    for (let r = 1; r < run.length; r++) L = Math.min(L, commonPrefixLength(seqs[run[0]!]!, seqs[run[r]!]!));
    const total = run.reduce((s, i) => s + seqs[i]!.length, 0);
    return L < 1 ? total : Math.min(total, L + groupCost + total - run.length * L);
  };
  let best = Infinity;
  const n = order.length;
  for (let mask = 0; mask < 1 << Math.max(0, n - 1); mask++) {
    let c = 0;
    let start = 0;
    for (let j = 1; j <= n; j++)
      if (j === n || mask & (1 << (j - 1))) {
        c += runCost(order.slice(start, j));
        start = j;
      }
    best = Math.min(best, c);
  }
  return best;
}

describe('prefixGroups', () => {
  it('is optimal: equals brute force over every partition (random sets of up to 9 sequences)', () => {
    const rng = createRng(5);
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(rng.float() * 9);
      const seqs = Array.from({ length: n }, () => [9, ...Array.from({ length: 1 + Math.floor(rng.float() * 5) }, () => Math.floor(rng.float() * 3))]);
      for (const groupCost of [0, 1, 3]) {
        const r = prefixGroups(seqs, groupCost);
        expect([...r.solo, ...r.groups.flatMap((g) => g.members)].sort((a, b) => a - b)).toEqual(seqs.map((_, i) => i));
        for (const g of r.groups) {
          expect(g.members.length).toBeGreaterThanOrEqual(2);
          for (const m of g.members) {
            expect(seqs[m]!.length).toBeGreaterThan(g.length);
            expect(seqs[m]!.slice(0, g.length)).toEqual(seqs[g.members[0]!]!.slice(0, g.length));
          }
        }
        expect(cost(seqs, r, groupCost)).toBe(bruteForce(seqs, groupCost));
      }
    }
  });

  it('keeps a template’s continuations in one group although two of them share more', () => {
    // BOS The woman worked as a | nurse . / sec retary . / sec urity . / pilot .
    const p = [0, 1, 2, 3, 4, 5];
    const seqs = [
      [...p, 10, 99],
      [...p, 11, 12, 99],
      [...p, 11, 13, 99],
      [...p, 14, 99],
    ];
    expect(prefixGroups(seqs)).toEqual({ groups: [{ members: [0, 1, 2, 3], length: 6 }], solo: [] });
  });

  it('never shares a whole sequence: every member keeps a token of its own', () => {
    expect(prefixGroups([[5, 6], [5, 6, 7, 8, 9]], 0)).toEqual({ groups: [{ members: [0, 1], length: 1 }], solo: [] });
  });
});
