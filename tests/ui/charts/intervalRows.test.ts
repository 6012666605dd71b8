// The interval charts' pure parts: the axis holds every finite interval end (WEAT 6's interval was
// once clipped by an axis built from ticks), unbounded ends do not stretch it, and a row's marker is
// the verdict the summary carries — a row whose p is below α but whose summary says "not
// significant" (Holm) stays hollow. Values worked by hand.
import { describe, expect, it } from 'vitest';
import { significanceOf } from '../../../src/core/significance';
import type { FamilySummary } from '../../../src/probes/families/types';
import { forestIntervalRow, forestRows } from '../../../src/ui/charts/forestRows';
import { intervalBoundsText, intervalDomain, intervalTable, type IntervalRow } from '../../../src/ui/charts/intervalRows';
import { tickText } from '../../../src/ui/charts/ticks';

const row = (value: number, low: number, high: number, robust: [number, number] | null = null): IntervalRow => ({
  name: 'r',
  value,
  ci: { low, high },
  robust: robust && { low: robust[0], high: robust[1] },
  verdict: 'none',
});

const summary = (value: number, ci: [number, number] | null, p: number, pHolm: number | null, robust?: [number, number]): FamilySummary => ({
  headline: {
    label: 'Effect size d',
    value,
    shown: value.toFixed(3),
    ci: ci && { low: ci[0], high: ci[1], level: 0.95 },
    robustCi: robust && { low: robust[0], high: robust[1], level: 0.95, resampled: 'the words' },
    p,
    pLabel: 'p',
    text: '',
  },
  reading: '',
  significance: significanceOf(p, pHolm),
});

describe('intervalDomain', () => {
  it('contains every finite interval end, robust ones included, padded by 6% of the span', () => {
    // WEAT 6 of the first report: [1.50, 1.85] beyond the last round tick 1.5 of [−0.48, 1.77]
    const rows = [row(1.292, -0.48, 1.77), row(1.717, 1.5, 1.85, [1.2, 1.95])];
    const [lo, hi] = intervalDomain(rows);
    // span of [−0.48, 1.95] is 2.43; 6% is 0.1458
    expect(lo).toBeCloseTo(-0.48 - 0.1458, 10);
    expect(hi).toBeCloseTo(1.95 + 0.1458, 10);
    for (const r of rows) for (const iv of [r.ci!, r.robust ?? r.ci!]) expect(lo < iv.low && iv.high < hi).toBe(true);
  });

  it('keeps the null value on the axis and ignores unbounded ends', () => {
    // one-sided [0.52, ∞): the axis spans 0 (null) … 0.9 (value), the whisker runs off its right edge
    const [lo, hi] = intervalDomain([row(0.9, 0.52, Infinity)], [0]);
    expect(lo).toBeCloseTo(-0.054, 10);
    expect(hi).toBeCloseTo(0.954, 10);
    // a proportion against ½ on the whole [0, 1] scale
    expect(intervalDomain([row(0.7, 0.6, 0.8)], [0.5, 0, 1], 0)).toEqual([0, 1]);
  });

  it('gives a usable axis when everything sits on one point', () => {
    expect(intervalDomain([{ name: 'x', value: 0, ci: null, robust: null, verdict: 'none' }], [0], 0.5)).toEqual([-0.5, 0.5]);
  });
});

describe('forestIntervalRow', () => {
  it('marks a test by the summary’s verdict, not by its p', () => {
    // p = 0.03 < α, but Holm across the batch gives 0.09: not significant, hollow marker
    expect(forestIntervalRow({ title: 'WEAT 9: x', summary: summary(1.29, [-0.48, 1.77], 0.03, 0.09) }).verdict).toBe('not-significant');
    expect(forestIntervalRow({ title: 'WEAT 1: x', summary: summary(1.17, [0.61, 1.47], 0.0001, 0.0002) }).verdict).toBe('significant');
  });

  it('draws the test interval and the robust interval the headline carries', () => {
    const r = forestIntervalRow({ title: 'T', summary: summary(0.8, [0.3, Infinity], 0.01, null, [-0.2, 1.6]) });
    expect(r.ci).toEqual({ low: 0.3, high: Infinity });
    expect(r.robust).toEqual({ low: -0.2, high: 1.6 });
  });

  it('a result with no test has no verdict', () => {
    const s = { ...summary(0.5, null, 0.5, null), significance: null };
    expect(forestIntervalRow({ title: 'T', summary: s }).verdict).toBe('none');
  });
});

describe('forestRows', () => {
  it('plots only a shared quantity of at least two results', () => {
    const a = { title: 'A', summary: summary(1, [0, 2], 0.01, null) };
    const b = { title: 'B', summary: summary(2, [1, 3], 0.01, null) };
    const other = { title: 'C', summary: { ...summary(3, [2, 4], 0.01, null), headline: { ...summary(3, [2, 4], 0.01, null).headline, label: 'Mean D' } } };
    expect(forestRows([a, other, b]).map((r) => r.title)).toEqual(['A', 'B']);
    expect(forestRows([a, other])).toEqual([]);
  });
});

describe('interval table', () => {
  it('prints the same bounds as the card, unbounded sides as ∞', () => {
    expect(intervalBoundsText({ low: 0.523, high: Infinity })).toBe('[0.52, ∞)');
    expect(intervalBoundsText({ low: -Infinity, high: Infinity })).toBe('(−∞, ∞)');
    const t = intervalTable('c', 'd', [{ ...row(1.2345, 0.5, 2), verdict: 'significant' }, { ...row(0.1, -0.4, 0.6, [-0.9, 1.1]), verdict: 'not-significant' }]);
    expect(t.columns).toEqual(['Name', 'd', 'Interval of the test', 'Stimulus-robust interval', 'Verdict']);
    expect(t.rows).toEqual([
      ['r', '1.234', '[0.50, 2.00]', '—', 'significant'],
      ['r', '0.100', '[-0.40, 0.60]', '[-0.90, 1.10]', 'not significant'],
    ]);
  });
});

describe('tickText', () => {
  it('writes round ticks short and tiny ones in scientific notation', () => {
    expect([0, 0.25, 1.5, -2, 0.00005].map(tickText)).toEqual(['0', '0.25', '1.5', '-2', '5e-5']);
  });
});
