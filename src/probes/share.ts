// Share a probe as a URL fragment: `#probe=` + lz-string compressToEncodedURIComponent(JSON).
// The fragment never reaches a server, so a shared probe stays private to the two browsers.
//
// Decoding treats the fragment as hostile: anything that does not decompress, parse and validate
// fully is a ProbeValidationError with a message saying which step failed. Opening a share URL
// only loads the probe; it never runs anything. FRAGMENT_MAX_CHARS bounds the work (lz-string
// decompression of an attacker-chosen string) and keeps links within what browsers and chat
// apps carry.
import LZString from 'lz-string';
import { ProbeValidationError } from '../core/errors';
import type { Probe } from './schema';
import { parseProbe } from './validate';

export const SHARE_PREFIX = '#probe=';
/** Largest fragment (characters, prefix included) we create or accept: 32 KB. */
export const FRAGMENT_MAX_CHARS = 32 * 1024;

/** Encode a probe as a URL fragment ("#probe=…"). Throws ProbeValidationError if it is too large. */
export const encodeProbeToFragment = (probe: Probe): string => {
  const { format: _f, $schema: _s, ...rest } = probe;
  const fragment = SHARE_PREFIX + LZString.compressToEncodedURIComponent(JSON.stringify(rest));
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
export const decodeProbeFromFragment = (hash: string): Probe => {
  const h = hash.startsWith('#') ? hash : `#${hash}`;
  if (!h.startsWith(SHARE_PREFIX)) throw fail(`it should start with "${SHARE_PREFIX}".`);
  if (h.length > FRAGMENT_MAX_CHARS) {
    throw fail(`it is ${h.length.toLocaleString('en-US')} characters long; the limit is ${FRAGMENT_MAX_CHARS.toLocaleString('en-US')}.`);
  }
  const payload = h.slice(SHARE_PREFIX.length);
  if (payload.length === 0) throw fail('it is empty.');
  if (!/^[A-Za-z0-9+\-$]*$/.test(payload)) {
    throw fail('it contains characters a share link never has (was it edited or cut off?).');
  }
  let json: string | null;
  try {
    json = LZString.decompressFromEncodedURIComponent(payload);
  } catch {
    json = null;
  }
  if (!json) throw fail('it could not be decompressed; the link is probably truncated or was changed.');
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw fail('it decompressed to something that is not JSON; the link is probably truncated or was changed.');
  }
  try {
    return parseProbe(value);
  } catch (e) {
    if (e instanceof ProbeValidationError) throw fail(`\n${e.message}`);
    throw e;
  }
};
