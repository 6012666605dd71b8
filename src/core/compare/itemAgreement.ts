// How closely two runs agree item by item (the same words, pairs or prompts scored under two models,
// dtypes, seeds or options): the items are matched by key, and Spearman's ρ (ranks: does the order
// of the items survive?) and Pearson's r (values: does the scale survive?) are computed over the
// matched pairs. Items present on one side only, and keys that occur twice (which cannot be matched
// unambiguously), are counted and left out, so the caller can say how much of each run was compared.
import { pearsonCorrelation, spearmanCorrelation } from '../stats/spearman';

export interface KeyedValue {
  key: string;
  value: number;
}

export interface AlignedPair {
  key: string;
  a: number;
  b: number;
}

export interface ItemAgreement {
  /** The matched items, in run A's order. */
  pairs: AlignedPair[];
  /** Number of matched items with a finite value on both sides. */
  n: number;
  /** Spearman's ρ over the matched items (average ranks for ties); null when n < 3 or a side is constant. */
  spearman: number | null;
  /** Pearson's r over the matched items; null when n < 3 or a side is constant. */
  pearson: number | null;
  /** Items only run A (B) has, or whose value is missing or non-finite on the other side. */
  onlyA: number;
  onlyB: number;
  /** Keys that occur more than once in a run: not matched. */
  duplicateKeys: string[];
}

/** A correlation needs three points to say anything and a spread on both sides. */
const MIN_PAIRS = 3;

function byKey(values: readonly KeyedValue[], duplicates: Set<string>): Map<string, number> {
  const map = new Map<string, number>();
  for (const { key, value } of values) {
    if (map.has(key)) duplicates.add(key);
    else map.set(key, value);
  }
  for (const key of duplicates) map.delete(key);
  return map;
}

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** Match two runs' items by key and correlate their values. */
export function itemAgreement(runA: readonly KeyedValue[], runB: readonly KeyedValue[]): ItemAgreement {
  const duplicates = new Set<string>();
  const a = byKey(runA, duplicates);
  const b = byKey(runB, duplicates);
  for (const key of duplicates) {
    a.delete(key);
    b.delete(key);
  }
  const pairs: AlignedPair[] = [];
  for (const [key, va] of a) {
    const vb = b.get(key);
    if (vb !== undefined && Number.isFinite(va) && Number.isFinite(vb)) pairs.push({ key, a: va, b: vb });
  }
  const n = pairs.length;
  const xs = pairs.map((p) => p.a);
  const ys = pairs.map((p) => p.b);
  return {
    pairs,
    n,
    spearman: n >= MIN_PAIRS ? finiteOrNull(spearmanCorrelation(xs, ys)) : null,
    pearson: n >= MIN_PAIRS ? finiteOrNull(pearsonCorrelation(xs, ys)) : null,
    onlyA: a.size - n,
    onlyB: b.size - n,
    duplicateKeys: [...duplicates].sort(),
  };
}
