// How a refusal message quotes what the user gave: short, and with every invisible or control
// character written as an escape. A message is printed by the CLI to a terminal (where an ESC
// sequence would be executed) and shown by the page, so it never carries a raw control character
// or a wall of text.

const MAX_SHOWN = 40;

const escape = (ch: string): string => {
  if (ch === '\n') return '\\n';
  if (ch === '\r') return '\\r';
  if (ch === '\t') return '\\t';
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
};

/** The input in curly quotes, control characters escaped, cut to 40 characters with "…". */
export const quoteInput = (text: string): string => {
  const chars = [...text];
  // eslint-disable-next-line no-control-regex -- finding control characters is this function's job
  const shown = chars.slice(0, MAX_SHOWN).join('').replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, escape);
  return `“${shown}${chars.length > MAX_SHOWN ? '…' : ''}”`;
};
