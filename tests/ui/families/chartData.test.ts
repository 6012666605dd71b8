// The families' chart reshaping: which cell a presentation lands in (MCQ heatmap) and the order of
// the Δ dots. Worked by hand in the comments.
import { describe, expect, it } from 'vitest';
import type { McqPositionRow } from '../../../src/core/lmRun/types';
import { positionOptionMatrix } from '../../../src/ui/families/mcq-position/positionOptionMatrix';
import { rankByDelta } from '../../../src/ui/families/shared/deltaPoints';

const row = (order: number[], chosen: number): McqPositionRow => ({ questionId: 'q', presentation: 0, order, labelLogProbs: [], chosen, chosenContent: '', debiasedChosen: chosen, gold: null });

describe('positionOptionMatrix', () => {
  it('counts option o chosen at position p out of the times o was shown at p', () => {
    // three options, three cyclic orders of one question; the model always picks position 0 (A)
    const items = [row([0, 1, 2], 0), row([1, 2, 0], 0), row([2, 0, 1], 0)];
    const { chosen, shown } = positionOptionMatrix({ options: 3, items });
    // each option is shown once at each position
    expect(shown).toEqual([
      [1, 1, 1],
      [1, 1, 1],
      [1, 1, 1],
    ]);
    // position 0 held options 0, 1, 2 in turn and was always chosen; nothing else was
    expect(chosen).toEqual([
      [1, 1, 1],
      [0, 0, 0],
      [0, 0, 0],
    ]);
  });

  it('a content-driven choice follows the option across positions', () => {
    // option 2 is always chosen: at position 2, then 1, then 0
    const items = [row([0, 1, 2], 2), row([1, 2, 0], 1), row([2, 0, 1], 0)];
    const { chosen } = positionOptionMatrix({ options: 3, items });
    expect(chosen.map((r) => r[2])).toEqual([1, 1, 1]);
    expect(chosen.flat().reduce((a, b) => a + b, 0)).toBe(3);
  });
});

describe('rankByDelta', () => {
  it('sorts the dots by Δ, most negative first, ranked from 1', () => {
    const pts = rankByDelta([
      { id: 'a', label: 'a', category: 'x', delta: 0.5 },
      { id: 'b', label: 'b', category: 'x', delta: -1.25 },
      { id: 'c', label: 'c', category: 'y', delta: 0 },
    ]);
    expect(pts.map((p) => [p.id, p.rank])).toEqual([
      ['b', 1],
      ['c', 2],
      ['a', 3],
    ]);
  });
});
