// continuationBoundaries (src/runtime/lm/continuationBoundary.ts): the remembered search gives the
// boundary of the plain search (decode ever longer runs) on every pair, with a decoder that is not
// additive over tokens (token 9 is half a character: alone it decodes to U+FFFD, with token 8 after
// it to "é"), and decodes one prompt's runs once for all its answers.
import { describe, expect, it } from 'vitest';
import { continuationBoundaries } from '../../../src/runtime/lm/continuationBoundary';
import { createRng } from '../../../src/core/rng';

const PIECES = ['a', 'b', ' ', 'ab', 'c', ' c', '.', 'x'];
const decode = (ids: readonly number[]) => ids.map((id, j) => (id === 9 ? (ids[j + 1] === 8 ? 'é' : '\uFFFD') : id === 8 ? (ids[j - 1] === 9 ? '' : 'y') : PIECES[id]!)).join('');

/** The search as written before it remembered anything. */
function plainSearch(prefix: string, ids: readonly number[], start: number) {
  let k = 0;
  let aligned = prefix.length === 0;
  for (let j = start; j < ids.length; j++) {
    const text = decode(ids.slice(start, j + 1));
    if (!prefix.startsWith(text)) break;
    k = j + 1 - start;
    aligned = text === prefix;
    if (aligned) break;
  }
  return { k, aligned };
}

describe('continuationBoundaries', () => {
  it('equals the plain search on random prompts and answers, with one search shared by many pairs', () => {
    const rng = createRng(3);
    for (let trial = 0; trial < 200; trial++) {
      const boundary = continuationBoundaries(decode);
      const prompts = Array.from({ length: 1 + rng.int(0, 3) }, () => Array.from({ length: rng.int(0, 6) }, () => rng.int(0, 9)));
      for (let p = 0; p < 12; p++) {
        const prompt = prompts[rng.int(0, prompts.length - 1)]!;
        const ids = [7, ...prompt, ...Array.from({ length: 1 + rng.int(0, 2) }, () => rng.int(0, 9))];
        // The prefix as a caller gives it: the prompt's text, sometimes with one character less or more.
        const text = decode(prompt);
        const prefix = [text, text.slice(0, -1), `${text}a`][rng.int(0, 2)]!;
        const start = rng.int(0, 1);
        expect(boundary(prefix, ids, start)).toEqual(plainSearch(prefix, ids, start));
      }
    }
  });

  it("decodes a prompt's runs once for all of its answers", () => {
    let calls = 0;
    const boundary = continuationBoundaries((ids) => {
      calls++;
      return decode(ids);
    });
    const prompt = [0, 1, 2, 4, 6];
    const prefix = decode(prompt);
    for (const answer of [[0], [1], [3, 4], [5]]) expect(boundary(prefix, [7, ...prompt, ...answer], 1)).toEqual({ k: prompt.length, aligned: true });
    expect(calls).toBe(prompt.length);
  });
});
