// The one rule for stimuli written as text: one per line, trimmed, blanks dropped; a comma, a
// semicolon or a space never splits. Expected lists are written out by hand.
import { describe, expect, it } from 'vitest';
import { stimulusLines } from '../../../src/core/input/stimulusLines';
import { stimulusProblem } from '../../../src/core/input/stimulusText';

describe('stimulusLines', () => {
  it('splits on every line break (LF, CRLF, CR, U+2028, U+2029), trims, drops blank lines', () => {
    expect(stimulusLines(' rose \r\ntulip\rlily\u2028daisy\u2029aster\n\n  \n')).toEqual(['rose', 'tulip', 'lily', 'daisy', 'aster']);
  });
  it('keeps commas, semicolons and inner spaces inside a stimulus', () => {
    expect(stimulusLines('lily, daisy\nice cream\nant;flea')).toEqual(['lily, daisy', 'ice cream', 'ant;flea']);
  });
  it('reads an empty or all-blank text as no stimuli', () => {
    expect(stimulusLines('')).toEqual([]);
    expect(stimulusLines('\n \r\n\t\n')).toEqual([]);
  });
});

describe('stimulusProblem', () => {
  it('accepts visible text, phrases, commas and non-Latin scripts', () => {
    for (const w of ['rose', 'ice cream', 'lily, daisy', 'Zoë', '日本', '=SUM(A1)', '<b>x</b>']) expect(stimulusProblem(w)).toBeNull();
  });
  it('names a line break, a tab and other control characters, with the input escaped', () => {
    expect(stimulusProblem('lily\ndaisy')).toBe('“lily\\ndaisy” holds a line break: a stimulus is one line of text; put each stimulus on its own line');
    expect(stimulusProblem('rose\tflower')).toMatch(/^“rose\\tflower” holds a tab:/);
    expect(stimulusProblem('a\u001b[31mred')).toMatch(/^“a\\u001b\[31mred” holds the control character U\+001B:/);
    expect(stimulusProblem('x\u0085y')).toMatch(/U\+0085/);
  });
});
