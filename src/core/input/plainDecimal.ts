// A number typed into a form field where the probe's schema, not the field, knows whether it must
// be whole (the LM probe form's number fields). Only plain decimal notation is read as a number —
// "12", "-3", "0.5" — so "0x10", "1e3", " 12" or "1_000" stay text and the schema's check names
// them ("expected a number, got the text …"), instead of Number() silently reading 16 or 1000.

const PLAIN_DECIMAL = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;

/** The number `text` spells in plain decimal notation, or null. */
export const readPlainDecimal = (text: string): number | null => (PLAIN_DECIMAL.test(text) ? Number(text) : null);
