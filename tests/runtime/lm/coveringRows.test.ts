// coveringRows (src/runtime/lm/coveringRows.ts): the rows a causal scoring call runs, checked
// against a brute force (an input gets its own row exactly when no other input extends it) on
// random sets with many shared prefixes and duplicates, and on a prompt with its answers.
import { describe, expect, it } from 'vitest';
import { coveringRows } from '../../../src/runtime/lm/coveringRows';
import { createRng } from '../../../src/core/rng';

const startsWith = (row: readonly number[], input: readonly number[]) => input.length <= row.length && input.every((v, j) => row[j] === v);

describe('coveringRows', () => {
  it('keeps exactly the inputs no other input extends, each serving the inputs it begins with', () => {
    const rng = createRng(11);
    for (let trial = 0; trial < 300; trial++) {
      const n = 1 + rng.int(0, 11);
      const inputs = Array.from({ length: n }, () => Array.from({ length: rng.int(0, 5) }, () => rng.int(0, 2)));
      const { rows, members } = coveringRows(inputs);
      // Brute force: the maximal inputs, one per distinct sequence.
      const maximal = new Set(inputs.filter((a) => !inputs.some((b) => b.length > a.length && startsWith(b, a))).map((a) => a.join(',')));
      expect(new Set(rows.map((r) => r.join(',')))).toEqual(maximal);
      expect(rows).toHaveLength(maximal.size);
      expect(members.flat().sort((a, b) => a - b)).toEqual(inputs.map((_, i) => i));
      rows.forEach((row, r) => members[r]!.forEach((i) => expect(startsWith(row, inputs[i]!)).toBe(true)));
    }
  });

  it('without extensions serving, gives one row per distinct input, serving its duplicates', () => {
    const inputs = [[1, 2], [1, 2, 3], [1, 2], [1], [1, 2, 3]];
    expect(coveringRows(inputs, false)).toEqual({
      rows: [[1, 2], [1, 2, 3], [1]],
      members: [[0, 2], [1, 4], [3]],
    });
  });

  it("serves a prompt's one-token answers and a two-token answer's first token with one row", () => {
    const prompt = [50, 7, 7, 9];
    // Inputs are sequences without their last token: "Yes", "no", "No" read the prompt; "y|es" reads prompt + "y".
    const inputs = [[...prompt], [...prompt, 88], [...prompt], [...prompt]];
    expect(coveringRows(inputs)).toEqual({ rows: [[...prompt, 88]], members: [[0, 1, 2, 3]] });
  });
});
