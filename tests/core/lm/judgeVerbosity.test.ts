// Judge verbosity's 2×2 analysis on designs enumerated by hand: each item's class read off its two
// orders' verdicts (all nine verdict combinations), the two exact tests on the class counts (p and
// Clopper–Pearson bounds from scipy 1.17.1: binomtest(k, n, 0.5).pvalue and
// .proportion_ci(0.95, 'exact')), the margins worked out in the comments, and per-category counts.
import { describe, expect, it } from 'vitest';
import { InvalidLmInputError } from '../../../src/core/errors';
import { analyzeJudgeVerbosity, classifyVerbosity, type VerbosityJudgment } from '../../../src/core/lm/verbosity/analyzeJudgeVerbosity';

const FIRST = [-1, -2] as const; // the first label wins
const SECOND = [-2, -1] as const; // the second label wins
const TIE = [-1.5, -1.5] as const;

describe('classifyVerbosity', () => {
  it('reads all nine verdict combinations (padded first × short first)', () => {
    // Padded first & first wins = padded won; short first & second wins = padded won.
    expect(classifyVerbosity(FIRST, SECOND)).toBe('padded');
    expect(classifyVerbosity(SECOND, FIRST)).toBe('short');
    expect(classifyVerbosity(FIRST, FIRST)).toBe('first');
    expect(classifyVerbosity(SECOND, SECOND)).toBe('second');
    for (const [a, b] of [[TIE, FIRST], [TIE, SECOND], [FIRST, TIE], [SECOND, TIE], [TIE, TIE]] as const) expect(classifyVerbosity(a, b)).toBe('tie');
  });

  it('refuses a NaN log-prob', () => {
    expect(() => classifyVerbosity([Number.NaN, -1], FIRST)).toThrow(InvalidLmInputError);
  });
});

describe('analyzeJudgeVerbosity', () => {
  // 7 padded (i1 with its own numbers, i2–i7 plain), 1 short, 1 first, 1 second, 1 tie; categories a (i1–i5) and b (the rest).
  const judgments: VerbosityJudgment[] = [
    // i1: d_PS = −0.5 − (−2) = 1.5, d_SP = −3 − (−1) = −2 → length margin (1.5 + 2)/2 = 1.75, position margin (1.5 − 2)/2 = −0.25.
    { id: 'i1', category: 'a', paddedFirst: [-0.5, -2], shortFirst: [-3, -1] },
    ...['i2', 'i3', 'i4', 'i5', 'i6', 'i7'].map((id, k) => ({ id, category: k < 4 ? 'a' : 'b', paddedFirst: FIRST, shortFirst: SECOND })),
    { id: 'i8', category: 'b', paddedFirst: SECOND, shortFirst: FIRST },
    { id: 'i9', category: 'b', paddedFirst: FIRST, shortFirst: FIRST },
    { id: 'i10', category: 'b', paddedFirst: SECOND, shortFirst: SECOND },
    { id: 'i11', category: 'b', paddedFirst: TIE, shortFirst: FIRST },
  ];
  const a = analyzeJudgeVerbosity(judgments);

  it('counts the classes', () => {
    expect(a.overall).toMatchObject({ items: 11, padded: 7, short: 1, first: 1, second: 1, tie: 1, paddedShare: 7 / 8, secondShare: 1 / 2 });
    expect(a.items.map((i) => i.class)).toEqual(['padded', 'padded', 'padded', 'padded', 'padded', 'padded', 'padded', 'short', 'first', 'second', 'tie']);
  });

  it('tests length on the diagonal: 7 padded of 8, p = 18/256, Clopper–Pearson as scipy', () => {
    const t = a.overall.lengthTest!;
    expect(t.pValue).toBeCloseTo(0.0703125, 14);
    expect(t.ci.low).toBeCloseTo(0.4734903291248362, 9);
    expect(t.ci.high).toBeCloseTo(0.9968402764687477, 9);
    expect(t.ci.nullValue).toBe(0.5);
  });

  it('tests position on the off-diagonal (McNemar exact): 1 second of 2, p = 1', () => {
    const t = a.overall.positionTest!;
    expect(t.pValue).toBe(1);
    expect(t.ci.low).toBeCloseTo(0.01257911709367899, 9);
    expect(t.ci.high).toBeCloseTo(0.987420882906321, 9);
  });

  it('separates the margins: position cancels in the length margin and length in the position margin', () => {
    expect(a.items[0]).toMatchObject({ lengthMargin: 1.75, positionMargin: -0.25 });
    // Plain items: padded (d_PS = 1, d_SP = −1) → v = 1, q = 0; short (−1, 1) → v = −1, q = 0;
    // first (1, 1) → v = 0, q = 1; second (−1, −1) → v = 0, q = −1; tie (0, 1) → v = −0.5, q = 0.5.
    expect(a.items.slice(1).map((i) => [i.lengthMargin, i.positionMargin])).toEqual([[1, 0], [1, 0], [1, 0], [1, 0], [1, 0], [1, 0], [-1, 0], [0, 1], [0, -1], [-0.5, 0.5]]);
    // Means over 11 items: v = (1.75 + 6 − 1 + 0 + 0 − 0.5)/11 = 6.25/11; q = (−0.25 + 1 − 1 + 0.5)/11 = 0.25/11.
    expect(a.overall.meanLengthMargin).toBeCloseTo(6.25 / 11, 14);
    expect(a.overall.meanPositionMargin).toBeCloseTo(0.25 / 11, 14);
  });

  it('summarises each category: a = 5 padded (p = 2/32), b = 2 padded, 1 short, 1 first, 1 second, 1 tie', () => {
    expect(a.byCategory.map((c) => c.category)).toEqual(['a', 'b']);
    const [ca, cb] = a.byCategory.map((c) => c.summary);
    expect(ca).toMatchObject({ items: 5, padded: 5, short: 0, positionTest: null });
    expect(ca!.lengthTest!.pValue).toBeCloseTo(0.0625, 14);
    expect(cb).toMatchObject({ items: 6, padded: 2, short: 1, first: 1, second: 1, tie: 1 });
    expect(cb!.lengthTest!.pValue).toBeCloseTo(1, 14); // 2 of 3 vs ½
  });

  it('has no test where nothing decides: a judge that always says "first"', () => {
    const always = analyzeJudgeVerbosity([1, 2, 3].map((k) => ({ id: `q${k}`, paddedFirst: FIRST, shortFirst: FIRST })));
    expect(always.overall).toMatchObject({ first: 3, lengthTest: null, secondShare: 0 });
    expect(Number.isNaN(always.overall.paddedShare)).toBe(true);
    expect(always.overall.positionTest!.pValue).toBeCloseTo(0.25, 14); // 2 · (½)³
  });

  it('refuses no items and repeated ids', () => {
    expect(() => analyzeJudgeVerbosity([])).toThrow(InvalidLmInputError);
    expect(() => analyzeJudgeVerbosity([judgments[0]!, judgments[0]!])).toThrow(/duplicate/);
  });
});
