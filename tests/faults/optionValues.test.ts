// Fault suite, option values: the whole-number run options as the page's fields read them
// (readOptionField, what RunPanel's fields call) against the CLI flags' reading of the same text
// (readOptionFlag). Each refused spelling is one JavaScript's Number() would have taken; the page
// and the CLI refuse it with the same sentence, each naming the value its own way.
import { describe, expect, it } from 'vitest';
import { INTEGER_RUN_OPTIONS, readOptionField, readOptionFlag, type IntegerRunOption } from '../../src/core/input/runOptionFields';

/** The page's refusal, checked to be the CLI's sentence with the flag in place of the label. */
const refusedAlike = (option: IntegerRunOption, text: string): string => {
  const field = readOptionField(option, text);
  const flag = readOptionFlag(option, text);
  if (field.ok || flag.ok) throw new Error(`${option} ${JSON.stringify(text)} was accepted`);
  const { label, flag: name } = INTEGER_RUN_OPTIONS[option];
  expect(flag.message).toBe(field.message.replace(label, `--${name}`));
  return field.message;
};

describe('fault suite', () => {
  it('option values · malformed · permutations "0x10" (Number() reads 16) → refused, plain digits asked for', () => {
    expect(Number('0x10')).toBe(16);
    expect(refusedAlike('permutations', '0x10')).toBe(
      'Permutations must be a whole number from 1 to 10,000,000, written in plain digits (no sign, separators, decimals, exponent or hex); got “0x10”.',
    );
  });

  it('option values · malformed · "1e5", "10.0", "+3", "1_000", "10,000" → each refused the same way', () => {
    for (const text of ['1e5', '10.0', '+3', '1_000', '10,000']) expect(refusedAlike('bootstrap', text)).toMatch(/written in plain digits/);
  });

  it('option values · malformed · " 12" and "010" → refused, saying spaces or leading zeros', () => {
    expect(refusedAlike('seed', ' 12')).toBe('Seed must be a whole number from 0 to 2,147,483,647, written without spaces around it; got “ 12”.');
    expect(refusedAlike('seed', '010')).toBe('Seed must be a whole number from 0 to 2,147,483,647, written without leading zeros; got “010”.');
  });

  it('option values · malformed · an empty field → "is empty", with the range', () => {
    expect(refusedAlike('permutations', '')).toBe('Permutations is empty: enter a whole number from 1 to 10,000,000.');
  });

  it('option values · oversized · 10,000,001 permutations, seed 2^31, 400 nines → refused by range, never rounded into it', () => {
    expect(refusedAlike('permutations', '10000001')).toBe('Permutations must be a whole number from 1 to 10,000,000; got “10000001”.');
    expect(refusedAlike('seed', String(2 ** 31))).toMatch(/^Seed must be a whole number from 0 to 2,147,483,647; got/);
    expect(refusedAlike('bootstrap', '9'.repeat(400))).toBe(`Bootstrap resamples must be a whole number from 0 to 1,000,000; got “${'9'.repeat(40)}…”.`);
    expect(readOptionField('permutations', '10000000')).toEqual({ ok: true, value: 10_000_000 });
  });

  it('option values · hostile · a terminal escape or HTML typed in a field → refused, echoed escaped and cut short', () => {
    const esc = refusedAlike('seed', '\u001b[2J\u001b[31m7');
    expect(esc).toContain('got “\\u001b[2J\\u001b[31m7”');
    expect([...esc].some((ch) => ch.charCodeAt(0) < 0x20)).toBe(false);
    const html = refusedAlike('seed', `<img src=x onerror=alert(1)>${'x'.repeat(100)}`);
    expect(html).toContain('got “<img src=x onerror=alert(1)>xxxxxxxxxxxx…”');
  });

  it('option values · malformed · a negative seed → the range, not a parse error', () => {
    expect(refusedAlike('seed', '-5')).toBe('Seed must be a whole number from 0 to 2,147,483,647; got “-5”.');
  });
});
