import { describe, expect, it } from 'vitest';
import { reproducedRun } from '../../src/core/reproducedRun';

const model = { assetSha256: 'abc' };
const weat = { kind: 'weat', probeId: 'weat-1', effectSize: 1.5, pValue: 0.0001, ci: { low: 1.1, high: 1.8, level: 0.95 }, items: [{ word: 'rose', association: 0.12 }] };

describe('reproducedRun', () => {
  it('calls a re-run with every value equal identical, NaN included', () => {
    const a = { model, results: [{ ...weat, wefe: { rnsb: Number.NaN } }] };
    const b = { model: { ...model }, results: [structuredClone(a.results[0]!)] };
    expect(reproducedRun(a, b)).toEqual({ identical: true, firstDifference: null, modelChanged: false });
  });

  it('names the first value that moved, deep inside a result', () => {
    const b = { model, results: [{ ...weat, items: [{ word: 'rose', association: 0.12 + 1e-12 }] }] };
    expect(reproducedRun({ model, results: [weat] }, b)).toEqual({ identical: false, firstDifference: 'results[0].items[0].association', modelChanged: false });
  });

  it('a changed CI bound or a missing result is a difference; a changed asset is reported', () => {
    const b = { model: { assetSha256: 'def' }, results: [{ ...weat, ci: { ...weat.ci, low: 1.0 } }] };
    expect(reproducedRun({ model, results: [weat] }, b)).toEqual({ identical: false, firstDifference: 'results[0].ci.low', modelChanged: true });
    expect(reproducedRun({ model, results: [weat, weat] }, { model, results: [weat] }).firstDifference).toBe('results.length');
  });
});
