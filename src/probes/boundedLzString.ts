// lz-string's decompressFromEncodedURIComponent with a ceiling on the output. Share links are
// attacker-chosen input, and lz-string is LZW-like: n codes can expand to about n²/2 characters,
// so a 30 KB link can decompress to hundreds of megabytes (a crafted 75 KB link took 31 s and
// ~1 GB of heap in the library's own decoder). The library offers no limit, so its decoder is
// ported here (lz-string 1.5.0 `_decompress`, MIT, © 2013 Pieroxy) with one change: it stops as
// soon as the output would pass `maxChars`. Compression still uses the library; the round trip is
// tested against it.

const URI_SAFE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const URI_SAFE_VALUE = new Map([...URI_SAFE_ALPHABET].map((ch, i) => [ch, i]));

/** Thrown when the decompressed text would be longer than allowed. */
export class DecompressedTooLargeError extends Error {
  constructor(readonly maxChars: number) {
    super(`it decompresses to more than ${maxChars.toLocaleString('en-US')} characters`);
    this.name = 'DecompressedTooLargeError';
  }
}

/**
 * Decompress lz-string's URI-safe encoding, refusing output longer than `maxChars`.
 * @returns the text; null where the library returns null or "" for malformed input
 * @throws {DecompressedTooLargeError} as soon as the output would exceed maxChars
 */
export function decompressUriSafeBounded(input: string, maxChars: number): string | null {
  if (input === '') return null;
  const text = input.replace(/ /g, '+');
  const resetValue = 32;
  const valueAt = (i: number) => URI_SAFE_VALUE.get(text.charAt(i)) ?? 0;
  let val = valueAt(0);
  let position = resetValue;
  let index = 1;
  const readBits = (n: number): number => {
    let bits = 0;
    for (let power = 1, maxpower = 2 ** n; power !== maxpower; power <<= 1) {
      const resb = val & position;
      position >>= 1;
      if (position === 0) {
        position = resetValue;
        val = valueAt(index++);
      }
      bits |= (resb > 0 ? 1 : 0) * power;
    }
    return bits;
  };

  const dictionary: string[] = ['', '', ''];
  let enlargeIn = 4;
  let dictSize = 4;
  let numBits = 3;
  const result: string[] = [];
  let length = 0;
  const push = (s: string) => {
    length += s.length;
    if (length > maxChars) throw new DecompressedTooLargeError(maxChars);
    result.push(s);
  };

  let c: string;
  switch (readBits(2)) {
    case 0:
      c = String.fromCharCode(readBits(8));
      break;
    case 1:
      c = String.fromCharCode(readBits(16));
      break;
    default:
      return '';
  }
  dictionary[3] = c;
  let w = c;
  push(c);
  for (;;) {
    if (index > text.length) return null;
    let code = readBits(numBits);
    if (code === 0 || code === 1) {
      dictionary[dictSize++] = String.fromCharCode(readBits(code === 0 ? 8 : 16));
      code = dictSize - 1;
      enlargeIn--;
    } else if (code === 2) {
      return result.join('');
    }
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
    let entry: string;
    const known = dictionary[code];
    if (known) entry = known;
    else if (code === dictSize) entry = w + w.charAt(0);
    else return null;
    push(entry);
    dictionary[dictSize++] = w + entry.charAt(0);
    enlargeIn--;
    w = entry;
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  }
}
