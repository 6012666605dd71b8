// Share a probe as a URL: the probe in the fragment (`#probe=…`, see src/probes/share.ts), so it
// never reaches a server. Opening such a URL loads the probe into the editor after validation and
// never runs anything; a tampered or cut-off link gives a clear message.
import { decodeProbeFromFragment, encodeProbeToFragment, hasProbeFragment } from '../probes/share';
import type { AssociationProbe } from '../probes/schema';
import LZString from 'lz-string';
import { crc32Hex, FRAGMENT_MAX_CHARS } from '../probes/share';
import type { LmProbe } from '../probes/lmSchema';
import { validateLmDraft } from './lmDraft';

/** Throws ProbeValidationError when the probe is too large for a link. */
export function shareUrlFor(probe: AssociationProbe, href: string): string {
  return href.replace(/#.*$/, '') + encodeProbeToFragment(probe);
}

export type ShareRead = { kind: 'none' } | { kind: 'ok'; probe: AssociationProbe } | { kind: 'error'; message: string };

/** Read a location hash such as "#probe=N4Ig…". */
export function readShareFragment(hash: string): ShareRead {
  if (!hasProbeFragment(hash)) return { kind: 'none' };
  try {
    return { kind: 'ok', probe: decodeProbeFromFragment(hash) };
  } catch (e) {
    return { kind: 'error', message: e instanceof Error ? e.message : String(e) };
  }
}

// LM probes travel in their own fragment, `#lm-probe=<lz-string>.<crc32>`, validated against the LM
// schema on the way in (the association decoder only knows WEAT/SEAT).

export const LM_SHARE_PREFIX = '#lm-probe=';

export function lmShareUrlFor(probe: LmProbe, href: string): string {
  const json = JSON.stringify(probe);
  const fragment = `${LM_SHARE_PREFIX}${LZString.compressToEncodedURIComponent(json)}.${crc32Hex(json)}`;
  if (fragment.length > FRAGMENT_MAX_CHARS)
    throw new Error(`This probe is too large to share as a link (${fragment.length.toLocaleString('en-US')} characters; the limit is ${FRAGMENT_MAX_CHARS.toLocaleString('en-US')}). Export it as a JSON file instead.`);
  return href.replace(/#.*$/, '') + fragment;
}

export type LmShareRead = { kind: 'none' } | { kind: 'ok'; probe: LmProbe } | { kind: 'error'; message: string };

export function readLmShareFragment(hash: string): LmShareRead {
  if (!hash.startsWith(LM_SHARE_PREFIX)) return { kind: 'none' };
  const body = hash.slice(LM_SHARE_PREFIX.length);
  const sep = body.lastIndexOf('.');
  const bad = (why: string): LmShareRead => ({ kind: 'error', message: `This share link does not contain a valid LM probe: ${why}` });
  if (sep < 0) return bad('its checksum is missing; the link is probably cut off (copy the whole link).');
  let json: string | null;
  try {
    json = LZString.decompressFromEncodedURIComponent(body.slice(0, sep));
  } catch {
    json = null;
  }
  if (!json) return bad('it could not be decompressed; the link is probably truncated or was changed.');
  if (crc32Hex(json) !== body.slice(sep + 1)) return bad('its checksum does not match; the link was changed or damaged on the way.');
  const v = validateLmDraft(json);
  if (!v.probe) return bad(v.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '));
  return { kind: 'ok', probe: v.probe };
}
