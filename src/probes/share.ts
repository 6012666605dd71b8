// Share a probe as a URL fragment: `#probe=` + lz-string compressToEncodedURIComponent(JSON) +
// `.` + CRC-32 (8 hex digits) of the JSON. The fragment never reaches a server, so a shared probe
// stays private to the two browsers. The checksum is there because an lz-string payload with a
// changed or missing character often still decompresses — sometimes into a different, valid
// probe; the CRC turns that silent change into a clear error (it detects accidents, it is not a
// signature).
//
// Decoding treats the fragment as hostile: anything that does not decompress, parse and validate
// fully is a ProbeValidationError with a message saying which step failed. Opening a share URL
// only loads the probe; it never runs anything. FRAGMENT_MAX_CHARS bounds the work (lz-string
// decompression of an attacker-chosen string) and keeps links within what browsers and chat
// apps carry.
import LZString from 'lz-string';
import { decompressUriSafeBounded, DecompressedTooLargeError } from './boundedLzString';
import { ProbeValidationError } from '../core/errors';
import type { Probe } from './schema';
import type { AnyProbe } from './lmSchema';
import { parseAnyProbe, parseProbe } from './validate';

export const SHARE_PREFIX = '#probe=';
const CHECKSUM_SEPARATOR = '.';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 (IEEE 802.3, as zlib) of a string's UTF-8 bytes, as 8 lower-case hex digits. */
export const crc32Hex = (text: string): string => {
  let c = 0xffffffff;
  for (const byte of new TextEncoder().encode(text)) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return ((c ^ 0xffffffff) >>> 0).toString(16).padStart(8, '0');
};
/** Largest fragment (characters, prefix included) we create or accept: 32 KB. */
export const FRAGMENT_MAX_CHARS = 32 * 1024;
/**
 * Largest probe JSON a fragment may decompress to. Real probes compress 2–5×, so a 32 KB link
 * holds at most ~160 K characters; a link that expands further is crafted, not shared.
 */
export const FRAGMENT_MAX_JSON_CHARS = 512 * 1024;

/**
 * The JSON inside a fragment body (payload, ".", CRC-32), checked: size before any work, bounded
 * decompression, checksum. Shared by the association and LM share links.
 * @throws {ProbeValidationError} naming the step that failed
 */
export const unpackFragmentBody = (body: string, fail: (why: string) => Error): string => {
  if (body.length > FRAGMENT_MAX_CHARS) {
    throw fail(`it is ${body.length.toLocaleString('en-US')} characters long; the limit is ${FRAGMENT_MAX_CHARS.toLocaleString('en-US')}.`);
  }
  if (body.length === 0) throw fail('it is empty.');
  if (!/^[A-Za-z0-9+\-$.]*$/.test(body)) {
    throw fail('it contains characters a share link never has (was it edited or cut off?).');
  }
  const sep = body.lastIndexOf(CHECKSUM_SEPARATOR);
  if (sep < 0 || !/^[0-9a-f]{8}$/.test(body.slice(sep + 1))) {
    throw fail('its checksum is missing; the link is probably cut off (copy the whole link).');
  }
  let json: string | null;
  try {
    json = decompressUriSafeBounded(body.slice(0, sep), FRAGMENT_MAX_JSON_CHARS);
  } catch (e) {
    if (!(e instanceof DecompressedTooLargeError)) throw e;
    throw fail(`${e.message}; no real probe link does (the limit is ${FRAGMENT_MAX_JSON_CHARS.toLocaleString('en-US')}).`);
  }
  if (!json) throw fail('it could not be decompressed; the link is probably truncated or was changed.');
  if (crc32Hex(json) !== body.slice(sep + 1)) {
    throw fail('its checksum does not match; the link was changed or damaged on the way.');
  }
  return json;
};

/** Encode a probe as a URL fragment ("#probe=…"). Throws ProbeValidationError if it is too large. */
export const encodeProbeToFragment = (probe: Probe | AnyProbe): string => {
  const { format: _f, $schema: _s, ...rest } = probe;
  const json = JSON.stringify(rest);
  const fragment = SHARE_PREFIX + LZString.compressToEncodedURIComponent(json) + CHECKSUM_SEPARATOR + crc32Hex(json);
  if (fragment.length > FRAGMENT_MAX_CHARS) {
    throw new ProbeValidationError(
      `This probe is too large to share as a link (${fragment.length.toLocaleString('en-US')} characters; the limit is ` +
        `${FRAGMENT_MAX_CHARS.toLocaleString('en-US')}). Export it as a JSON file instead.`,
    );
  }
  return fragment;
};

/** Whether a location hash carries a shared probe. */
export const hasProbeFragment = (hash: string): boolean => hash.startsWith(SHARE_PREFIX) || hash.startsWith(SHARE_PREFIX.slice(1));

const fail = (why: string): ProbeValidationError =>
  new ProbeValidationError(`This share link does not contain a valid probe: ${why}`);

/**
 * Decode and fully validate a shared probe from a location hash ("#probe=…"; the leading "#" is
 * optional). Throws ProbeValidationError for a missing prefix, an oversized, truncated or tampered
 * payload, non-JSON content, or a probe the schema rejects (listing its problems).
 */
export const decodeProbeFromFragment = (hash: string): Probe => decodeFragment(hash, parseProbe);

/** As decodeProbeFromFragment, for a probe of any family (LM families included). */
export const decodeAnyProbeFromFragment = (hash: string): AnyProbe => decodeFragment(hash, parseAnyProbe);

const decodeFragment = <P>(hash: string, parse: (json: unknown) => P): P => {
  const h = hash.startsWith('#') ? hash : `#${hash}`;
  if (!h.startsWith(SHARE_PREFIX)) throw fail(`it should start with "${SHARE_PREFIX}".`);
  if (h.length > FRAGMENT_MAX_CHARS) {
    throw fail(`it is ${h.length.toLocaleString('en-US')} characters long; the limit is ${FRAGMENT_MAX_CHARS.toLocaleString('en-US')}.`);
  }
  let body = h.slice(SHARE_PREFIX.length);
  if (body.includes('%')) {
    // Some chat apps and mail clients percent-encode "$" or "+" in links they pass on.
    try {
      body = decodeURIComponent(body);
    } catch {
      /* left as is: the character check reports it */
    }
  }
  const json = unpackFragmentBody(body, fail);
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw fail('it decompressed to something that is not JSON; the link is probably truncated or was changed.');
  }
  try {
    return parse(value);
  } catch (e) {
    if (e instanceof ProbeValidationError) throw fail(`the probe in it is invalid.\n${e.message}`);
    throw e;
  }
};
