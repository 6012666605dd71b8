// Accuracy in two matched conditions and their gap, with the exact McNemar test over the matched
// pairs. WinoBias (pro vs anti) and Winogender (male vs female) are the same computation on
// different labels, so it lives once here; which conditions are compared is the caller's.
import { mcnemarExact } from '../../stats/mcnemarExact';

/** One resolved sentence, as the gap needs it. */
export interface ResolvedItem {
  condition: string;
  /** Sentences sharing a key are the same sentence in different conditions. */
  pairKey?: string;
  correct: boolean;
}

export interface ConditionAccuracy {
  n: number;
  correct: number;
  /** correct / n; NaN when n = 0. */
  accuracy: number;
}

export interface AccuracyGap {
  first: ConditionAccuracy;
  second: ConditionAccuracy;
  /** accuracy(first) − accuracy(second), a proportion (×100 for percentage points); NaN when either is empty. */
  gap: number;
  /** Complete pairs (one sentence of each condition under one key) the test used. */
  pairs: number;
  /** Pairs right in the first condition only / in the second only. */
  firstOnly: number;
  secondOnly: number;
  /** Exact McNemar p over the pairs; null when there is no complete pair. */
  p: number | null;
}

export function conditionAccuracy(items: readonly ResolvedItem[], condition: string): ConditionAccuracy {
  const of = items.filter((i) => i.condition === condition);
  const correct = of.filter((i) => i.correct).length;
  return { n: of.length, correct, accuracy: of.length ? correct / of.length : Number.NaN };
}

/**
 * Accuracies of two conditions over all their sentences, and the McNemar test over the keys that
 * have exactly one sentence of each (a key with duplicates or one side missing is left out).
 * Source: docs/methods/winobias-winogender.md; McNemar (1947). Never throws.
 */
export function accuracyGap(items: readonly ResolvedItem[], first: string, second: string): AccuracyGap {
  const a = conditionAccuracy(items, first);
  const b = conditionAccuracy(items, second);
  const byKey = new Map<string, ResolvedItem[]>();
  for (const item of items) {
    if (item.pairKey === undefined || (item.condition !== first && item.condition !== second)) continue;
    const list = byKey.get(item.pairKey) ?? [];
    list.push(item);
    byKey.set(item.pairKey, list);
  }
  let pairs = 0;
  let firstOnly = 0;
  let secondOnly = 0;
  for (const list of byKey.values()) {
    const x = list.filter((i) => i.condition === first);
    const y = list.filter((i) => i.condition === second);
    if (x.length !== 1 || y.length !== 1) continue;
    pairs++;
    if (x[0]!.correct && !y[0]!.correct) firstOnly++;
    if (!x[0]!.correct && y[0]!.correct) secondOnly++;
  }
  return { first: a, second: b, gap: a.accuracy - b.accuracy, pairs, firstOnly, secondOnly, p: pairs ? mcnemarExact(firstOnly, secondOnly).pValue : null };
}
