// Judge verbosity bias in a 2×2 design (docs/methods/judge-verbosity.md): each answer is judged
// against its padded form in both orders, PS (padded first) and SP (short first). The two verdicts
// classify the item as decided by length (padded or short both times) or by position (first or
// second both times). Under a per-item logistic model with a length and a position effect, each
// class split is an exact binomial under its own null whatever the other effect, so the two tests
// separate the effects: padded vs short among the length-decided items (verbosity), second vs
// first among the position-decided ones (McNemar's exact test on the discordant cells). Kept apart
// from the runner so the statistics are testable on verdicts enumerated by hand.
import { InvalidLmInputError } from '../../errors';
import type { TestInterval } from '../../intervals';
import { centralBinomialP, clopperPearsonInterval } from '../../stats/centralBinomialTest';
import { asPValue, type PValue } from '../../units';

/** Log p of the [first, second] label in one order. */
export type LabelLogProbs = readonly [number, number];

export interface VerbosityJudgment {
  id: string;
  category?: string;
  /** Padded answer shown first. */
  paddedFirst: LabelLogProbs;
  /** Short answer shown first. */
  shortFirst: LabelLogProbs;
}

export type VerbosityClass = 'padded' | 'short' | 'first' | 'second' | 'tie';

export interface ProportionTest {
  pValue: PValue;
  ci: TestInterval;
}

export interface VerbositySummary {
  items: number;
  padded: number;
  short: number;
  first: number;
  second: number;
  tie: number;
  /** padded/(padded + short); NaN when length decided no item. */
  paddedShare: number;
  /** second/(first + second); NaN when position decided no item. */
  secondShare: number;
  /** Central exact binomial test of padded vs short against ½, with its Clopper–Pearson interval of paddedShare. */
  lengthTest: ProportionTest | null;
  /** The same of second vs first (McNemar's exact test). */
  positionTest: ProportionTest | null;
  /** Means over items of the length and position margins (descriptive). */
  meanLengthMargin: number;
  meanPositionMargin: number;
}

export interface VerbosityItem {
  id: string;
  category: string | null;
  class: VerbosityClass;
  /** ½·(d_PS − d_SP): mean log p(padded's label) − log p(short's label) over the two orders. */
  lengthMargin: number;
  /** ½·(d_PS + d_SP): mean log p(first label) − log p(second label) over the two orders. */
  positionMargin: number;
}

export interface VerbosityAnalysis {
  overall: VerbositySummary;
  byCategory: { category: string; summary: VerbositySummary }[];
  items: VerbosityItem[];
}

const verdict = (lp: LabelLogProbs): 'first' | 'second' | 'tie' => (lp[0] > lp[1] ? 'first' : lp[0] < lp[1] ? 'second' : 'tie');

/**
 * The class of one item from its two orders' label log-probs (see the header).
 * @throws {InvalidLmInputError} on a log-prob that is NaN
 */
export function classifyVerbosity(paddedFirst: LabelLogProbs, shortFirst: LabelLogProbs): VerbosityClass {
  if ([...paddedFirst, ...shortFirst].some((x) => Number.isNaN(x))) throw new InvalidLmInputError('a label log-probability is NaN');
  const ps = verdict(paddedFirst);
  const sp = verdict(shortFirst);
  if (ps === 'tie' || sp === 'tie') return 'tie';
  if (ps === 'first') return sp === 'second' ? 'padded' : 'first';
  return sp === 'first' ? 'short' : 'second';
}

const proportionTest = (k: number, n: number, level: number): ProportionTest | null =>
  n > 0 ? { pValue: asPValue(centralBinomialP(k, n, 0.5)), ci: clopperPearsonInterval(k, n, level, 0.5) } : null;

const mean = (xs: readonly number[]): number => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : Number.NaN);

function summarize(items: readonly VerbosityItem[], level: number): VerbositySummary {
  const count = (c: VerbosityClass) => items.filter((i) => i.class === c).length;
  const padded = count('padded');
  const short = count('short');
  const first = count('first');
  const second = count('second');
  const finite = (xs: number[]) => xs.filter(Number.isFinite);
  return {
    items: items.length,
    padded,
    short,
    first,
    second,
    tie: count('tie'),
    paddedShare: padded + short > 0 ? padded / (padded + short) : Number.NaN,
    secondShare: first + second > 0 ? second / (first + second) : Number.NaN,
    lengthTest: proportionTest(padded, padded + short, level),
    positionTest: proportionTest(second, first + second, level),
    meanLengthMargin: mean(finite(items.map((i) => i.lengthMargin))),
    meanPositionMargin: mean(finite(items.map((i) => i.positionMargin))),
  };
}

/**
 * Classes, both exact tests and the margins of items judged padded-vs-short in both orders, overall
 * and per category (categories in order of first appearance).
 * Sources: Zheng et al. (2023), arXiv:2306.05685, §3.3 (verbosity and position bias); McNemar (1947);
 * Clopper & Pearson (1934).
 * @throws {InvalidLmInputError} when there are no items, ids repeat or a log-prob is NaN
 */
export function analyzeJudgeVerbosity(judgments: readonly VerbosityJudgment[], level = 0.95): VerbosityAnalysis {
  if (judgments.length === 0) throw new InvalidLmInputError('no verbosity judgments to analyse');
  const seen = new Set<string>();
  const items = judgments.map((j): VerbosityItem => {
    if (seen.has(j.id)) throw new InvalidLmInputError(`duplicate item id "${j.id}"`);
    seen.add(j.id);
    const dPS = j.paddedFirst[0] - j.paddedFirst[1];
    const dSP = j.shortFirst[0] - j.shortFirst[1];
    return { id: j.id, category: j.category ?? null, class: classifyVerbosity(j.paddedFirst, j.shortFirst), lengthMargin: (dPS - dSP) / 2, positionMargin: (dPS + dSP) / 2 };
  });
  const categories: string[] = [];
  for (const item of items) if (item.category !== null && !categories.includes(item.category)) categories.push(item.category);
  return {
    overall: summarize(items, level),
    byCategory: categories.map((category) => ({ category, summary: summarize(items.filter((i) => i.category === category), level) })),
    items,
  };
}
