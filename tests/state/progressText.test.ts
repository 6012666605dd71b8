import { describe, expect, it } from 'vitest';
import { progressFraction, progressText } from '../../src/state/progressText';

describe('progress', () => {
  it('writes what is happening', () => {
    expect(progressText({ stage: 'embedding', unit: 'words', count: 64 })).toBe('embedding 64 words');
    expect(progressText({ stage: 'permutations', done: 40_000, total: 100_000, test: 1, tests: 1 })).toBe('permutations 40,000 / 100,000');
    expect(progressText({ stage: 'bootstrap', done: 5, total: 10, test: 3, tests: 10 })).toBe('test 3 / 10 · bootstrap 5 / 10');
    expect(progressText(null)).toBe('');
  });
  it('maps progress to a bar fraction', () => {
    expect(progressFraction({ stage: 'permutations', done: 50, total: 100, test: 1, tests: 1 })).toBeCloseTo(0.25);
    expect(progressFraction({ stage: 'bootstrap', done: 100, total: 100, test: 2, tests: 2 })).toBeCloseTo(1);
    expect(progressFraction({ stage: 'embedding', unit: 'words', count: 3 })).toBeNull();
  });
});
