// Likelihood IAT: it is WEAT on log-probabilities, so it must agree with the association core fed
// the same numbers, behave like WEAT under swaps, and reject malformed matrices with named errors.
import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSOCIATION_OPTIONS } from '../../../src/core/association/types';
import { InvalidLmInputError, InvalidLmScoreError } from '../../../src/core/errors';
import { runLikelihoodIat, type LikelihoodIatInput } from '../../../src/core/lm/likelihoodIat/runLikelihoodIat';
import { permutationTest } from '../../../src/core/stats/permutationTest';
import { weatEffectSize } from '../../../src/core/stats/weatEffectSize';
import { InvalidOptionError } from '../../../src/core/errors';

// ℓ(t, a): targets x1..x3, y1..y3; attributes a1, a2, b1, b2.
const logProbs = [
  [-2, -3, -5, -6],
  [-2.5, -2.5, -5, -4],
  [-3, -2, -4.5, -5.5],
  [-5, -6, -2, -3],
  [-4, -5, -3, -2],
  [-4.5, -4, -2.5, -3.5],
];
const input: LikelihoodIatInput = {
  probeId: 'lm-iat-test',
  title: 'test',
  labels: { X: 'flowers', Y: 'insects', A: 'pleasant', B: 'unpleasant' },
  words: { X: ['x1', 'x2', 'x3'], Y: ['y1', 'y2', 'y3'], A: ['a1', 'a2'], B: ['b1', 'b2'] },
  logProbs,
};
const options = { ...DEFAULT_ASSOCIATION_OPTIONS, bootstrap: 300 };

describe('likelihood IAT = WEAT statistics on s(t) = mean_A ℓ − mean_B ℓ', () => {
  const result = runLikelihoodIat(input, options);
  const s = logProbs.map((row) => (row[0]! + row[1]!) / 2 - (row[2]! + row[3]!) / 2);
  it('s(t), S and d by hand', () => {
    expect(result.items.map((i) => i.association)).toEqual(s);
    expect(result.statistic).toBeCloseTo(s.slice(0, 3).reduce((a, b) => a + b) - s.slice(3).reduce((a, b) => a + b), 12);
    expect(result.effectSize).toBeCloseTo(weatEffectSize(s.slice(0, 3), s.slice(3), 'sample'), 14);
  });
  it('p equals the association core permutation test on the same s; X perfectly separated → p = 1/C(6,3)', () => {
    const p = permutationTest(s, 3, { permutations: 1, exactLimit: 100_000, seed: 1 });
    expect(result.pValue).toBe(p.pValue);
    expect(result.pValue).toBe(1 / 20);
    expect(result.kind).toBe('lm-iat');
    expect(result.ci).not.toBeNull();
  });
  it('swapping A and B negates s, S and d; same seed ⇒ same CI', () => {
    const swapped = runLikelihoodIat({ ...input, words: { ...input.words, A: input.words.B, B: input.words.A }, logProbs: logProbs.map((r) => [r[2]!, r[3]!, r[0]!, r[1]!]) }, options);
    expect(swapped.effectSize).toBeCloseTo(-result.effectSize, 14);
    expect(runLikelihoodIat(input, options).ci).toEqual(result.ci);
  });
  it('a prior per attribute shifts s by a constant, so d and p are unchanged when |A| = |B| priors are equal', () => {
    const withPrior = runLikelihoodIat({ ...input, priorLogProbs: [-1, -1, -1, -1] }, options);
    expect(withPrior.effectSize).toBeCloseTo(result.effectSize, 14);
    const shifted = runLikelihoodIat({ ...input, priorLogProbs: [-1, -2, -3, -4] }, options);
    shifted.items.forEach((item, i) => expect(item.association).toBeCloseTo(s[i]! - (-1.5 + 3.5), 14));
  });
});

describe('named errors', () => {
  it('shape and content', () => {
    expect(() => runLikelihoodIat({ ...input, logProbs: logProbs.slice(1) }, options)).toThrow(InvalidLmInputError);
    expect(() => runLikelihoodIat({ ...input, logProbs: logProbs.map((r) => r.slice(1)) }, options)).toThrow(/expected \|A\|\+\|B\| = 4/);
    expect(() => runLikelihoodIat({ ...input, words: { ...input.words, A: ['a1'] }, logProbs: logProbs.map((r) => r.slice(1)) }, options)).toThrow(/at least 2/);
    expect(() => runLikelihoodIat({ ...input, words: { ...input.words, X: ['x1', 'x1', 'x3'] } }, options)).toThrow(/repeats/);
    expect(() => runLikelihoodIat({ ...input, logProbs: [[0.5, -1, -1, -1], ...logProbs.slice(1)] }, options)).toThrow(InvalidLmScoreError);
    expect(() => runLikelihoodIat({ ...input, priorLogProbs: [-1] }, options)).toThrow(InvalidLmInputError);
    expect(() => runLikelihoodIat(input, { ...options, permutations: 0 })).toThrow(InvalidOptionError);
  });
});
