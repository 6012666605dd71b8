import { describe, expect, it } from 'vitest';
import { reproducedRun } from '../../src/core/reproducedRun';
import { SAMPLER_VERSION } from '../../src/core/stats/samplerVersion';

const model = { assetSha256: 'abc' };
const weat = { kind: 'weat', probeId: 'weat-1', effectSize: 1.5, pValue: 0.0001, ci: { low: 1.1, high: 1.8, level: 0.95 }, items: [{ word: 'rose', association: 0.12 }] };

describe('reproducedRun', () => {
  it('calls a re-run with every value equal identical, NaN included', () => {
    const a = { model, results: [{ ...weat, wefe: { rnsb: Number.NaN } }] };
    const b = { model: { ...model }, results: [structuredClone(a.results[0]!)] };
    expect(reproducedRun(a, b)).toEqual({
      identical: true,
      firstDifference: null,
      modelChanged: false,
      methodChanged: false,
      methodMoved: [],
      methodNote: null,
      samplerChanged: false,
      samplerMoved: [],
      samplerNote: null,
    });
  });

  it('names the first value that moved, deep inside a result', () => {
    const b = { model, results: [{ ...weat, items: [{ word: 'rose', association: 0.12 + 1e-12 }] }] };
    expect(reproducedRun({ model, results: [weat] }, b)).toMatchObject({ identical: false, firstDifference: 'results[0].items[0].association', modelChanged: false });
  });

  it('a changed CI bound or a missing result is a difference; a changed asset is reported', () => {
    const b = { model: { assetSha256: 'def' }, results: [{ ...weat, ci: { ...weat.ci, low: 1.0 } }] };
    expect(reproducedRun({ model, results: [weat] }, b)).toMatchObject({ identical: false, firstDifference: 'results[0].ci.low', modelChanged: true });
    expect(reproducedRun({ model, results: [weat, weat] }, { model, results: [weat] }).firstDifference).toBe('results.length');
  });

  it('a record of method version 1 re-run today: moved intervals and added fields are the method change, not a mismatch', () => {
    const testCi = { level: 0.95, low: 0.9, high: null, sides: 'lower', method: 'permutation-inversion', nullValue: 0 };
    const rerun = { model, methodVersion: 2, results: [{ ...weat, ci: { ...weat.ci, low: 1.05 }, testCi }] };
    const verdict = reproducedRun({ model, results: [weat] }, rerun);
    expect(verdict).toMatchObject({ identical: true, firstDifference: null, methodChanged: true, methodMoved: ['results[0].ci', 'results[0].testCi'] });
    expect(verdict.methodNote).toBe(
      'The original was computed with method version 1, this re-run with version 2: its intervals and p-values differ on purpose (the interval beside p now comes from the test itself, and a two-sided randomisation p is twice the smaller tail) and were not compared; every other number is identical.',
    );
  });
  it('across method versions a moved d or p is still a difference', () => {
    const rerun = { model, methodVersion: 2, results: [{ ...weat, pValue: 0.0002 }] };
    expect(reproducedRun({ model, results: [weat] }, rerun)).toMatchObject({ identical: false, firstDifference: 'results[0].pValue', methodChanged: true });
  });
  it('across method versions a sign-flip p and its tail count are the method change, a moved mean Δ is not', () => {
    const summary = { meanDelta: -0.8, signFlip: { pValue: 0.6224, method: 'monte-carlo', permutations: 100_000, extreme: 62_239 } };
    const moved = { ...summary, signFlip: { ...summary.signFlip, pValue: 0.6192, extreme: 30_959 } };
    const same = reproducedRun({ model, results: [{ summary }] }, { model, methodVersion: 2, results: [{ summary: moved }] });
    expect(same).toMatchObject({ identical: true, methodMoved: ['results[0].summary.signFlip.pValue', 'results[0].summary.signFlip.extreme'] });
    const differs = reproducedRun({ model, results: [{ summary }] }, { model, methodVersion: 2, results: [{ summary: { ...moved, meanDelta: -0.7 } }] });
    expect(differs).toMatchObject({ identical: false, firstDifference: 'results[0].summary.meanDelta' });
  });
  it('within one method version an added field is a difference', () => {
    const rerun = { model, methodVersion: 2, results: [{ ...weat, testCi: null }] };
    expect(reproducedRun({ model, methodVersion: 2, results: [weat] }, rerun)).toMatchObject({ identical: false, firstDifference: 'results[0].testCi', methodNote: null });
  });

  describe('a record of sampler 1 re-run with a later sampler', () => {
    const association = { ...weat, sizes: { X: 1, Y: 1, A: 1, B: 1 }, pMethod: 'monte-carlo', pHolm: 0.0002, pBH: 0.0002, testCi: { low: 0.9 }, nullHistogram: { min: -1, max: 1, counts: [3, 5], observed: 0.4 } };
    const drawnAgain = { ...association, pValue: 0.00012, pHolm: 0.00024, pBH: 0.00024, ci: { ...weat.ci, high: 1.79 }, testCi: { low: 0.91 }, nullHistogram: { ...association.nullHistogram, counts: [4, 4] } };
    it('lists the Monte Carlo fields as moved by the sampler and says so in a sentence', () => {
      const verdict = reproducedRun({ model, methodVersion: 2, results: [association] }, { model, methodVersion: 2, samplerVersion: SAMPLER_VERSION, results: [drawnAgain] });
      expect(verdict).toMatchObject({ identical: true, firstDifference: null, methodChanged: false, samplerChanged: true });
      expect(verdict.samplerMoved).toEqual(['results[0].pValue', 'results[0].ci', 'results[0].pHolm', 'results[0].pBH', 'results[0].testCi', 'results[0].nullHistogram']);
      expect(verdict.samplerNote).toBe(
        `The original's random permutations and bootstrap resamples were drawn by sampler 1, this re-run's by sampler ${SAMPLER_VERSION} (the current one): their Monte Carlo p-values and intervals differ within sampling error and were not compared; exact p-values and every other number are identical.`,
      );
    });
    it('an exact p, its interval or d that moved is still a difference', () => {
      const exact = { ...association, pMethod: 'exact', pValue: 0.25 };
      const rerun = (result: object) => reproducedRun({ model, methodVersion: 2, results: [exact] }, { model, methodVersion: 2, samplerVersion: 2, results: [result] });
      expect(rerun({ ...exact, pValue: 0.5 })).toMatchObject({ identical: false, firstDifference: 'results[0].pValue' });
      expect(rerun({ ...exact, testCi: { low: 0.95 } })).toMatchObject({ identical: false, firstDifference: 'results[0].testCi.low' });
      expect(rerun({ ...exact, effectSize: 1.6 })).toMatchObject({ identical: false, firstDifference: 'results[0].effectSize' });
      expect(rerun({ ...exact, ci: { ...weat.ci, low: 1.0 } })).toMatchObject({ identical: true, samplerMoved: ['results[0].ci'] });
    });
    it('the same sampler compares the Monte Carlo fields exactly', () => {
      const verdict = reproducedRun({ model, methodVersion: 2, samplerVersion: 2, results: [association] }, { model, methodVersion: 2, samplerVersion: 2, results: [drawnAgain] });
      expect(verdict).toMatchObject({ identical: false, firstDifference: 'results[0].pValue', samplerChanged: false, samplerNote: null });
    });
  });

  describe('a record of method version 2 re-run with version 3 (language-model scores in covering rows)', () => {
    const lm = { kind: 'counterfactual-pairs', probeId: 'lm-basic', meanDelta: -0.8, items: [{ id: 'p1', logProbA: -40.00001, logProbB: -39.5, delta: -0.50001 }] };
    const rounded = { ...lm, meanDelta: -0.80000004, items: [{ id: 'p1', logProbA: -40.00003, logProbB: -39.50001, delta: -0.50002 }] };
    it('numbers within float32 rounding are the method change, named and said so', () => {
      const verdict = reproducedRun({ model, methodVersion: 2, samplerVersion: 2, results: [lm] }, { model, methodVersion: 3, samplerVersion: 2, results: [rounded] });
      expect(verdict).toMatchObject({ identical: true, firstDifference: null, methodChanged: true });
      expect(verdict.methodMoved).toEqual(['results[0].meanDelta', 'results[0].items[0].logProbA', 'results[0].items[0].logProbB', 'results[0].items[0].delta']);
      expect(verdict.methodNote).toBe(
        'The original was computed with method version 2, this re-run with version 3 (the current one): its language-model numbers differ at float32 rounding on purpose (scores now come from covering rows in passes of at most 512 positions) and were not compared; every other number is identical.',
      );
    });
    it('a number further than rounding from the original is still a difference; within one version rounding is a difference', () => {
      // 1e-6 relative of 40 plus 5e-5 absolute is 9e-5: 1e-4 is beyond it.
      const moved = { ...lm, items: [{ ...lm.items[0]!, logProbA: -40.00011 }] };
      expect(reproducedRun({ model, methodVersion: 2, results: [lm] }, { model, methodVersion: 3, results: [moved] })).toMatchObject({ identical: false, firstDifference: 'results[0].items[0].logProbA' });
      expect(reproducedRun({ model, methodVersion: 3, results: [lm] }, { model, methodVersion: 3, results: [rounded] })).toMatchObject({ identical: false, firstDifference: 'results[0].meanDelta' });
    });
    it("version 3 does not excuse what only version 2 moved: an interval that moved further than rounding, or an added field, is a difference", () => {
      const withCi = { ...lm, ci: { low: -1.2, high: -0.4, level: 0.95 } };
      const v2 = { model, methodVersion: 2, results: [withCi] };
      expect(reproducedRun(v2, { model, methodVersion: 3, results: [{ ...withCi, ci: { ...withCi.ci, low: -1.1 } }] })).toMatchObject({ identical: false, firstDifference: 'results[0].ci.low' });
      expect(reproducedRun(v2, { model, methodVersion: 3, results: [{ ...withCi, testCi: null }] })).toMatchObject({ identical: false, firstDifference: 'results[0].testCi' });
    });
  });

  it('a later sampler moves any Monte Carlo p with what is made from it, and bootstrap intervals, in any family', () => {
    const comparison = { attribute: 'age', difference: -0.1, pMethod: 'monte-carlo', permutations: 100_000, pValue: 0.99, pHolm: 1, pBH: 0.99, testCi: { low: -0.01, high: 0.01 }, ci: { low: -0.2, high: 0.1, resamples: 2000 } };
    const drawn = { ...comparison, pValue: 0.98, pHolm: 0.99, pBH: 0.98, testCi: { low: -0.011, high: 0.01 }, ci: { low: -0.21, high: 0.1, resamples: 2000 } };
    const record = (c: object, samplerVersion: number) => ({ model, methodVersion: 3, samplerVersion, results: [{ kind: 'decision-template', probeId: 'd', comparisons: [c] }] });
    const verdict = reproducedRun(record(comparison, 2), record(drawn, 3));
    expect(verdict).toMatchObject({ identical: true, samplerChanged: true });
    expect(verdict.samplerMoved).toEqual(['results[0].comparisons[0].pValue', 'results[0].comparisons[0].pHolm', 'results[0].comparisons[0].pBH', 'results[0].comparisons[0].testCi', 'results[0].comparisons[0].ci']);
    expect(reproducedRun(record(comparison, 2), record({ ...drawn, difference: -0.2 }, 3)).firstDifference).toBe('results[0].comparisons[0].difference');
  });
});
