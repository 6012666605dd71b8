// The association headline: the inverted test's interval beside p (±∞ for unbounded sides), the
// bootstrap as the named stimulus-robust interval, the one sentence when they disagree about 0, and
// the class-mode line (direction, Cohen's class with its thresholds, chance under the one rule).
import { describe, expect, it } from 'vitest';
import type { AssociationResult } from '../../src/core/association/types';
import type { EffectSize, PValue } from '../../src/core/units';
import { familyOf } from '../../src/probes/families';
import { flowersResult } from '../state/fixtures';

const testCi = (low: number | null) => ({ level: 0.95, low, high: null, sides: 'lower' as const, method: 'permutation-inversion', nullValue: 0 });
const summary = (r: AssociationResult) => familyOf(r.kind).summarize(r);

describe('association headline', () => {
  it('prints the test interval beside p and the robust interval after it, as the WEAT 9 example', () => {
    const r = flowersResult({ effectSize: 1.292 as EffectSize, pValue: 0.0065 as PValue, testCi: testCi(0.4874), ci: { level: 0.95, low: -0.48, high: 1.77, method: 'percentile', resamples: 2000 } });
    const h = summary(r).headline;
    expect(h.text).toBe('Effect size d = 1.292, 95% CI [0.49, ∞) (permutation test inverted), p = 0.0065; stimulus-robust 95% CI [-0.48, 1.77]');
    expect(h.ci).toEqual({ low: 0.4874, high: Infinity, level: 0.95, sides: 'lower', method: 'permutation-inversion', nullValue: 0 });
    expect(h.robustCi).toEqual({ low: -0.48, high: 1.77, level: 0.95, resampled: 'the X, Y, A and B words' });
    expect(h.intervalNote).toMatch(/^The permutation test holds the chosen words fixed; resampling the X, Y, A and B words too gives an interval that crosses 0/);
  });
  it('has no note when both intervals leave out 0, or both contain it', () => {
    expect(summary(flowersResult({ testCi: testCi(0.52) })).headline.intervalNote).toBeUndefined();
    const both = flowersResult({ pValue: 0.3 as PValue, testCi: testCi(-0.3), ci: { level: 0.95, low: -0.2, high: 0.9, method: 'percentile', resamples: 2000 } });
    expect(summary(both).headline.intervalNote).toBeUndefined();
  });
  it('an unbounded test interval is (−∞, ∞) and a robust interval below 0 gets the one-sided note', () => {
    const r = flowersResult({ effectSize: -1.2 as EffectSize, pValue: 0.99 as PValue, testCi: testCi(null), ci: { level: 0.95, low: -1.6, high: -0.7, method: 'percentile', resamples: 2000 } });
    const h = summary(r).headline;
    expect(h.ci).toMatchObject({ low: -Infinity, high: Infinity });
    expect(h.text).toContain('95% CI (−∞, ∞) (permutation test inverted), p = 0.9900');
    expect(h.intervalNote).toMatch(/^The permutation test is one-sided \(it asks only whether flowers are more associated with pleasant words than insects are\)/);
  });
  it('a robust interval above 0 beside a test that does not reject says to go by the test', () => {
    const r = flowersResult({ pValue: 0.09 as PValue, testCi: testCi(-0.1), ci: { level: 0.95, low: 0.2, high: 1.6, method: 'percentile', resamples: 2000 } });
    expect(summary(r).headline.intervalNote).toMatch(/go by the test\.$/);
  });
  it('a record of method version 1 has no test interval, only the robust one', () => {
    const h = summary(flowersResult()).headline;
    expect(h.ci).toBeNull();
    expect(h.robustCi).toMatchObject({ low: 0.63, high: 1.52 });
    expect(h.text).toBe('Effect size d = 1.170, p = 0.0001; stimulus-robust 95% CI [0.63, 1.52]');
  });
});

describe('class-mode line', () => {
  it('states direction, size class with thresholds and chance without the permutation count', () => {
    const plain = summary(flowersResult({ testCi: testCi(0.5), pValue: 0.0003 as PValue })).plain!;
    expect(plain.direction).toBe('Flowers are more associated with pleasant words than insects are.');
    expect(plain.magnitude).toBe('Large effect: |d| = 1.17; large is |d| ≥ 0.8, medium ≥ 0.5, small ≥ 0.2 (Cohen 1988).');
    expect(plain.chance).toBe('Chance alone would rarely give a result this strong (p = 0.0003, one-sided permutation test).');
    expect(Object.values(plain).join(' ')).not.toMatch(/Monte Carlo|permutations/);
  });
  it('uses the Holm-adjusted p the verdict used, and says chance could explain a non-significant result', () => {
    const plain = summary(flowersResult({ effectSize: 0.3 as EffectSize, pValue: 0.02 as PValue, pHolm: 0.21 as PValue, testCi: testCi(0.01) })).plain!;
    expect(plain.magnitude).toMatch(/^Small effect: \|d\| = 0.30;/);
    expect(plain.chance).toBe('Chance could explain it (Holm-adjusted p = 0.2100).');
  });
  it('the likelihood IAT names what the model finds likely', () => {
    const plain = summary(flowersResult({ kind: 'lm-iat', effectSize: -0.55 as EffectSize, pValue: 0.97 as PValue })).plain!;
    expect(plain.direction).toBe('The model finds pleasant attributes more likely after Insects than after Flowers.');
    expect(plain.magnitude).toMatch(/^Medium effect/);
    expect(plain.chance).toMatch(/^The test is one-sided .*chance could explain it \(p = 0.9700\)\.$/);
  });
  it('has no size class when d is undefined', () => {
    const plain = summary(flowersResult({ effectSize: Number.NaN as EffectSize, testCi: null })).plain!;
    expect(plain.magnitude).toBeNull();
    expect(plain.direction).toMatch(/^No direction/);
  });
});

describe('stored results', () => {
  it('a result with a one-sided test interval (null bound) and attribute words survives JSON and validates; one without them (version 1) too', () => {
    const schema = familyOf('weat').resultSchema;
    const r = flowersResult({ testCi: testCi(null), attributeItems: [{ word: 'love', set: 'A', association: 0.03 }] });
    const back = schema.parse(JSON.parse(JSON.stringify(r))) as AssociationResult;
    expect(back.testCi).toEqual(testCi(null));
    expect(back.attributeItems).toEqual([{ word: 'love', set: 'A', association: 0.03 }]);
    expect(schema.safeParse(JSON.parse(JSON.stringify(flowersResult()))).success).toBe(true);
    expect(schema.safeParse({ ...JSON.parse(JSON.stringify(r)), testCi: { ...testCi(0.2), sides: 'upwards' } }).success).toBe(false);
  });
});
