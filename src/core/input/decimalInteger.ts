// How a whole-number option is read from text — a page form field, a CLI flag — so that both take
// and refuse exactly the same spellings. Allowed: the digits 0–9, without leading zeros ("0" itself
// is fine), with a minus sign only to be told the range. Refused, because JavaScript's Number()
// would silently read them as something the user may not mean: hex ("0x10" = 16), exponents
// ("1e5"), decimals ("10.0"), surrounding or inner spaces (" 12"), a plus sign ("+3"), digit
// separators ("1_000", "10,000"), leading zeros ("010", octal in some languages) and numbers
// beyond the option's range (compared exactly, so 30 nines are refused, not rounded).

import { quoteInput } from './quoteInput';

export interface IntegerRange {
  min: number;
  max: number;
}

export type IntegerReading = { ok: true; value: number } | { ok: false; message: string };

const fmt = (n: number) => n.toLocaleString('en-US');

/** "a whole number from 1 to 10,000,000" — the rule as the page's help and both refusals state it. */
export const integerRule = (range: IntegerRange): string => `a whole number from ${fmt(range.min)} to ${fmt(range.max)}`;

/**
 * Read `text` as a decimal integer within `range`. `name` is how the message names the value
 * ("Permutations" on the page, "--permutations" in the CLI); the rest of the message is the same.
 */
export function readDecimalInteger(text: string, range: IntegerRange, name: string): IntegerReading {
  if (text.trim() === '') return { ok: false, message: `${name} is empty: enter ${integerRule(range)}.` };
  const m = /^(-(?=[1-9])|)(0|[1-9][0-9]*)$/.exec(text);
  if (!m) {
    const why = /^\s|\s$/.test(text)
      ? 'without spaces around it'
      : /^0[0-9]/.test(text)
        ? 'without leading zeros'
        : 'in plain digits (no sign, separators, decimals, exponent or hex)';
    return { ok: false, message: `${name} must be ${integerRule(range)}, written ${why}; got ${quoteInput(text)}.` };
  }
  // Compared as a BigInt: Number() would round 9007199254740993 to 2^53 before the range check.
  // Past 20 digits it is out of any range an option has, and not worth converting.
  const value = m[2]!.length > 20 ? null : BigInt(text);
  if (value === null || value < BigInt(range.min) || value > BigInt(range.max)) {
    return { ok: false, message: `${name} must be ${integerRule(range)}; got ${quoteInput(text)}.` };
  }
  return { ok: true, value: Number(value) };
}
