// Whole-number options as the page's fields and the CLI's flags read them. Each refused spelling is
// one JavaScript's Number() reads as a number (the check below proves it), so accepting it would
// run with a value the user did not write.
import { describe, expect, it } from 'vitest';
import { integerRule, readDecimalInteger } from '../../../src/core/input/decimalInteger';
import { INTEGER_RUN_OPTIONS, readOptionField, readOptionFlag } from '../../../src/core/input/runOptionFields';

const PERMS = { min: 1, max: 10_000_000 };

describe('readDecimalInteger', () => {
  it('reads plain digits within the range', () => {
    expect(readDecimalInteger('1', PERMS, 'n')).toEqual({ ok: true, value: 1 });
    expect(readDecimalInteger('10000000', PERMS, 'n')).toEqual({ ok: true, value: 10_000_000 });
    expect(readDecimalInteger('0', { min: 0, max: 5 }, 'n')).toEqual({ ok: true, value: 0 });
    expect(readDecimalInteger('-3', { min: -5, max: 5 }, 'n')).toEqual({ ok: true, value: -3 });
  });

  it.each([
    ['0x10', 16],
    ['1e5', 100_000],
    ['10.0', 10],
    [' 12', 12],
    ['12 ', 12],
    ['+3', 3],
    ['010', 10],
    ['0b11', 3],
    ['0o7', 7],
  ])('refuses %j, which Number() reads as %d', (text, silently) => {
    expect(Number(text)).toBe(silently);
    const r = readDecimalInteger(text, PERMS, 'Permutations');
    expect(r.ok).toBe(false);
  });

  it('refuses digit separators, words, signs-only and the empty text', () => {
    for (const t of ['1_000', '10,000', '1 000', 'lots', '-', '', '   ', '½', '١٢']) expect(readDecimalInteger(t, PERMS, 'n').ok).toBe(false);
  });

  it('says why, naming the value and the range', () => {
    expect(readDecimalInteger('0x10', PERMS, 'Permutations')).toEqual({
      ok: false,
      message: 'Permutations must be a whole number from 1 to 10,000,000, written in plain digits (no sign, separators, decimals, exponent or hex); got “0x10”.',
    });
    expect(readDecimalInteger(' 12', PERMS, '--permutations')).toEqual({ ok: false, message: '--permutations must be a whole number from 1 to 10,000,000, written without spaces around it; got “ 12”.' });
    expect(readDecimalInteger('010', PERMS, 'n')).toEqual({ ok: false, message: 'n must be a whole number from 1 to 10,000,000, written without leading zeros; got “010”.' });
    expect(readDecimalInteger('', PERMS, 'Seed')).toEqual({ ok: false, message: 'Seed is empty: enter a whole number from 1 to 10,000,000.' });
  });

  it('refuses values out of range, and huge ones without rounding them into range first', () => {
    expect(readDecimalInteger('0', PERMS, 'n')).toEqual({ ok: false, message: 'n must be a whole number from 1 to 10,000,000; got “0”.' });
    expect(readDecimalInteger('10000001', PERMS, 'n').ok).toBe(false);
    expect(readDecimalInteger('-5', { min: 0, max: 9 }, 'n')).toEqual({ ok: false, message: 'n must be a whole number from 0 to 9; got “-5”.' });
    // 2^53 + 1 reads back as 2^53 through Number(): a range check on the number would be fooled.
    const huge = '9007199254740993';
    expect(Number(huge)).toBe(2 ** 53);
    expect(readDecimalInteger(huge, { min: 0, max: 2 ** 53 }, 'n').ok).toBe(false);
    expect(readDecimalInteger('9'.repeat(400), PERMS, 'n')).toEqual({ ok: false, message: `n must be a whole number from 1 to 10,000,000; got “${'9'.repeat(40)}…”.` });
  });

  it('refuses "-0" (a sign is only read to report the range)', () => {
    expect(readDecimalInteger('-0', { min: 0, max: 9 }, 'n').ok).toBe(false);
  });
});

describe('the run options, one table for the page and the CLI', () => {
  it('states each range once', () => {
    expect(integerRule(INTEGER_RUN_OPTIONS.seed)).toBe('a whole number from 0 to 2,147,483,647');
    expect(INTEGER_RUN_OPTIONS.permutations).toMatchObject({ min: 1, max: 10_000_000 });
    expect(INTEGER_RUN_OPTIONS.bootstrap).toMatchObject({ min: 0, max: 1_000_000 });
  });
  it('gives the field and the flag the same sentence, each under its own name', () => {
    const field = readOptionField('bootstrap', '2e3');
    const flag = readOptionFlag('bootstrap', '2e3');
    expect(field.ok || flag.ok).toBe(false);
    if (field.ok || flag.ok) return;
    expect(field.message.startsWith('Bootstrap resamples must be')).toBe(true);
    expect(flag.message.replace('--bootstrap', 'Bootstrap resamples')).toBe(field.message);
  });
});
