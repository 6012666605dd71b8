// The bounded share-link decoder against lz-string itself (the independent reference): every
// string the library compresses decodes to the same text, and a decompression bomb — a short link
// that expands LZW-style to megabytes — is refused at the ceiling instead of being expanded.
import fc from 'fast-check';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { decompressUriSafeBounded, DecompressedTooLargeError } from '../../src/probes/boundedLzString';
import { decodeProbeFromFragment, FRAGMENT_MAX_CHARS, FRAGMENT_MAX_JSON_CHARS, crc32Hex } from '../../src/probes/share';
import { readLmShareFragment } from '../../src/state/share';

describe('decompressUriSafeBounded', () => {
  it('decodes what lz-string compresses, for any text (unicode included)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        const packed = LZString.compressToEncodedURIComponent(text);
        expect(decompressUriSafeBounded(packed, 1e6) ?? '').toBe(LZString.decompressFromEncodedURIComponent(packed) ?? '');
      }),
      { numRuns: 300 },
    );
    const json = JSON.stringify({ words: Array.from({ length: 2000 }, (_, i) => `w${i * 7919}`) });
    expect(decompressUriSafeBounded(LZString.compressToEncodedURIComponent(json), 1e6)).toBe(json);
  });
  it('returns null for a damaged payload where the library does', () => {
    const packed = LZString.compressToEncodedURIComponent('{"a":"hello world hello world"}');
    const cut = packed.slice(0, 5);
    expect(LZString.decompressFromEncodedURIComponent(cut) || null).toBeNull();
    expect(decompressUriSafeBounded(cut, 1e6) || null).toBeNull();
  });
  it('stops a decompression bomb at the ceiling', () => {
    const bomb = LZString.compressToEncodedURIComponent('a'.repeat(1_000_000));
    expect(bomb.length).toBeLessThan(FRAGMENT_MAX_CHARS);
    expect(() => decompressUriSafeBounded(bomb, FRAGMENT_MAX_JSON_CHARS)).toThrow(DecompressedTooLargeError);
    expect(decompressUriSafeBounded(bomb, 1_000_000)).toHaveLength(1_000_000);
  });
});

describe('share links refuse crafted input before doing the work', () => {
  // A link under the length limit whose JSON is 1 MB: the old decoders expanded it in full.
  const json = JSON.stringify({ family: 'weat', pad: ' '.repeat(1_000_000) });
  const body = `${LZString.compressToEncodedURIComponent(json)}.${crc32Hex(json)}`;
  it('association links', () => {
    expect(body.length).toBeLessThan(FRAGMENT_MAX_CHARS);
    expect(() => decodeProbeFromFragment(`#probe=${body}`)).toThrow(/decompresses to more than 524,288 characters/);
  });
  it('LM links: the bomb, and an over-long link', () => {
    const bomb = readLmShareFragment(`#lm-probe=${body}`);
    expect(bomb).toEqual({ kind: 'error', message: expect.stringMatching(/decompresses to more than 524,288 characters/) });
    const long = readLmShareFragment(`#lm-probe=${'A'.repeat(75_000)}.00000000`);
    expect(long).toEqual({ kind: 'error', message: expect.stringMatching(/75,009 characters long; the limit is 32,768/) });
  });
});
